// Prints the bytes a first visit to the home page transfers, per file type and in total, raw and
// compressed (gzip -9 and brotli, as a host would serve them). Reads the release build in dist/.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { extname, join } from "node:path";
import { figure } from "./lib/figures.mjs";

const dist = process.argv[2] ?? "dist";
const html = readFileSync(join(dist, "index.html"), "utf8");
// The home page's own files: the HTML plus every asset it links to or its loader imports (not the
// per-route copies, nor what the service worker fetches afterwards for offline use).
const linked = new Set([...html.matchAll(/["']\/?(?:[^"'\s]*\/)?([^"'/\s]+\.(?:wasm|js|css|svg))["']/g)].map((m) => m[1]));
const files = ["index.html", ...readdirSync(dist).filter((f) => linked.has(f))];

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const rows = files.map((file) => {
  const bytes = readFileSync(join(dist, file));
  return {
    type: extname(file).slice(1),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
console.log(`First visit to the home page (${dist}/), KB:`);
console.log(`${"type".padEnd(6)}${"raw".padStart(8)}${"gzip".padStart(8)}${"brotli".padStart(8)}`);
for (const row of rows) console.log(`${row.type.padEnd(6)}${kb(row.raw)}${kb(row.gzip)}${kb(row.brotli)}`);
const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
console.log(`${"total".padEnd(6)}${kb(total("raw"))}${kb(total("gzip"))}${kb(total("brotli"))}`);
const TABLE = "First visit to the home page, KB (`scripts/bench-sizes.mjs`)";
/** @type {Record<string, string>} */
const names = { html: "HTML (prerendered page, stylesheet inlined)", svg: "icon", js: "JS glue", wasm: "wasm" };
const thousands = (/** @type {number} */ n) => (n / 1024).toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
for (const row of [...rows, { type: "total", raw: total("raw"), gzip: total("gzip"), brotli: total("brotli") }]) {
  for (const key of /** @type {const} */ (["raw", "gzip", "brotli"])) figure(TABLE, names[row.type] ?? row.type, key, thousands(row[key]));
}

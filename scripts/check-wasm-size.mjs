// Fails when the release wasm, compressed with gzip -9 (Node's zlib, as scripts/bench-sizes.mjs
// measures it), is larger than the budget in wasm-budget.txt. The same commit built with the same
// toolchain gives the same wasm, byte for byte, so this is a test, not a timing.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
const budgetFile = new URL("../wasm-budget.txt", import.meta.url);
const budget = Number(readFileSync(budgetFile, "utf8").split("\n").find((line) => /^\d+\s*$/.test(line)));
if (!Number.isSafeInteger(budget)) throw new Error("wasm-budget.txt has no line with the budget in bytes");

const wasms = readdirSync(dist).filter((file) => file.endsWith(".wasm"));
if (wasms.length !== 1) throw new Error(`expected one .wasm in ${dist}/, found ${wasms.length}`);
const size = gzipSync(readFileSync(join(dist, wasms[0])), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`wasm: ${size} bytes gzip (${kb(size)}); budget ${budget} bytes (${kb(budget)})`);
if (size > budget) {
  console.error(
    `The wasm is ${size - budget} bytes over its budget. Make it smaller, or raise the budget in ` +
      "wasm-budget.txt and give the reason in your note and in README.md (Performance).",
  );
  process.exit(1);
}
if (budget - size >= 1024) {
  console.log(`It is ${kb(budget - size)} under: lower wasm-budget.txt to ${size} so the budget keeps what was won.`);
}

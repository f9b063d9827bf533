// Per-keystroke search time in the browser (Chromium):
// 1. in the app (release build in dist/), from its own Performance API measures ("search"), typing
//    "peer support" into the search field one key at a time;
// 2. the same engine at 1x, 10x and 100x the guide's size, from examples/search_bench_wasm.rs
//    (built to wasm by scripts/bench.sh into target/search-bench/), timed with performance.now().
import { chromium } from "@playwright/test";
import { chromePath } from "./lib/chrome.mjs";
import httpServer from "http-server";
import { median } from "./lib/median.mjs";
import { figure, ms } from "./lib/figures.mjs";

const server = httpServer.createServer({ root: process.argv[2] ?? "dist", cache: -1, showDir: false, logFn: () => {} });
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.server.address().port}`;
const browser = await chromium.launch({ executablePath: chromePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const page = await browser.newPage();
const runs = [];
for (let run = 0; run < 5; run++) {
  await page.goto(`${origin}/`);
  await page.locator("html[data-app=ready]").waitFor({ state: "attached" });
  await page.evaluate(() => performance.clearMeasures("search"));
  await page.keyboard.press("/");
  await page.keyboard.type("peer support", { delay: 30 });
  await page.locator(".result").first().waitFor();
  runs.push(await page.evaluate(() => performance.getEntriesByName("search").map((e) => e.duration)));
}
const first = runs.map((r) => r[0]).sort((a, b) => a - b);
const rest = runs.flatMap((r) => r.slice(1)).sort((a, b) => a - b);
console.log(`Search in the browser: first keystroke (builds the index) median ${median(first).toFixed(2)} ms; ` +
  `later keystrokes median ${median(rest).toFixed(2)} ms, slowest ${rest[rest.length - 1].toFixed(2)} ms (${rest.length} keystrokes)`);
const SEARCH = "Search in the browser, per keystroke (\"peer support\", key by key; `scripts/bench-search.mjs`)";
figure(SEARCH, "real guide, in the app", "median", ms(median(rest)));
figure(SEARCH, "real guide, in the app", "slowest", ms(rest[rest.length - 1]));
figure(SEARCH, "building the index (the first keystroke)", "median", ms(median(first)));

const benchServer = httpServer.createServer({ root: "target/search-bench", cache: -1, showDir: false, logFn: () => {} });
await new Promise((resolve) => benchServer.listen(0, "127.0.0.1", resolve));
await page.goto(`http://127.0.0.1:${benchServer.server.address().port}/`).catch(() => {});
const lines = await page.evaluate(async (url) => {
  const module = await import(url);
  await module.default();
  return module.run();
}, `http://127.0.0.1:${benchServer.server.address().port}/search_bench_wasm.js`);
for (const line of lines.split("\n")) {
  const [times, docs, keystrokeMedian, slowest] = line.split(" ");
  console.log(`Search engine in the browser, ${times}x the guide (${docs} documents): keystroke median ${keystrokeMedian} ms, slowest ${slowest} ms`);
  figure(SEARCH, `${times}x the guide (${docs} documents)`, "median", `${keystrokeMedian} ms`);
  figure(SEARCH, `${times}x the guide (${docs} documents)`, "slowest", `${slowest} ms`);
}
await browser.close();
for (const s of [server, benchServer]) {
  s.server.closeAllConnections();
  s.close();
}

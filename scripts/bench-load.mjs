// How fast a first visit is, against the limit to beat: a plain static HTML page of the same text.
// Figures, not pass/fail. Serves the release build on localhost and prints:
//   1. Lighthouse (mobile profile: simulated slow 4G and a 4x slower CPU) scores for every route.
//   2. First and largest contentful paint of the home page against the plain page (the same
//      prerendered HTML and stylesheet with every script removed), median of several runs each,
//      in the same run and under the same throttling, as a ratio app / plain.
//   3. With the same network and CPU throttling applied in Chromium (DevTools throttling): time to
//      interactive (the wasm started and hydrated the page: the app's `recovery-guide:ready` mark),
//      and the median in-app route change (click to the app's `recovery-guide:route-shown` mark).
//
//   node scripts/bench-load.mjs [dist]       (Chromium: $CHROME_PATH, see scripts/lib/chrome.mjs)
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "smol-toml";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { chromium } from "@playwright/test";
import httpServer from "http-server";
import { median } from "./lib/median.mjs";
import { figure, ms } from "./lib/figures.mjs";
import { chromePath } from "./lib/chrome.mjs";

const dist = process.argv[2] ?? "dist";
const quietFlags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
// Paint times on this machine vary by ±100 ms from load to load: medians of several runs.
const RUNS = 5;
const COLD_RUNS = 7;

// The build plus the plain page, served together so both load the same stylesheet the same way.
const root = mkdtempSync(join(tmpdir(), "guide-bench-"));
cpSync(dist, root, { recursive: true });
const home = readFileSync(join(dist, "index.html"), "utf8");
const plain = home
  .replace(/<script\b[\s\S]*?<\/script>/g, "")
  .replace(/<link rel="manifest"[^>]*>/g, "");
mkdirSync(join(root, "plain"));
writeFileSync(join(root, "plain", "index.html"), plain);
// Served as a host would: the build's .br and .gz copies when the browser accepts them.
const server = httpServer.createServer({ root, cache: -1, showDir: false, autoIndex: false, gzip: true, brotli: true, logFn: () => {} });
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.server.address().port}`;

const pages = /** @type {{ path?: string, nav?: string }[]} */ (parse(readFileSync("src/content/pages.toml", "utf8")).page);
const routes = pages.filter((p) => p.path).map((p) => String(p.path));
const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: quietFlags });
const audit = async (path) => {
  const { lhr } = /** @type {import("lighthouse").RunnerResult} */ (await lighthouse(`${origin}${path}`, {
    port: chrome.port,
    logLevel: "error",
    onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
  }));
  const failing = Object.values(lhr.categories)
    .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => lhr.audits[r.id]))
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative")
    .map((a) => a.id);
  return {
    scores: ["performance", "accessibility", "best-practices", "seo"].map((c) => Math.round(Number(lhr.categories[c].score) * 100)),
    fcp: Number(lhr.audits["first-contentful-paint"].numericValue),
    lcp: Number(lhr.audits["largest-contentful-paint"].numericValue),
    tbt: Number(lhr.audits["total-blocking-time"].numericValue),
    cls: Number(lhr.audits["cumulative-layout-shift"].numericValue),
    failing: [...new Set(failing)],
  };
};

console.log("Lighthouse 12, mobile profile (simulated slow 4G, 4x CPU slowdown), on localhost:");
console.log(`${"route".padEnd(16)}${"perf".padStart(6)}${"a11y".padStart(6)}${"best".padStart(6)}${"seo".padStart(6)}${"FCP ms".padStart(9)}${"LCP ms".padStart(9)}${"TBT ms".padStart(9)}${"CLS".padStart(7)}  below 100`);
const homeRuns = [];
for (const path of routes) {
  const result = await audit(path);
  if (path === "/") homeRuns.push(result);
  const [perf, a11y, best, seo] = result.scores;
  console.log(`${path.padEnd(16)}${String(perf).padStart(6)}${String(a11y).padStart(6)}${String(best).padStart(6)}${String(seo).padStart(6)}` +
    `${result.fcp.toFixed(0).padStart(9)}${result.lcp.toFixed(0).padStart(9)}${result.tbt.toFixed(0).padStart(9)}${result.cls.toFixed(3).padStart(7)}  ${result.failing.join(", ")}`);
  const LIGHTHOUSE = "Lighthouse, mobile profile: simulated slow 4G and a 4× slower CPU, on localhost (`scripts/bench-load.mjs`)";
  figure(LIGHTHOUSE, `\`${path}\``, "performance", perf);
  figure(LIGHTHOUSE, `\`${path}\``, "accessibility, best practices, SEO", [a11y, best, seo].join(", "));
  figure(LIGHTHOUSE, `\`${path}\``, "FCP", ms(result.fcp));
  figure(LIGHTHOUSE, `\`${path}\``, "LCP", ms(result.lcp));
  figure(LIGHTHOUSE, `\`${path}\``, "TBT", ms(result.tbt));
  figure(LIGHTHOUSE, `\`${path}\``, "CLS", Number(result.cls.toFixed(3)));
}

// App and plain page alternate, so any drift on the machine affects both alike.
const plainRuns = [];
while (plainRuns.length < RUNS) {
  if (homeRuns.length < RUNS) homeRuns.push(await audit("/"));
  plainRuns.push(await audit("/plain/"));
}
await chrome.kill();
const compare = (metric) => {
  const app = median(homeRuns.map((r) => r[metric]));
  const page = median(plainRuns.map((r) => r[metric]));
  return `${metric.toUpperCase()} app ${app.toFixed(0)} ms, plain page ${page.toFixed(0)} ms, ratio ${(app / page).toFixed(2)}`;
};
console.log(`\nHome page against the plain static page (Lighthouse mobile, median of ${RUNS} each):`);
console.log(`  ${compare("fcp")}`);
console.log(`  ${compare("lcp")}`);
const PLAIN = "The home page against a plain static page (its own HTML and styles with every script removed; `scripts/bench-load.mjs`)";
/** @param {string} row @param {number} app @param {number} page */
const against = (row, app, page) => {
  figure(PLAIN, row, "app", ms(app));
  figure(PLAIN, row, "plain page", ms(page));
  figure(PLAIN, row, "ratio", (app / page).toFixed(2));
};
for (const metric of ["fcp", "lcp"]) {
  against(`${metric.toUpperCase()}, Lighthouse mobile, median of ${RUNS}`, median(homeRuns.map((r) => r[metric])), median(plainRuns.map((r) => r[metric])));
}

// ---- 3. Real loads in Chromium with the same network and CPU limits (DevTools throttling).
const browser = await chromium.launch({ executablePath: chromePath, args: quietFlags.filter((f) => !f.startsWith("--headless")) });
const throttled = async (context) => {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // Lighthouse's mobile numbers: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, 4x CPU.
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  return page;
};
const paints = (page) => page.evaluate(() => new Promise((resolve) => {
  let lcp = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) lcp = e.startTime; }).observe({ type: "largest-contentful-paint", buffered: true });
  setTimeout(() => resolve({ fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN, lcp }), 50);
}));
const cold = { app: /** @type {{ fcp: number, lcp: number }[]} */ ([]), plain: /** @type {{ fcp: number, lcp: number }[]} */ ([]), ready: /** @type {number[]} */ ([]) };
for (let i = 0; i < COLD_RUNS; i++) {
  for (const [which, path] of [["app", "/"], ["plain", "/plain/"]]) {
    const context = await browser.newContext();
    const page = await throttled(context);
    await page.goto(`${origin}${path}`);
    if (which === "app") {
      await page.locator("html[data-app=ready]").waitFor({ state: "attached", timeout: 120_000 });
      cold.ready.push(await page.evaluate(() => performance.getEntriesByName("recovery-guide:ready")[0].startTime));
    }
    cold[which].push(await paints(page));
    await context.close();
  }
}
const coldMedian = (which, metric) => median(cold[which].map((p) => p[metric]));
console.log(`\nFirst visit with DevTools throttling (slow 4G, 4x CPU), median of ${COLD_RUNS}:`);
for (const metric of ["fcp", "lcp"]) {
  const app = coldMedian("app", metric);
  const page = coldMedian("plain", metric);
  console.log(`  ${metric.toUpperCase()} app ${app.toFixed(0)} ms, plain page ${page.toFixed(0)} ms, ratio ${(app / page).toFixed(2)}`);
  against(`${metric.toUpperCase()}, a real load with DevTools throttling (slow 4G, 4× CPU), median of ${COLD_RUNS}`, app, page);
}
console.log(`  Time to interactive (wasm downloaded, started and hydrated): ${median(cold.ready).toFixed(0)} ms`);

// Route changes: the app is loaded; each click goes to the next page of the main navigation.
const context = await browser.newContext();
const page = await throttled(context);
await page.goto(`${origin}/`);
await page.locator("html[data-app=ready]").waitFor({ state: "attached", timeout: 120_000 });
const nav = pages.filter((p) => p.nav).map((p) => p.path);
const changes = [];
for (let i = 1; i <= 4 * nav.length; i++) {
  const target = nav[i % nav.length];
  const took = await page.evaluate((target) => new Promise((resolve) => {
    performance.clearMarks("recovery-guide:route-shown");
    const link = [...document.querySelectorAll('nav[aria-label="Main"] a')].map((a) => /** @type {HTMLAnchorElement} */ (a)).find((a) => new URL(a.href).pathname.replace(/\/$/, "") === (target === "/" ? "" : target));
    const start = performance.now();
    const poll = () => {
      const shown = performance.getEntriesByName("recovery-guide:route-shown")[0];
      if (shown) resolve(shown.startTime - start);
      else setTimeout(poll, 5);
    };
    /** @type {HTMLAnchorElement} */ (link).click();
    poll();
  }), target);
  changes.push(took);
}
await context.close();
const unthrottled = await browser.newContext();
const fast = await unthrottled.newPage();
await fast.goto(`${origin}/`);
await fast.locator("html[data-app=ready]").waitFor({ state: "attached" });
const readyFast = await fast.evaluate(() => performance.getEntriesByName("recovery-guide:ready")[0].startTime);
await unthrottled.close();
console.log(`  In-app route change (click to new page in the document), median of ${changes.length}: ${median(changes).toFixed(1)} ms, slowest ${Math.max(...changes).toFixed(1)} ms (4x CPU)`);
console.log(`  Without throttling: time to interactive ${readyFast.toFixed(0)} ms`);
const START = "Start-up and route changes (the app's Performance API marks; `scripts/bench-load.mjs`)";
figure(START, "time to interactive (downloaded, started, page hydrated), slow 4G and 4× CPU", "median", ms(median(cold.ready)));
figure(START, "time to interactive, no throttling", "median", ms(readyFast));
figure(START, `an in-app route change (click to the new page in the document), 4× CPU, ${changes.length} changes`, "median", ms(median(changes)));
figure(START, `an in-app route change (click to the new page in the document), 4× CPU, ${changes.length} changes`, "slowest", ms(Math.max(...changes)));
await browser.close();
server.server.close();
server.server.closeAllConnections();

// Times an offline reload: first visit (the service worker precaches the build), then the server
// stops and the page reloads from the cache. Prints the median of several reloads, in ms, from
// navigation start to the prerendered heading being shown, and to the app having started on it.
import { chromium } from "@playwright/test";
import { chromePath } from "./lib/chrome.mjs";
import httpServer from "http-server";
import { median } from "./lib/median.mjs";
import { figure, ms } from "./lib/figures.mjs";

const root = process.argv[2] ?? "dist";
const server = httpServer.createServer({ root, cache: -1, showDir: false, logFn: () => {} });
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.server.address().port}`;
const browser = await chromium.launch({ executablePath: chromePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const page = await browser.newPage();
await page.goto(`${origin}/publications`);
await page.evaluate(() => navigator.serviceWorker.ready);
await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
await new Promise((resolve) => { server.server.close(resolve); server.server.closeAllConnections(); });

const painted = [];
const started = [];
for (let i = 0; i < 7; i++) {
  await page.reload();
  await page.locator("html[data-app=ready]").waitFor({ state: "attached" });
  const [paint, ready] = await page.evaluate(() => [
    performance.getEntriesByName("first-contentful-paint")[0].startTime,
    performance.getEntriesByName("recovery-guide:ready")[0].startTime,
  ]);
  painted.push(paint);
  started.push(ready);
}
console.log(`Offline reload of /publications (service worker cache), median of ${painted.length}: ` +
  `page shown (first contentful paint) ${median(painted).toFixed(0)} ms, app started ${median(started).toFixed(0)} ms`);
const OFFLINE = "Offline reload of /publications, from the service worker (`scripts/bench-offline.mjs`)";
figure(OFFLINE, "page shown (first contentful paint)", `median of ${painted.length}`, ms(median(painted)));
figure(OFFLINE, "app started on it", `median of ${painted.length}`, ms(median(started)));
await browser.close();

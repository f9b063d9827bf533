// Times an offline reload: first visit (the service worker precaches the build), then the server
// stops and the page reloads from the cache. Prints the median of several reloads, in ms, from
// navigation start to the page's heading being drawn by the app.
import { chromium } from "@playwright/test";
import httpServer from "http-server";

const root = process.argv[2] ?? "dist";
const server = httpServer.createServer({ root, cache: -1, showDir: false, logFn: () => {} });
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.server.address().port}`;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const page = await browser.newPage();
await page.goto(`${origin}/publications`);
await page.evaluate(() => navigator.serviceWorker.ready);
await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
await new Promise((resolve) => { server.server.close(resolve); server.server.closeAllConnections(); });

const times = [];
for (let i = 0; i < 7; i++) {
  await page.reload();
  await page.locator("main h1").waitFor();
  times.push(await page.evaluate(() => performance.now()));
}
times.sort((a, b) => a - b);
console.log(`Offline reload of /publications (service worker cache), median of ${times.length}: ${times[3].toFixed(0)} ms to the heading`);
await browser.close();

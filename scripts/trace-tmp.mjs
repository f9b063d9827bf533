import { chromium } from "@playwright/test";
import httpServer from "http-server";
const server = httpServer.createServer({ root: "dist", cache: -1, showDir: false, logFn: () => {} });
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.server.address().port}`;
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await b.newPage();
await page.goto(origin + "/bookmarks/"); await page.locator("html[data-app=ready]").waitFor({state:"attached"});
await page.evaluate(() => {
  const bookmarks = {};
  for (let i = 0; i < 1000; i++) { const at = 1700000000000 + i * 1000; bookmarks[`bench-${i}`] = { at, value: { added_at: at, page: "publications", title: `A resource ${i}`, note: "A private note of a sentence or two, about why this matters to me now." } }; }
  localStorage.setItem("recovery-guide:bookmarks", JSON.stringify({ version: 1, bookmarks }));
});
await page.reload(); await page.locator("textarea.note").first().waitFor();
await page.locator("textarea.note").first().click();
const cdp = await page.context().newCDPSession(page);
const events = [];
cdp.on("Tracing.dataCollected", (d) => events.push(...d.value));
await cdp.send("Tracing.start", { categories: "devtools.timeline,v8.execute,blink.user_timing", transferMode: "ReportEvents" });
for (let i = 0; i < 10; i++) { await page.keyboard.press("a"); await page.waitForTimeout(100); }
const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
await cdp.send("Tracing.end"); await done;
const totals = {};
for (const e of events) if (e.ph === "X" && e.dur) totals[e.name] = (totals[e.name] ?? 0) + e.dur / 1000;
console.log(Object.entries(totals).sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${k}: ${(v/10).toFixed(1)} ms/key`).join("\n"));
await b.close(); server.server.close();

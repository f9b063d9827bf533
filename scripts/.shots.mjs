import { chromium } from "@playwright/test";
const base = process.argv[2]; const out = process.argv[3]; const paths = process.argv.slice(4);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const now = Date.now(), day = 86400000;
for (const scheme of ["light", "dark"]) {
  const page = await browser.newPage({ viewport: { width: 360, height: 780 }, colorScheme: scheme });
  await page.addInitScript(([now, day]) => {
    if (localStorage.getItem("recovery-guide:bookmarks")) return;
    localStorage.setItem("recovery-guide:bookmarks", JSON.stringify({ version: 1, bookmarks: { "recovery-devon": { at: now - 9 * day, value: { added_at: now - 9 * day, page: "organisations", title: "Recovery Devon", note: "call them" } } } }));
    localStorage.setItem("recovery-guide:safekeeping", JSON.stringify({ version: 1, first_saved_at: now - 9 * day, keep_asked_at: now - 9 * day, keep_granted: false, downloaded_at: null }));
  }, [now, day]);
  for (const path of paths) {
    await page.goto(base + path);
    await page.locator("html[data-app=ready]").waitFor({ state: "attached" });
    await page.waitForTimeout(500);
    const name = path.replace(/\W+/g, "_") || "home";
    await page.screenshot({ path: `${out}/${name}-360-${scheme}.png`, fullPage: process.env.FULL === "1" });
  }
  await page.close();
}
await browser.close();

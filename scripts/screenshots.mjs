// Screenshots of every page at phone and desktop widths, light and dark, for looking at the design
// and for the README. Needs the release build served: node scripts/screenshots.mjs [base-url] [out-dir]
import { chromium } from "@playwright/test";
import { readFileSync, mkdirSync } from "node:fs";
import { parse } from "smol-toml";

const base = process.argv[2] ?? "http://127.0.0.1:8080";
const out = process.argv[3] ?? "test-results/screenshots";
mkdirSync(out, { recursive: true });

const routes = parse(readFileSync("src/content/pages.toml", "utf8")).page
  .map((p) => [p.id, p.path ?? "/no-such-page"]);

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
for (const scheme of ["light", "dark"]) {
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
    for (const [id, path] of routes) {
      await page.goto(base + path);
      await page.locator("main h1").waitFor();
      await page.screenshot({ path: `${out}/${id}-${width}-${scheme}.png`, fullPage: true });
    }
    await page.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}`);

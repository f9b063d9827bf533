// Temporary: screenshots of the two messages (not committed).
import { test } from "@playwright/test";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "./sites";
test("shots", async ({ browser }) => {
  test.setTimeout(120_000);
  const root = mkdtempSync(join(tmpdir(), "guide-"));
  cpSync("dist", root, { recursive: true });
  const glue = readFileSync(join(root, "index.html"), "utf8").match(/import\('\/([^']+\.js)'\)/)![1];
  for (const f of [glue, glue + ".gz", glue + ".br"]) rmSync(join(root, f), { force: true });
  const broken = await serve(root);
  const crashing = await serve("target/site-panic");
  for (const scheme of ["light", "dark"] as const) for (const width of [360, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 780 }, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(broken.origin + "/publications");
    await page.getByText("The guide could not finish loading").waitFor();
    await page.screenshot({ path: `test-results/shots/load-failure-${width}-${scheme}.png` });
    await page.goto(crashing.origin + "/publications");
    await page.locator("html[data-app=ready]").waitFor({ state: "attached" });
    if (width === 1280) await page.mouse.wheel(0, 600);
    await page.waitForTimeout(300);
    await page.evaluate(() => dispatchEvent(new Event("recovery-guide:panic-for-test")));
    await page.getByRole("alert").waitFor();
    await page.keyboard.press("Tab");
    await page.screenshot({ path: `test-results/shots/crash-${width}-${scheme}.png` });
    await context.close();
  }
  await broken.stop(); await crashing.stop();
});

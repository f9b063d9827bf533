import { test, expect, appReady } from "./fixtures";
import { routedPages } from "./content";

test("theme follows the device, and a chosen theme is remembered", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await appReady(page);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await expect(page.getByLabel("Match my device")).toBeChecked();
  const dark = await background();
  await page.getByLabel("Light").check();
  expect(await background()).not.toBe(dark);
  await page.reload();
  await appReady(page);
  await expect(page.getByLabel("Light")).toBeChecked();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await background()).not.toBe(dark);
});

test("text size grows in steps, is remembered, and never makes the page scroll sideways", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/publications");
  await appReady(page);
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("main p")!).fontSize));
  const standard = await size();
  await page.getByLabel("Largest").check();
  expect(await size()).toBeGreaterThan(standard * 1.3);
  await page.reload();
  await appReady(page);
  await expect(page.getByLabel("Largest")).toBeChecked();
  for (const route of routedPages) {
    await page.goto(route.path!);
    await appReady(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${route.path} at the largest text size`).toBeLessThanOrEqual(0);
  }
});

test("text at 200% (browser setting) loses nothing on a desktop screen", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const route of routedPages) {
    await page.goto(route.path!);
    await appReady(page);
    // Through the CSSOM: the page's Content-Security-Policy (rightly) refuses an added <style>.
    await page.evaluate(() => document.documentElement.style.setProperty("font-size", "200%", "important"));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${route.path} at 200% text`).toBeLessThanOrEqual(0);
  }
});

/** Follows the contents link to "What supports recovery?" and returns each scroll position the
 * page showed, frame by frame, until it has stayed still for 10 frames. Smooth scrolling shows
 * many; a jump shows one. (`getAnimations()` does not list smooth scrolling.) */
async function scrollPositionsFollowingContentsLink(page: import("@playwright/test").Page) {
  return page.evaluate(async () => {
    const nextFrame = () => new Promise(requestAnimationFrame);
    const positions: number[] = [];
    document.querySelector<HTMLAnchorElement>('main a[href$="#what-supports-recovery"]')!.click();
    for (let still = 0, frame = 0; (still < 10 || positions.length === 0) && frame < 300; frame++) {
      await nextFrame();
      if (scrollY === (positions.at(-1) ?? 0)) still++;
      else (positions.push(scrollY), (still = 0));
    }
    return positions;
  });
}

test("with reduced motion asked for, nothing scrolls smoothly or animates", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/");
  await appReady(page);
  expect(await page.evaluate(() => scrollY)).toBe(0);
  expect(await scrollPositionsFollowingContentsLink(page), "one jump to the section").toHaveLength(1);
  await expect(page.locator("#what-supports-recovery h2")).toBeInViewport();
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
});

test("pages print cleanly: no navigation, and link addresses written out", async ({ page }) => {
  await page.goto("/organisations");
  await appReady(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Need help now?" })).toBeHidden();
  await expect(page.locator(".display")).toBeHidden();
  const after = await page.locator("a.external").first().evaluate((a) => getComputedStyle(a, "::after").content);
  expect(after).toContain("https://www.researchintorecovery.com/");
  await expect(page.locator("h1")).toBeVisible();
});

test("the '/' key hint shows where there is a keyboard, not on a touch phone", async ({ browser, baseURL }) => {
  const phone = await browser.newContext({ baseURL, viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await page.goto(new URL("publications", baseURL + "/").href);
  await appReady(page);
  await expect(page.getByText("(press /)")).toBeHidden();
  await phone.close();
  const desktop = await browser.newContext({ baseURL });
  const onDesktop = await desktop.newPage();
  await onDesktop.goto(new URL("publications", baseURL + "/").href);
  await expect(onDesktop.getByText("(press /)")).toBeVisible();
  await desktop.close();
});

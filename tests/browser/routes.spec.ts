import { test, expect, appReady } from "./fixtures";
import { documentTitle, navPages, pageById, routedPages } from "./content";

test.describe("every route loads directly (deep link)", () => {
  for (const page of routedPages) {
    test(`${page.path} shows "${page.heading}"`, async ({ page: browser }) => {
      const response = await browser.goto(page.path!);
      expect(response?.status(), "a real file answers with 200").toBe(200);
      await appReady(browser);
      await expect(browser.locator("h1")).toHaveCount(1);
      await expect(browser.locator("h1")).toHaveText(page.heading);
      await expect(browser).toHaveTitle(documentTitle(page));
      const current = browser.getByRole("navigation", { name: "Main" }).locator('[aria-current="page"]');
      await expect(current).toHaveText(page.nav ? [page.nav] : []);
    });
  }
});

test("every route is reachable by clicking, and back and forward work", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  const visited = [pageById("home")];
  for (const target of navPages.filter((p) => p.id !== "home")) {
    await nav.getByRole("link", { name: target.nav, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${target.path}$`));
    await expect(page.locator("h1")).toHaveText(target.heading);
    await expect(page).toHaveTitle(documentTitle(target));
    await expect(nav.getByRole("link", { name: target.nav, exact: true })).toHaveAttribute("aria-current", "page");
    visited.push(target);
  }
  // Back through every page, then forward again.
  for (const expected of visited.slice(0, -1).reverse()) {
    await page.goBack();
    await expect(page.locator("h1")).toHaveText(expected.heading);
  }
  await page.goForward();
  await expect(page.locator("h1")).toHaveText(visited[1].heading);
});

test("the help page is one tap away from every page, in the same place", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  let firstBox: { x: number; y: number } | null = null;
  for (const route of routedPages) {
    await page.goto(route.path!);
    await appReady(page);
    const helpLink = page.getByRole("link", { name: "Need help now?" });
    await expect(helpLink).toBeVisible();
    const box = (await helpLink.boundingBox())!;
    firstBox ??= box;
    expect(Math.round(box.x), `${route.path}: same place`).toBe(Math.round(firstBox.x));
    expect(Math.round(box.y), `${route.path}: same place`).toBe(Math.round(firstBox.y));
  }
  await page.getByRole("link", { name: "Need help now?" }).click();
  await expect(page.locator("h1")).toHaveText(pageById("help").heading);
});

test("an unknown address shows a friendly not-found page with the way back", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await appReady(page);
  const notFound = pageById("not-found");
  await expect(page.locator("h1")).toHaveText(notFound.heading);
  await expect(page).toHaveTitle(documentTitle(notFound));
  await page.getByRole("link", { name: /Go to the start/ }).click();
  await expect(page.locator("h1")).toHaveText(pageById("home").heading);
});

test("a page opened by its file name (…/index.html) works, at its route address", async ({ page }) => {
  for (const target of ["home", "help", "reflect"].map(pageById)) {
    const folder = target.path === "/" ? "/" : `${target.path}/`;
    await page.goto(`${folder}index.html`);
    await appReady(page);
    await expect(page).toHaveURL(new RegExp(`${folder}$`));
    await expect(page).toHaveTitle(documentTitle(target));
    await expect(page.locator("h1")).toHaveText(target.heading);
  }
  // The app runs from there: help is one tap away.
  await page.getByRole("link", { name: "Need help now?" }).click();
  await expect(page.locator("h1")).toHaveText(pageById("help").heading);
});

test("Back returns to the same place on a long page; a link starts the new page at the top", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/");
  await appReady(page);
  const link = page.getByRole("navigation", { name: "More in this guide" }).getByRole("link").last();
  await link.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => scrollY);
  expect(y).toBeGreaterThan(1000);
  await link.click();
  await expect(page.locator("h1")).not.toHaveText(pageById("home").heading);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeLessThan(200);
  await page.goBack();
  await expect(page.locator("h1")).toHaveText(pageById("home").heading);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeCloseTo(y, 0);
  await page.goForward();
  await expect.poll(() => page.evaluate(() => scrollY)).toBeLessThan(200);
  // After Back and Forward, an ordinary link still starts at the top.
  await page.goBack();
  await expect.poll(() => page.evaluate(() => scrollY)).toBeCloseTo(y, 0);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: pageById("research").nav!, exact: true }).click();
  await expect(page.locator("h1")).toHaveText(pageById("research").heading);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeLessThan(200);
});

test("a section deep link opens the home page at that section", async ({ page }) => {
  await page.goto("/#what-supports-recovery");
  await appReady(page);
  await expect(page.getByRole("heading", { level: 2, name: "What supports recovery?" })).toBeInViewport();
});

test("the contents list links to each part of the article", async ({ page }) => {
  await page.goto("/");
  const contents = page.getByRole("navigation", { name: "On this page" });
  const links = contents.getByRole("link");
  await expect(links).toHaveText(["The recovery approach", "What recovery means", "The recovery process", "What supports recovery?"]);
  await contents.getByRole("link", { name: "The recovery process" }).click();
  await expect(page).toHaveURL(/#the-recovery-process$/);
  await expect(page.getByRole("heading", { level: 2, name: "The recovery process" })).toBeInViewport();
});

test("every page has landmarks and a working skip link", async ({ page }) => {
  for (const route of routedPages) {
    await page.goto(route.path!);
    await appReady(page);
    await expect(page.getByRole("banner")).toHaveCount(1);
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page.getByRole("contentinfo")).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(1);
  }
  await page.goto("/research");
  await appReady(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("pages fit a 320 px wide screen without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const route of routedPages) {
    await page.goto(route.path!);
    await appReady(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${route.path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});

// The header on a phone: short, with help always in sight and the navigation behind Menu.
import { test, expect, appReady } from "./fixtures";
import { navPages } from "./content";

const headerHeight = (page: import("@playwright/test").Page) =>
  page.evaluate(() => document.querySelector(".site-header")!.getBoundingClientRect().height);

test("on a 360 px phone the header is at most 120 px, with help and search always there", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  for (const path of ["/", "/help", "/search"]) {
    await page.goto(path);
    await appReady(page);
    expect(await headerHeight(page), path).toBeLessThanOrEqual(120);
    await expect(page.getByRole("link", { name: "Need help now?" })).toBeInViewport();
    await expect(page.getByRole("searchbox", { name: /Search the guide/ })).toBeInViewport();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  }
});

test("Menu opens and closes the navigation, by touch and by keyboard", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/");
  await appReady(page);
  const menu = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link")).toHaveCount(navPages.length);
  // The links come straight after Menu.
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link").first()).toBeFocused();
  // Escape closes it and goes back to Menu.
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  // A link followed: the new page starts with the menu closed and focus on its heading.
  await menu.click();
  await nav.getByRole("link", { name: "Research", exact: true }).click();
  await expect(page.locator("h1")).toHaveText("Research and Practice");
  await expect(page.locator("h1")).toBeFocused();
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
});

test("on a desktop there is no Menu: the navigation is always shown", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  await appReady(page);
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveCount(navPages.length);
  await expect(page.getByText("Search the guide (press /)")).toBeVisible();
});

test("without scripts, the navigation is shown on a phone (Menu needs the app)", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  await page.goto(new URL("publications", baseURL + "/").href);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveCount(navPages.length);
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  await context.close();
});

test("with the lock on and open, Lock stays on the phone header, which still fits in 120 px", async ({ page }) => {
  await page.goto("/your-data");
  await appReady(page);
  await page.getByLabel("Choose a passphrase").fill("purple otters dance at noon");
  await page.getByLabel("Type it again").fill("purple otters dance at noon");
  await page.getByRole("button", { name: "Turn on the lock" }).click();
  await expect(page.getByText("The lock is on.").first()).toBeVisible({ timeout: 15_000 });
  await page.setViewportSize({ width: 360, height: 780 });
  await page.evaluate(() => scrollTo(0, 0));
  const lock = page.getByRole("banner").getByRole("button", { name: "Lock" });
  await expect(lock).toBeInViewport();
  expect(await headerHeight(page)).toBeLessThanOrEqual(120);
  // One tap, not behind Menu: someone may be about to see the screen.
  await lock.click();
  await expect(page.getByLabel("Passphrase", { exact: true })).toBeVisible();
});

test("with the Quick exit bar on, the header itself still fits in 120 px", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/");
  await appReady(page);
  await page.getByLabel("Show a Quick exit button on every page").check();
  await page.evaluate(() => scrollTo(0, 0));
  await expect(page.getByRole("link", { name: "Quick exit", exact: true })).toBeInViewport();
  expect(await headerHeight(page)).toBeLessThanOrEqual(120);
});

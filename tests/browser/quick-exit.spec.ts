// Quick exit: Shift three times on its own (each within 5 s of the last), or the Quick exit button
// when it is switched on, leaves at once for a neutral site in place of the page, so Back does not
// return to it. The neutral site is answered here (page.route): no request leaves the machine.
import type { Page } from "@playwright/test";
import { test, expect, open, holdTheApp } from "./fixtures";
import { expectNoAxeViolations } from "./axe";
import { pageById } from "./content";

const NEUTRAL_SITE = "https://www.bbc.co.uk/weather";
test.use({ outsideAllowed: ["https://www.bbc.co.uk/"] });

/** Answers the neutral site with a stand-in page; `hold` keeps the answer back until released. */
async function standInForTheNeutralSite(page: Page, { hold = false } = {}) {
  let release = () => {};
  const released = hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  await page.route("https://www.bbc.co.uk/**", async (route) => {
    await released;
    await route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Weather</title><h1>Weather</h1>" });
  });
  return release;
}

/** What screen readers are told as the presses are counted. */
const progress = (page: Page) => page.locator(".quick-exit-progress");
const TWO_MORE = "Quick exit: press Shift 2 more times to leave this page.";
const ONE_MORE = "Quick exit: press Shift 1 more time to leave this page.";

const button = (page: Page) => page.getByRole("link", { name: "Quick exit", exact: true });
const showButtonSetting = (page: Page) => page.getByRole("checkbox", { name: "Show a Quick exit button on every page" });

/** Leaves no time for anything: the neutral site must have been asked for, or never be. */
async function expectStillOn(page: Page, path: string) {
  await page.waitForTimeout(300);
  await expect(page).toHaveURL((url) => url.origin !== "https://www.bbc.co.uk" && url.pathname.replace(/\/$/, "").endsWith(path));
}

test("three presses of Shift leave for the neutral site, saying how many are left; Back does not return to the page", async ({ page }) => {
  await standInForTheNeutralSite(page);
  await open(page, "/");
  await open(page, "/bookmarks");
  // The live region is in the page before anything is said in it, and it is polite.
  await expect(progress(page)).toHaveAttribute("aria-live", "polite");
  await expect(progress(page)).toHaveText("");
  await page.keyboard.press("Shift");
  await expect(progress(page)).toHaveText(TWO_MORE);
  await page.keyboard.press("Shift");
  await expect(progress(page)).toHaveText(ONE_MORE);
  await page.keyboard.press("Shift");
  await expect(page).toHaveURL(NEUTRAL_SITE);
  await expect(page.locator("h1")).toHaveText("Weather");
  // The bookmarks page was replaced in the tab's history: Back reaches the page before it.
  await page.goBack();
  await expect(page).not.toHaveURL(/bookmarks/);
  await expect(page.locator("main h1")).toHaveText(pageById("home").heading);
  await expect(page.locator("body")).toBeVisible();
});

test("on every page, even urgent help, and while typing in a field", async ({ page }) => {
  await standInForTheNeutralSite(page);
  await open(page, "/help");
  for (let press = 0; press < 3; press++) await page.keyboard.press("Shift");
  await expect(page).toHaveURL(NEUTRAL_SITE);
  await open(page, "/reflect");
  await page.getByLabel("Something that matters to you").focus();
  for (let press = 0; press < 3; press++) await page.keyboard.press("Shift");
  await expect(page).toHaveURL(NEUTRAL_SITE);
});

test("the page goes blank at once, before the neutral site has answered", async ({ page }) => {
  const answer = await standInForTheNeutralSite(page, { hold: true });
  // Told by the page as it happens: Playwright's own calls into the page wait for the navigation
  // that is being held back.
  const seen: unknown[] = [];
  await page.exposeBinding("reportBlank", (_source, state) => seen.push(state));
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (!document.body?.hidden) return;
      (window as any).reportBlank({
        body: getComputedStyle(document.body).display,
        atTheCentre: document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.tagName,
        address: location.pathname,
      });
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["hidden"] });
  });
  await open(page, "/bookmarks");
  for (let press = 0; press < 3; press++) await page.keyboard.press("Shift");
  await expect.poll(() => seen).toEqual([{ body: "none", atTheCentre: "HTML", address: expect.stringMatching(/^\/bookmarks\/?$/) }]);
  answer();
  await expect(page).toHaveURL(NEUTRAL_SITE);
});

test("another key between the presses starts the count again: Shift, Shift, a, Shift stays", async ({ page }) => {
  await standInForTheNeutralSite(page);
  await open(page, "/about");
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await expect(progress(page)).toHaveText(ONE_MORE);
  await page.keyboard.press("a");
  await expect(progress(page)).toHaveText("");
  await page.keyboard.press("Shift");
  await expect(progress(page)).toHaveText(TWO_MORE);
  await expectStillOn(page, "/about");
});

test("Shift used for capital letters never counts, and holding Shift down counts once", async ({ page }) => {
  await standInForTheNeutralSite(page);
  await open(page, "/reflect");
  const field = page.getByLabel("Something that matters to you");
  await field.focus();
  for (const letter of "ABC") await page.keyboard.press(`Shift+${letter}`);
  await expect(progress(page)).toHaveText("");
  // Shift held through a word: the keyboard repeats it (KeyboardEvent.repeat) around the letters.
  for (let word = 0; word < 3; word++) {
    await page.keyboard.down("Shift");
    await page.keyboard.down("Shift");
    await page.keyboard.press("D");
    await page.keyboard.down("Shift");
    await page.keyboard.up("Shift");
    await expect(progress(page), "nothing counted").toHaveText("");
  }
  for (let press = 0; press < 3; press++) await page.keyboard.press("Shift+Tab");
  await expect(progress(page)).toHaveText("");
  // Held down, the keyboard repeats Shift (KeyboardEvent.repeat): still one press.
  await page.keyboard.down("Shift");
  for (let repeat = 0; repeat < 5; repeat++) await page.keyboard.down("Shift");
  await page.keyboard.up("Shift");
  await expect(progress(page)).toHaveText(TWO_MORE);
  await expectStillOn(page, "/reflect");
  await expect(field).toHaveValue("ABCDDD");
});

test("more than 5 seconds between presses starts the count again; within 5 seconds it does not", async ({ page }) => {
  await page.clock.install();
  await standInForTheNeutralSite(page);
  await open(page, "/publications");
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await page.clock.fastForward(5_100);
  // Nothing is left to say once the count has run out.
  await expect(progress(page)).toHaveText("");
  await page.keyboard.press("Shift");
  await expect(progress(page)).toHaveText(TWO_MORE);
  await expectStillOn(page, "/publications");
  // The clock also runs on by itself meanwhile: well under 5 s in all.
  await page.clock.fastForward(4_000);
  await page.keyboard.press("Shift");
  await expect(progress(page)).toHaveText(ONE_MORE);
  await page.clock.fastForward(4_000);
  await page.keyboard.press("Shift");
  await expect(page).toHaveURL(NEUTRAL_SITE);
});

test("the Quick exit button shows on every page only once it is switched on, by keyboard alone, and leaves like the shortcut", async ({ page }) => {
  await standInForTheNeutralSite(page);
  await open(page, "/");
  await expect(button(page)).toBeHidden();
  // Switched on where the other display settings are, from the keyboard.
  const setting = showButtonSetting(page);
  for (let stop = 0; stop < 200 && !(await setting.evaluate((box) => box === document.activeElement)); stop++) {
    await page.keyboard.press("Tab");
  }
  await expect(setting).toBeFocused();
  await page.keyboard.press("Space");
  await expect(setting).toBeChecked();
  await expect(button(page)).toBeVisible();
  await expectNoAxeViolations(page, "the home page with the Quick exit button");
  // Remembered, and on every page, urgent help too: the second stop on the page, after the skip link.
  await open(page, "/help");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(button(page)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(NEUTRAL_SITE);
  await page.goBack();
  await expect(page).not.toHaveURL(/help/);
  await expect(page.locator("main h1")).toHaveText(pageById("home").heading);
  // Switched off again, it goes.
  await showButtonSetting(page).uncheck();
  await expect(button(page)).toBeHidden();
});

test("a chosen Quick exit button is there from the first paint and works before the app has loaded", async ({ page }) => {
  await standInForTheNeutralSite(page);
  await page.addInitScript(() => localStorage.setItem("recovery-guide:settings", JSON.stringify({ version: 1, quick_exit_button: true })));
  const release = await holdTheApp(page);
  await page.goto("/reflect");
  await expect(button(page)).toBeVisible();
  await button(page).click();
  await expect(page).toHaveURL(NEUTRAL_SITE);
  release();
});

test("the Quick exit button stays in view as the page scrolls, and never hides the focused link", async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem("recovery-guide:settings", JSON.stringify({ version: 1, quick_exit_button: true })));
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.setViewportSize({ width: 360, height: 640 });
  await open(page, "/publications");
  await page.locator("main").focus();
  for (let stop = 0; stop < 25; stop++) {
    await page.keyboard.press("Tab");
    const overlap = await page.evaluate(() => {
      const bar = document.querySelector(".quick-exit")!.getBoundingClientRect();
      const focused = document.activeElement!.getBoundingClientRect();
      return focused.top < bar.bottom && focused.bottom > bar.top;
    });
    expect(overlap, `focus stop ${stop} under the Quick exit bar`).toBe(false);
  }
  expect(await page.evaluate(() => scrollY), "the page has scrolled").toBeGreaterThan(500);
  await expect(button(page)).toBeInViewport();
});

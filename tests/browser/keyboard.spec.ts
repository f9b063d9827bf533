import type { Locator, Page } from "@playwright/test";
import { test, expect, appReady, bookmarkButton } from "./fixtures";
import { BEING_LISTENED_TO, documentTitle, FINANCIAL_SECURITY, GOOD_RELATIONSHIPS, navPages, routedPages } from "./content";

/** What is wrong with the focused element, if anything: no visible ring, off screen, or hidden
 * behind the message bar at the bottom. */
function focusProblem() {
  const el = document.activeElement as HTMLElement | null;
  if (!el || el === document.body) return "";
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const bar = document.querySelector(".status__box")?.getBoundingClientRect();
  const what = `${el.tagName} "${el.textContent?.trim().slice(0, 40)}"`;
  if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) < 2) return `${what}: no focus ring`;
  if (box.bottom <= 0 || box.top >= innerHeight) return `${what}: off screen`;
  if (bar && box.bottom > bar.top && box.top < bar.bottom && box.right > bar.left && box.left < bar.right) return `${what}: behind the message bar`;
  return "";
}

/** Presses Tab until `target` has focus, checking every stop on the way has a visible focus ring
 * that is on screen and not hidden behind the message bar. Fails if it never gets there. */
async function tabTo(page: Page, target: Locator, maxStops = 120) {
  for (let stop = 0; stop < maxStops; stop++) {
    await page.keyboard.press("Tab");
    // Focus scrolls the element into view (smoothly, unless reduced motion is asked for): wait for it.
    await expect
      .poll(() => page.evaluate(focusProblem), { message: `focus stop ${stop}`, timeout: 2000 })
      .toBe("");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`never reached ${target} by Tab`);
}

test("reach urgent help from any page with the keyboard, in a few key presses", async ({ page }) => {
  await page.goto("/research");
  await appReady(page);
  await tabTo(page, page.getByRole("link", { name: "Need help now?" }), 3);
  await page.keyboard.press("Enter");
  await expect(page.locator("h1")).toHaveText("Get help now");
  await expect(page.locator("h1")).toBeFocused();
  // The first stop after the heading and its text: the emergency numbers open the page.
  await tabTo(page, page.locator('a[href="tel:999"]').first(), 1);
});

test("read a section: the contents list takes you there", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  await tabTo(page, page.getByRole("link", { name: "The recovery process" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#the-recovery-process$/);
  await expect(page.getByRole("heading", { level: 2, name: "The recovery process" })).toBeInViewport();
});

test("bookmark a resource, then find it again, by keyboard alone", async ({ page }) => {
  await page.goto("/organisations");
  await appReady(page);
  const devon = bookmarkButton(page, "Recovery Devon");
  await tabTo(page, devon);
  await page.keyboard.press("Space");
  await expect(devon).toHaveAttribute("aria-pressed", "true");
  // The message bar appears; keep tabbing: nothing focused may hide behind it.
  await tabTo(page, page.getByRole("link", { name: "Your data" }));
  await page.goto("/");
  await appReady(page);
  await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Bookmarks/ }));
  await page.keyboard.press("Enter");
  await expect(page.locator("h1")).toBeFocused();
  await tabTo(page, page.getByRole("link", { name: "Recovery Devon" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/organisations#recovery-devon$/);
  await expect(page.locator("#recovery-devon h2")).toBeInViewport();
});

test("tick and save a reflection by keyboard alone", async ({ page }) => {
  await page.goto("/reflect");
  await appReady(page);
  const item = page.getByRole("group", { name: FINANCIAL_SECURITY }).getByRole("checkbox", { name: "True for me now" });
  await tabTo(page, item);
  await page.keyboard.press("Space");
  await expect(item).toBeChecked();
  await page.keyboard.press("Shift+Tab");
  await tabTo(page, page.getByRole("button", { name: "Save this reflection" }).last());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("Saved your reflection");
  await expect(page.locator(".snapshot summary")).toHaveText(/1 true for you now/);
});

test("on a phone, after saving, tabbing through the checklist never hides focus behind the message", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/reflect");
  await appReady(page);
  await page.getByRole("group", { name: FINANCIAL_SECURITY }).getByRole("checkbox", { name: "True for me now" }).check();
  await page.getByRole("button", { name: "Save this reflection" }).first().click();
  await expect(page.getByRole("status")).toContainText("Saved your reflection");
  await page.getByRole("group", { name: GOOD_RELATIONSHIPS }).getByRole("checkbox", { name: "True for me now" }).focus();
  await tabTo(page, page.getByRole("group", { name: BEING_LISTENED_TO }).getByRole("checkbox", { name: "I want to work on this" }));
  // Down to the last link in the footer, which the page must be able to scroll clear of it.
  await tabTo(page, page.getByRole("contentinfo").getByRole("link").last(), 200);
});

test("Escape closes the message, and focus goes back to where it was", async ({ page }) => {
  await page.goto("/organisations");
  await appReady(page);
  const devon = bookmarkButton(page, "Recovery Devon");
  await devon.click();
  await devon.click();
  const message = page.getByRole("status");
  await expect(message).toContainText("Removed");
  await message.getByRole("button", { name: "Undo" }).focus();
  await page.keyboard.press("Enter");
  await expect(message).toContainText("is back in your bookmarks");
  await expect(devon).toBeFocused();
  await message.getByRole("button", { name: /Close/ }).focus();
  await page.keyboard.press("Escape");
  await expect(message).toBeEmpty();
  await expect(devon).toBeFocused();
});

test("changing page moves focus to the new heading and changes the title", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  for (const target of navPages.filter((p) => p.id !== "home").slice(0, 4)) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: target.nav, exact: true }).click();
    await expect(page.locator("h1")).toHaveText(target.heading);
    await expect(page.locator("h1")).toBeFocused();
    await expect(page).toHaveTitle(documentTitle(target));
  }
});

test("targets are big enough: 44 px for the main navigation and help, 24 px for everything else", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  for (const route of routedPages) {
    await page.goto(route.path!);
    await appReady(page);
    const small = await page.evaluate(() => {
      const found: string[] = [];
      const inSentence = (el: Element) => el.tagName === "A" && el.closest("p, li") && !el.closest("nav, .link-list, .resource__links");
      for (const el of document.querySelectorAll("a, button, input, select, textarea, summary")) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || getComputedStyle(el).visibility === "hidden") continue;
        const needed = el.closest(".site-nav") || el.classList.contains("help-now") ? 44 : 24;
        // Links inside a sentence are exempt (WCAG 2.5.8); the skip link is off screen until focused.
        if (el.classList.contains("skip-link") || (needed === 24 && inSentence(el))) continue;
        if (box.height < needed || box.width < 24) found.push(`${el.tagName} "${el.textContent?.trim().slice(0, 30)}" ${Math.round(box.width)}x${Math.round(box.height)}`);
      }
      return found;
    });
    expect(small, `${route.path}: small targets`).toEqual([]);
  }
});

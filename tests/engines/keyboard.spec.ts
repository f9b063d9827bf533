// The main tasks by keyboard alone, with a visible focus ring at every stop.
import { test, expect } from "./fixtures";
import { by, Key, type Guide } from "./guide";
import type { By } from "selenium-webdriver";
import { FINANCIAL_SECURITY } from "../browser/content";

/** What is wrong with the focused element, if anything (no visible ring, or off screen), and
 * whether it is the target (arguments[0]). */
const FOCUS_STOP = `
  const el = document.activeElement;
  const reached = el === arguments[0];
  if (!el || el === document.body) return { problem: "", reached };
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const what = el.tagName + ' "' + (el.textContent || "").trim().slice(0, 40) + '"';
  if (style.outlineStyle === "none" || parseFloat(style.outlineWidth) < 2) return { problem: what + ": no focus ring", reached };
  if (box.bottom <= 0 || box.top >= innerHeight) return { problem: what + ": off screen", reached };
  return { problem: "", reached };`;

/** Presses Tab until `target` has focus, checking every stop on the way has a visible focus ring
 * on screen. Fails if it never gets there. */
async function tabTo(guide: Guide, target: By, maxStops = 120) {
  const element = await guide.find(target);
  for (let stop = 0; stop < maxStops; stop++) {
    await guide.press(Key.TAB);
    let reached = false;
    // Focus scrolls the element into view, smoothly: wait for it. On a busy machine WebKitGTK's
    // smooth scroll has taken more than 2 s to bring it on screen.
    await expect
      .poll(async () => {
        const found: { problem: string; reached: boolean } = await guide.driver.executeScript(FOCUS_STOP, element);
        reached = found.reached;
        return found.problem;
      }, { message: `focus stop ${stop}`, timeout: 5000, intervals: [50] })
      .toBe("");
    if (reached) return;
  }
  throw new Error(`never reached ${target} by Tab (focus is on ${await guide.focusedElement()})`);
}

test("reach urgent help from any page in a few key presses", async ({ guide }) => {
  await guide.open("/research");
  await tabTo(guide, by.link("Need help now?"), 3);
  await guide.press(Key.ENTER);
  await expect.poll(() => guide.heading()).toBe("Get help now");
  expect(await guide.isFocused(by.heading)).toBe(true);
  // The first stop after the heading: the emergency number.
  await tabTo(guide, by.css('a[href="tel:999"]'), 1);
});

test("bookmark a resource, then find it again", async ({ guide }) => {
  await guide.open("/organisations");
  const devon = by.bookmark("Recovery Devon");
  await tabTo(guide, devon);
  await guide.press(Key.SPACE);
  await expect.poll(() => guide.attribute(devon, "aria-pressed")).toBe("true");
  await guide.open("/");
  await tabTo(guide, by.navLink("Bookmarks"));
  await guide.press(Key.ENTER);
  await expect.poll(() => guide.heading()).toBe("Your bookmarks");
  expect(await guide.isFocused(by.heading)).toBe(true);
  await tabTo(guide, by.link("Recovery Devon"));
  await guide.press(Key.ENTER);
  await expect.poll(() => guide.path()).toMatch(/\/organisations#recovery-devon$/);
});

test("tick, write a note and save a reflection", async ({ guide }) => {
  await guide.open("/reflect");
  const item = by.checkbox(FINANCIAL_SECURITY, "True for me now");
  await tabTo(guide, item);
  await guide.press(Key.SPACE);
  await expect.poll(() => guide.checked(item)).toBe(true);
  await tabTo(guide, by.noteToggle(FINANCIAL_SECURITY));
  await guide.press(Key.ENTER);
  await tabTo(guide, by.note(FINANCIAL_SECURITY));
  await guide.press("Ask about the bus pass");
  await tabTo(guide, by.xpath("(//button[normalize-space()='Save this reflection'])[last()]"));
  await guide.press(Key.ENTER);
  await expect.poll(() => guide.text(by.status)).toContain("Saved your reflection");
  expect(await guide.text(by.css(".snapshot summary"))).toMatch(/1 true for you now/);
  await guide.reload();
  expect(await guide.value(by.note(FINANCIAL_SECURITY))).toBe("Ask about the bus pass");
});

test("Escape closes the message, and focus goes back to where it was", async ({ guide }) => {
  await guide.open("/organisations");
  const devon = by.bookmark("Recovery Devon");
  await tabTo(guide, devon);
  await guide.press(Key.SPACE);
  await expect.poll(() => guide.text(by.status)).toContain("Added");
  await guide.press(Key.SPACE);
  await expect.poll(() => guide.text(by.status)).toContain("Removed");
  await tabTo(guide, by.xpath("//*[contains(@class, 'status')]//button[normalize-space()='Undo']"));
  await guide.press(Key.ENTER);
  await expect.poll(() => guide.text(by.status)).toContain("is back in your bookmarks");
  expect(await guide.isFocused(devon)).toBe(true);
  await guide.press(Key.ESCAPE);
  await expect.poll(() => guide.text(by.status)).toBe("");
  expect(await guide.isFocused(devon)).toBe(true);
});

// "Breathe with me" on the help page: the pacer keeps the source's time (in for five seconds, out
// for five, no pause) and ends by itself after five minutes; screen readers hear each change once;
// with reduced motion nothing moves; it works from the keyboard, with the device's own voice if
// chosen, offline-ready as the rest of the page, and while the lock is on.
import { test, expect, open } from "./fixtures";
import { breathing } from "./content";
import { expectNoAxeViolations } from "./axe";
import { standInSpeech, said, DANIEL } from "./speech";
import type { Page } from "@playwright/test";

const pacer = (page: Page) => page.getByRole("region", { name: breathing.heading });
const words = (page: Page) => pacer(page).locator(".breathe__said");
const count = (page: Page) => pacer(page).locator(".breathe__shape");
const start = (page: Page) => pacer(page).getByRole("button", { name: breathing.start });
const stop = (page: Page) => pacer(page).getByRole("button", { name: breathing.stop });

/** Every text the live region has held since the call, recorded as it changes. */
async function recordLiveRegion(page: Page) {
  await page.evaluate(() => {
    const region = document.querySelector(".breathe__said")!;
    const heard: string[] = ((window as any).heard = []);
    new MutationObserver(() => heard.push(region.textContent ?? "")).observe(region, { childList: true, characterData: true, subtree: true });
  });
}
const heard = (page: Page): Promise<string[]> => page.evaluate(() => (window as any).heard.filter((text: string) => text !== ""));

test("Breathe with me: in and out take turns every 5 seconds, counting 1 to 5, and it stops by itself after 5 minutes", async ({ page }) => {
  await page.clock.install();
  await open(page, "/help");
  await expect(pacer(page).getByText(breathing.how[0])).toBeHidden();
  await pacer(page).getByText("How to do it").click();
  for (const step of breathing.how) await expect(pacer(page).getByText(step)).toBeVisible();

  await start(page).click();
  await expect(words(page)).toHaveText(breathing.breathe_in);
  await expect(count(page)).toHaveText("1");
  for (const second of [2, 3, 4, 5]) {
    await page.clock.runFor(1_000);
    await expect(count(page)).toHaveText(String(second));
    await expect(words(page)).toHaveText(breathing.breathe_in);
  }
  await page.clock.runFor(1_000);
  await expect(words(page), "no pause: out straight after 5 seconds in").toHaveText(breathing.breathe_out);
  await expect(count(page)).toHaveText("1");
  await page.clock.runFor(5_000);
  await expect(words(page)).toHaveText(breathing.breathe_in);

  // Five minutes from the start, it ends with a calm line and the way back to the numbers.
  await page.clock.runFor(5 * 60_000 - 10_000 - 1_000);
  await expect(words(page)).toHaveText(breathing.breathe_out);
  await page.clock.runFor(1_000);
  await expect(words(page)).toHaveText(breathing.finished);
  await expect(count(page)).toBeHidden();
  await expect(start(page)).toBeVisible();
  await pacer(page).getByRole("link", { name: breathing.back }).click();
  await expect(page.locator("#first-help-heading"), "the numbers to call").toBeInViewport();
});

test("Breathe with me: screen readers hear “Breathe in” and “Breathe out” once at each change, politely, never the count", async ({ page }) => {
  await page.clock.install();
  await open(page, "/help");
  await expect(words(page)).toHaveAttribute("aria-live", "polite");
  await recordLiveRegion(page);
  await start(page).click();
  await expect(pacer(page).locator(".breathe__pacer"), "the count is seen, not heard").toHaveAttribute("aria-hidden", "true");
  await page.clock.runFor(20_000);
  // 20 seconds and more (the page's clock also runs on by itself): a change every 5 seconds.
  const changes = await heard(page);
  expect(changes.length, changes.join(", ")).toBeGreaterThanOrEqual(5);
  expect(changes.length, changes.join(", ")).toBeLessThanOrEqual(6);
  changes.forEach((text, i) => expect(text).toBe(i % 2 === 0 ? breathing.breathe_in : breathing.breathe_out));
  await stop(page).click();
  await expect(words(page)).toHaveText("");
  await expect(count(page)).toHaveCount(0);
});

test("Breathe with me: the shape grows and shrinks, except with reduced motion, when only the words and count change", async ({ page }) => {
  const running = () => page.evaluate(() => document.getAnimations().filter((a) => a.playState === "running").map((a) => (a as CSSAnimation).animationName));
  await page.clock.install();
  await open(page, "/help");
  await start(page).click();
  await expect.poll(running).toEqual(["breathe-in"]);
  await page.clock.runFor(5_000);
  await expect.poll(running).toEqual(["breathe-out"]);
  await stop(page).click();

  await page.emulateMedia({ reducedMotion: "reduce" });
  await start(page).click();
  await expect(words(page)).toHaveText(breathing.breathe_in);
  expect(await running()).toEqual([]);
  await page.clock.runFor(5_000);
  await expect(words(page)).toHaveText(breathing.breathe_out);
  await expect(count(page)).toHaveText("1");
  expect(await running()).toEqual([]);
});

test("Breathe with me works from the keyboard, and focus stays on its one button", async ({ page }) => {
  await page.clock.install();
  await open(page, "/help");
  await start(page).focus();
  await page.keyboard.press("Enter");
  await expect(stop(page)).toBeFocused();
  await expect(words(page)).toHaveText(breathing.breathe_in);
  await page.keyboard.press("Space");
  await expect(start(page)).toBeFocused();
  await expect(words(page)).toHaveText("");
});

test("Breathe with me has no accessibility problems before, during and after", async ({ page }) => {
  await page.clock.install();
  await open(page, "/help");
  await expectNoAxeViolations(page, "Breathe with me, not started", ".breathe");
  await start(page).click();
  await page.clock.runFor(6_000);
  await expectNoAxeViolations(page, "Breathe with me, running", ".breathe");
  await page.clock.runFor(5 * 60_000);
  await expect(words(page)).toHaveText(breathing.finished);
  await expectNoAxeViolations(page, "Breathe with me, finished", ".breathe");
});

test("Breathe with me can say the words in the device's own voice, only when chosen", async ({ page }) => {
  await standInSpeech(page, [DANIEL]);
  await page.clock.install();
  await open(page, "/help");
  const aloud = pacer(page).getByLabel(breathing.speak);
  await start(page).click();
  await page.clock.runFor(6_000);
  expect(await said(page), "nothing is said unless chosen").toEqual([]);
  await stop(page).click();

  await aloud.check();
  await start(page).click();
  await page.clock.runFor(5_000);
  const spoken = (await said(page)).map((s) => s.text);
  expect(spoken.slice(0, 2)).toEqual([breathing.breathe_in, breathing.breathe_out]);
  expect(spoken.length, "once at each change, not every second").toBeLessThanOrEqual(3);
  expect((await said(page)).every((s) => s.voice === DANIEL.name), "the device's own voice").toBe(true);
});

test("Breathe with me offers no voice choice on a device without one", async ({ page }) => {
  await standInSpeech(page, []);
  await open(page, "/help");
  await expect(start(page)).toBeVisible();
  await expect(pacer(page).getByLabel(breathing.speak)).toHaveCount(0);
});

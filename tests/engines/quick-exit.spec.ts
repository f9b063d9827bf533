// Quick exit: Shift three times on its own leaves at once for a neutral site, in place of the
// page. The browser is refused the neutral site by the fixtures' proxy (nothing leaves the
// machine), so what is checked is that the tab went there in place of the page.
import { test, expect } from "./fixtures";
import { by, Key, type Guide } from "./guide";

const NEUTRAL_SITE = "https://www.bbc.co.uk/weather";
test.use({ outsideAllowed: [NEUTRAL_SITE] });

const TWO_MORE = "Quick exit: press Shift 2 more times to leave this page.";
const ONE_MORE = "Quick exit: press Shift 1 more time to leave this page.";

/** What the screen reader hears, read from the page (the words are visually hidden). */
const said = (guide: Guide): Promise<string> => guide.driver.executeScript("return document.querySelector('.quick-exit-progress').textContent");

test("three presses of Shift leave for the neutral site, saying how many are left", async ({ guide }) => {
  await guide.open("/bookmarks");
  await guide.press(Key.SHIFT);
  await expect.poll(() => said(guide)).toBe(TWO_MORE);
  await guide.press(Key.SHIFT);
  await expect.poll(() => said(guide)).toBe(ONE_MORE);
  // Whatever the page saw is checked before it goes.
  await guide.collectPolicyViolations();
  await guide.press(Key.SHIFT);
  await expect.poll(() => guide.driver.getCurrentUrl(), { timeout: 20_000 }).toBe(NEUTRAL_SITE);
});

test("another key between the presses starts the count again: Shift, Shift, a, Shift stays", async ({ guide }) => {
  await guide.open("/about");
  await guide.press(Key.SHIFT, Key.SHIFT);
  await expect.poll(() => said(guide)).toBe(ONE_MORE);
  await guide.press("a");
  await expect.poll(() => said(guide)).toBe("");
  await guide.press(Key.SHIFT);
  await expect.poll(() => said(guide)).toBe(TWO_MORE);
  await guide.driver.sleep(300);
  expect(await guide.path()).toMatch(/\/about\/?$/);
  expect(await guide.driver.executeScript("return document.body.hidden")).toBe(false);
});

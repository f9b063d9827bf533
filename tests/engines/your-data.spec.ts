// "Where your data is kept" says what this browser really does, and offers what it can: engines
// differ in asking to keep data (navigator.storage.persist), measuring it (estimate), installing
// (beforeinstallprompt is Chromium's alone) and clearing it (Safari's 7-day rule).
import { test, expect } from "./fixtures";
import { by } from "./guide";

const facts = by.css(".kept-facts");
const HOME_SCREEN_TIP = "add this app to your Home Screen";

test("the page tells what this browser does with the data, and offers only what it can", async ({ guide, engine }) => {
  await guide.open("/organisations");
  await guide.click(by.bookmark("Recovery Devon"));
  await guide.open("/your-data");
  await expect.poll(() => guide.text(facts)).toContain("Your data takes up 1 KB");

  // The first save asked the browser to keep the data; the page repeats the browser's answer. A
  // browser without navigator.storage (WebKitGTK's MiniBrowser has none) answers no.
  const kept: boolean = await guide.driver.executeAsyncScript("const done = arguments[0]; navigator.storage ? navigator.storage.persisted().then(done) : done(false)");
  const answer = kept ? "Your browser has agreed to keep this app’s data" : "Your browser has not promised to keep this app’s data";
  await expect.poll(() => guide.text(facts)).toContain(answer);
  const canEstimate: boolean = await guide.driver.executeScript("return typeof navigator.storage?.estimate === 'function'");
  expect(await guide.text(facts), "the whole site's size, where the browser can measure it").toMatch(canEstimate ? /The offline copy of the guide takes up \d+\.\d MB more, kept apart from your data/ : /^(?!.*offline copy)/);

  // Only Chromium offers to install a web app from the page (beforeinstallprompt). Elsewhere the
  // page has no Install button. The Home Screen tip is for Apple's devices only: WebKitGTK on
  // Linux (like GNOME Web) is WebKit and calls itself Safari, but has neither a Home Screen nor
  // Safari's 7-day rule.
  expect(await guide.driver.executeScript("return 'onbeforeinstallprompt' in window"), `${engine} has no install offer`).toBe(false);
  expect(await guide.count(by.button("Install the app"))).toBe(0);
  expect(await guide.text(facts)).not.toContain(HOME_SCREEN_TIP);
});

test.describe("on an iPhone", () => {
  // What Safari on an iPhone sends. The engine below is still the one tested; the app decides by
  // these words (and touch), as it must: every browser on an iPhone is Safari inside.
  test.use({ userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1" });

  test("the page says how to keep the data from being cleared after 7 days: add the app to the Home Screen", async ({ guide }) => {
    await guide.open("/your-data");
    await expect.poll(() => guide.text(facts)).toContain(HOME_SCREEN_TIP);
    expect(await guide.text(facts)).toContain("tap Share, then “Add to Home Screen”");
    expect(await guide.count(by.button("Install the app"))).toBe(0);
  });
});

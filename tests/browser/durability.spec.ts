// Nothing a person writes is lost: unsaved changes survive later saves and other tabs, removed
// bookmarks keep their notes, the browser is asked to keep the data, /your-data says where it
// lives, a calm reminder to download a copy, and "Delete all" never shows an empty page over data
// that is still there.
import { test, expect, appReady, open, bookmarkButton as bookmark } from "./fixtures";
import type { Page } from "@playwright/test";
import { GOOD_RELATIONSHIPS, PERSONAL_GROWTH, SATISFYING_WORK } from "./content";

const BOOKMARKS = "recovery-guide:bookmarks";
const REFLECTIONS = "recovery-guide:reflections";
const SAFEKEEPING = "recovery-guide:safekeeping";
const DAY = 24 * 60 * 60 * 1000;

const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ }).last();
const notices = (page: Page) => page.getByRole("region", { name: "About your saved data" });
const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);

/** Makes every write in this page fail as a full disk does, or lets them through again. */
async function storageFull(page: Page, full: boolean) {
  await page.evaluate((full) => {
    const w = window as unknown as { realSetItem?: typeof Storage.prototype.setItem };
    w.realSetItem ??= Storage.prototype.setItem;
    Storage.prototype.setItem = full ? () => { throw new DOMException("full", "QuotaExceededError"); } : w.realSetItem;
  }, full);
}

async function writeNote(page: Page, item: string, text: string) {
  const group = page.getByRole("group", { name: item });
  await group.getByText("Private note").click();
  await group.getByRole("textbox").fill(text);
}

test("a note that could not be saved stays when a later tick saves, and is written then", async ({ page }) => {
  await open(page, "/reflect");
  await storageFull(page, true);
  await writeNote(page, SATISFYING_WORK, "my unsaved note");
  await expect(status(page)).toContainText("were not saved");
  await storageFull(page, false);
  await page.getByRole("group", { name: GOOD_RELATIONSHIPS }).getByRole("checkbox", { name: "True for me now" }).check();
  await expect(page.getByRole("group", { name: SATISFYING_WORK }).getByRole("textbox")).toHaveValue("my unsaved note");
  expect(await stored(page, REFLECTIONS)).toContain("my unsaved note");
  await expect(notices(page), "the out-of-space message goes once everything is saved").toHaveCount(0);
  await page.reload();
  await appReady(page);
  await expect(page.getByRole("group", { name: SATISFYING_WORK }).getByRole("textbox")).toHaveValue("my unsaved note");
});

test("a note that could not be saved stays when removing an own item saves", async ({ page }) => {
  await open(page, "/reflect");
  await page.getByLabel("Something that matters to you").fill("Walk the dog");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await storageFull(page, true);
  await writeNote(page, SATISFYING_WORK, "kept through a removal");
  // Removing shrinks the data, so the browser lets that save through even when full.
  await storageFull(page, false);
  await page.getByRole("group", { name: "Walk the dog" }).getByRole("button", { name: "Remove" }).click();
  await page.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(page.getByRole("group", { name: SATISFYING_WORK }).getByRole("textbox")).toHaveValue("kept through a removal");
  expect(await stored(page, REFLECTIONS)).toContain("kept through a removal");
});

test("a bookmark that could not be saved stays when removing another saves", async ({ page }) => {
  await open(page, "/organisations");
  await bookmark(page, "Recovery Devon").click();
  await storageFull(page, true);
  await bookmark(page, "Scottish Recovery Network").click();
  await storageFull(page, false);
  await bookmark(page, "Recovery Devon").click();
  await expect(bookmark(page, "Scottish Recovery Network")).toHaveAttribute("aria-pressed", "true");
  await expect(bookmark(page, "Recovery Devon")).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  await appReady(page);
  await expect(bookmark(page, "Scottish Recovery Network")).toHaveAttribute("aria-pressed", "true");
});

test("another tab's save does not drop this tab's unsaved note", async ({ page }) => {
  await open(page, "/reflect");
  const other = await page.context().newPage();
  await open(other, "/reflect");
  await storageFull(page, true);
  await writeNote(page, SATISFYING_WORK, "only on this tab's screen");
  await other.getByRole("group", { name: GOOD_RELATIONSHIPS }).getByRole("checkbox", { name: "True for me now" }).check();
  await expect(page.getByRole("group", { name: GOOD_RELATIONSHIPS }).getByRole("checkbox", { name: "True for me now" })).toBeChecked();
  await expect(page.getByRole("group", { name: SATISFYING_WORK }).getByRole("textbox")).toHaveValue("only on this tab's screen");
  // Room again: the next change here writes the note with it.
  await storageFull(page, false);
  await page.getByRole("group", { name: PERSONAL_GROWTH }).getByRole("checkbox", { name: "True for me now" }).check();
  await expect.poll(() => stored(page, REFLECTIONS)).toContain("only on this tab's screen");
});

test("a bookmark removed and added again gets its note back, even after a reload", async ({ page }) => {
  await open(page, "/organisations");
  await bookmark(page, "Recovery Devon").click();
  await open(page, "/bookmarks");
  await page.getByLabel("Your private note").fill("call them on Monday");
  await page.getByRole("button", { name: /^Remove Recovery Devon/ }).click();
  await expect(status(page)).toContainText("Its note is kept");
  await open(page, "/organisations");
  await bookmark(page, "Recovery Devon").click();
  await expect(status(page)).toContainText("Its note is back too");
  await open(page, "/bookmarks");
  await expect(page.getByLabel("Your private note")).toHaveValue("call them on Monday");
});

test("the browser is asked to keep the data once, at the first save, never on load", async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { keepAsked: number };
    w.keepAsked = 0;
    Object.defineProperty(navigator.storage, "persist", { value: async () => { w.keepAsked++; return true; } });
    Object.defineProperty(navigator.storage, "persisted", { value: async () => w.keepAsked > 0 });
  });
  const asked = () => page.evaluate(() => (window as unknown as { keepAsked: number }).keepAsked);
  await open(page, "/your-data");
  await expect(page.getByText("When you first save something, the app asks your browser")).toBeVisible();
  await page.getByRole("radio", { name: "Dark" }).check();
  await open(page, "/organisations");
  expect(await asked(), "not on load, not for a display setting").toBe(0);
  await bookmark(page, "Recovery Devon").click();
  await bookmark(page, "Scottish Recovery Network").click();
  expect(await asked()).toBe(1);
  await expect.poll(async () => JSON.parse((await stored(page, SAFEKEEPING))!).keep_granted).toBe(true);
  await page.reload();
  await appReady(page);
  await bookmark(page, "Recovery Devon").click();
  expect(await asked(), "remembered across page loads").toBe(0);
  expect(JSON.parse((await stored(page, SAFEKEEPING))!).keep_asked_at).toBeGreaterThan(0);
});

test("/your-data tells where the data lives, how much room it takes and when it was last downloaded", async ({ page }) => {
  await open(page, "/organisations");
  await bookmark(page, "Recovery Devon").click();
  await open(page, "/your-data");
  const kept = page.getByRole("region", { name: "Where your data is kept" });
  await expect(kept).toContainText(/Your browser (has agreed|has not promised)/);
  await expect(kept).toContainText(/Your data takes up \d+ KB: (less than 1%|about \d+%) of the room/);
  // Each figure says what it counts: the offline copy is apart from the person's data.
  await expect(kept).toContainText(/The offline copy of the guide takes up [\d.]+ MB more, kept apart from your data \(this browser would let the site use up to [\d.]+ GB\)/);
  await expect(kept).toContainText("You have not downloaded a copy yet.");
  await expect(kept).not.toContainText("Home Screen");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download my data" }).click();
  await download;
  await expect(kept).toContainText("Last downloaded today.");
  await page.reload();
  await appReady(page);
  await expect(kept).toContainText("Last downloaded today.");
});

test("on an iPhone, /your-data says how to keep the data from being cleared", async ({ browser, baseURL }) => {
  const context = await browser.newContext({
    baseURL,
    userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1",
  });
  const page = await context.newPage();
  await page.goto(new URL("your-data", baseURL + "/").href);
  await appReady(page);
  await expect(page.getByRole("region", { name: "Where your data is kept" })).toContainText("add this app to your Home Screen");
  await context.close();
});

test("where the browser offers installing, /your-data has an Install button that asks it", async ({ page }) => {
  await open(page, "/your-data");
  await expect(page.getByRole("button", { name: "Install the app" })).toHaveCount(0);
  await page.evaluate(() => {
    const offer = new Event("beforeinstallprompt", { cancelable: true }) as Event & { prompt?: () => Promise<void> };
    offer.prompt = async () => { (window as unknown as { installAsked: boolean }).installAsked = true; };
    dispatchEvent(offer);
  });
  await page.getByRole("button", { name: "Install the app" }).click();
  expect(await page.evaluate(() => (window as unknown as { installAsked: boolean }).installAsked)).toBe(true);
  await expect(page.getByRole("button", { name: "Install the app" }), "an offer can be used once").toHaveCount(0);
});

test("a calm reminder to download a copy: a week after the first save, never on /help, put off by Not now", async ({ page }) => {
  await page.addInitScript(([bookmarks, safekeeping, weekAgo]) => {
    if (localStorage.getItem(bookmarks)) return;
    localStorage.setItem(bookmarks, JSON.stringify({ version: 1, bookmarks: {
      "recovery-devon": { at: weekAgo, value: { added_at: weekAgo, page: "organisations", title: "Recovery Devon", note: "" } },
    } }));
    localStorage.setItem(safekeeping, JSON.stringify({ version: 1, first_saved_at: weekAgo }));
  }, [BOOKMARKS, SAFEKEEPING, Date.now() - 8 * DAY] as const);
  const reminder = page.getByRole("complementary", { name: "Keep a copy of your data" });
  await open(page, "/");
  await expect(reminder).toContainText("You have not downloaded a copy of your data yet.");
  await open(page, "/help");
  await expect(reminder).toHaveCount(0);
  await open(page, "/publications");
  await reminder.getByRole("button", { name: "Not now" }).click();
  await expect(reminder).toHaveCount(0);
  await page.reload();
  await appReady(page);
  await expect(reminder, "put away for a week").toHaveCount(0);
  // A week later it comes back, and a download puts it away for a month.
  await page.evaluate((key) => {
    const record = JSON.parse(localStorage.getItem(key)!);
    record.reminder_dismissed_at -= 8 * 24 * 60 * 60 * 1000;
    localStorage.setItem(key, JSON.stringify(record));
  }, SAFEKEEPING);
  await page.reload();
  await appReady(page);
  const download = page.waitForEvent("download");
  await reminder.getByRole("button", { name: "Download a copy" }).click();
  await download;
  await expect(reminder).toHaveCount(0);
});

test("when deleting fails, the page shows what is still stored and says so", async ({ page }) => {
  await open(page, "/organisations");
  await bookmark(page, "Recovery Devon").click();
  await open(page, "/your-data");
  await page.evaluate(() => { Storage.prototype.removeItem = () => { throw new DOMException("refused", "SecurityError"); }; });
  await page.getByRole("button", { name: "Delete all my data" }).click();
  await page.getByRole("button", { name: "Yes, delete everything" }).click();
  await expect(status(page)).toContainText("Some of your data could not be deleted");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Bookmarks/ })).toHaveAccessibleName(/1 saved/);
  expect(await stored(page, BOOKMARKS)).toContain("recovery-devon");
});

test("notes and own items in a right-to-left script are laid out right to left", async ({ page }) => {
  await open(page, "/reflect");
  await page.getByLabel("Something that matters to you").fill("أمشي كل صباح");
  await expect(page.getByLabel("Something that matters to you")).toHaveAttribute("dir", "auto");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const own = page.getByRole("group", { name: "أمشي كل صباح" });
  await expect(own.locator("legend bdi")).toHaveText("أمشي كل صباح");
  await writeNote(page, SATISFYING_WORK, "שלום לכולם");
  const note = page.getByRole("group", { name: SATISFYING_WORK }).getByRole("textbox");
  expect(await note.evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  await open(page, "/organisations");
  await bookmark(page, "Recovery Devon").click();
  await open(page, "/bookmarks");
  await page.getByLabel("Your private note").fill("مرحبا");
  expect(await page.getByLabel("Your private note").evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
});

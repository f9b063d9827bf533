// A lot of saved data: long lists drawn a part at a time, typing written after a pause and never
// lost when the tab closes, and a word before storage is full.
import { test, expect, appReady, open } from "./fixtures";
import type { Page } from "@playwright/test";

const BOOKMARKS = "recovery-guide:bookmarks";
const HISTORY = "recovery-guide:history";
const DAY = 86_400_000;

/** `count` bookmarks of items that have left the guide (one group), newest last, as stored. */
async function seedBookmarks(page: Page, count: number) {
  await page.evaluate(([key, count]) => {
    const bookmarks: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) {
      const at = 1_790_000_000_000 + i * 1000;
      bookmarks[`old-${i}`] = { at, value: { added_at: at, page: "publications", title: `Old resource ${i}`, note: i === 4 ? "Bring this to the Tuesday clinic" : `note number ${i}` } };
    }
    localStorage.setItem(key, JSON.stringify({ version: 1, bookmarks }));
  }, [BOOKMARKS, count] as const);
}

test("a long list of bookmarks shows 50 at a time, and a search result further down still arrives", async ({ page }) => {
  await open(page, "/bookmarks");
  await seedBookmarks(page, 120);
  await open(page, "/bookmarks");
  const rows = page.locator(".bookmark");
  await expect(rows).toHaveCount(50);
  // Newest first: the 50 newest are drawn.
  await expect(rows.first().locator("h3")).toHaveText("Old resource 119");
  const more = page.getByRole("button", { name: "Show 50 more (70 not shown yet)" });
  await more.click();
  await expect(rows).toHaveCount(100);
  // Focus moves to the first of the newly shown, so the keyboard carries on from there.
  await expect(page.getByLabel("Your private note").nth(50)).toBeFocused();
  await page.getByRole("button", { name: "Show 20 more (20 not shown yet)" }).click();
  await expect(rows).toHaveCount(120);
  await expect(page.getByRole("button", { name: /^Show \d+ more/ })).toHaveCount(0);

  // Found by search, the 115th newest is drawn and marked where it is, on a fresh page.
  await open(page, "/search?q=tuesday");
  await page.getByRole("link", { name: "Old resource 4" }).click();
  await expect(page).toHaveURL(/\/bookmarks#bookmark-old-4$/);
  await expect(page.locator("#bookmark-old-4")).toBeInViewport();
  await expect(page.locator("#bookmark-old-4")).toHaveClass(/arrived/);
});

test("saved reflections show 30 at a time, each drawn when opened, from the compact stored form", async ({ page }) => {
  await open(page, "/reflect");
  await page.evaluate(([key, day]) => {
    const snapshots: Record<string, unknown> = {};
    for (let d = 0; d < 45; d++) {
      const saved_at = 1_790_000_000_000 + d * day;
      const items = [{ id: "hope", answer: { true_now: true, note: `day ${d}` } }, { id: "own-walk", own: true }];
      snapshots[`s-${d}`] = { at: saved_at, value: { saved_at, utc_offset_minutes: 0, items } };
    }
    // Since version 2, each item's words are stored once.
    localStorage.setItem(key, JSON.stringify({ version: 2, snapshots, words: { hope: "Hope for the future", "own-walk": "Walk every day" } }));
  }, [HISTORY, DAY] as const);
  await open(page, "/reflect");
  const saved = page.locator(".snapshot");
  await expect(saved).toHaveCount(30);
  // A closed reflection has not drawn its items; opening it shows them, with the stored words.
  await expect(saved.first().locator(".snapshot__items")).toHaveCount(0);
  await saved.first().locator("summary").click();
  await expect(saved.first().locator(".snapshot__items li")).toHaveText(["Hope for the future — true for youNote: day 44", "Walk every day"]);
  await page.getByRole("button", { name: "Show 15 older (15 not shown yet)" }).click();
  await expect(saved).toHaveCount(45);
  await expect(saved.nth(30).locator("summary")).toBeFocused();
  // The chart's table, drawn on opening, has every reflection.
  await page.getByText("Show these figures as a table").click();
  await expect(page.locator(".chart__table tbody tr")).toHaveCount(45);
});

test("a note typed just before the tab closes is kept, and another tab gets it", async ({ page, context }) => {
  await open(page, "/bookmarks");
  await seedBookmarks(page, 3);
  await open(page, "/bookmarks");
  const other = await context.newPage();
  await open(other, "/bookmarks");
  await page.getByLabel("Your private note").first().pressSequentially(" and more", { delay: 20 });
  // Typed a moment ago, written after a pause: the other tab has it once typing stops.
  await expect(other.getByLabel("Your private note").first()).toHaveValue("note number 2 and more");
  await page.getByLabel("Your private note").first().pressSequentially(", closing now");
  await page.close({ runBeforeUnload: true });
  await other.reload();
  await appReady(other);
  await expect(other.getByLabel("Your private note").first()).toHaveValue("note number 2 and more, closing now");
});

test("the person is told before their data fills the browser's room", async ({ page }) => {
  await open(page, "/bookmarks");
  // 85% of the 5 MiB the browser gives (as an unreadable copy kept aside would take it).
  await page.evaluate(() => localStorage.setItem("recovery-guide:backup:history:1", "x".repeat(Math.floor(5 * 1024 * 1024 * 0.85))));
  await open(page, "/");
  await expect(page.getByRole("region", { name: "About your saved data" })).toContainText("Your saved data now fills about 85% of the room this browser gives it");
});

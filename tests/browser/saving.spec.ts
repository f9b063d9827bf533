// Keeping the person's data when things go wrong: damaged or newer stored data, storage refused
// or full, and two tabs changing it at once.
import { readFileSync, writeFileSync } from "node:fs";
import { test, expect, appReady, open, bookmarkButton as bookmark } from "./fixtures";
import type { Page } from "@playwright/test";
import { A_VIDEO, BEING_BELIEVED_IN, PERSONAL_GROWTH, SATISFYING_WORK } from "./content";

const BOOKMARKS = "recovery-guide:bookmarks";
const REFLECTIONS = "recovery-guide:reflections";

const navCount = (page: Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Bookmarks/ });
const status = (page: Page) => page.getByRole("status");

test("corrupt saved data: the app loads, says so, keeps a backup, and lets it be downloaded", async ({ page }) => {
  await page.addInitScript(([key]) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem(key, "{this is not json");
      sessionStorage.setItem("seeded", "1");
    }
  }, [BOOKMARKS]);
  await open(page, "/");
  const notices = page.getByRole("region", { name: "About your saved data" });
  await expect(notices).toContainText("Your saved bookmarks could not be read");
  const backup = await page.evaluate(() => localStorage.getItem("recovery-guide:backup:bookmarks:1"));
  expect(backup).toBe("{this is not json");
  // New bookmarks work again and the backup stays.
  await bookmark(page, "The recovery process").click();
  await page.reload();
  await appReady(page);
  await expect(bookmark(page, "The recovery process")).toHaveAttribute("aria-pressed", "true");
  expect(await page.evaluate(() => localStorage.getItem("recovery-guide:backup:bookmarks:1"))).toBe("{this is not json");
  await open(page, "/your-data");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download unreadable copy 1" }).click();
  expect(readFileSync(await (await download).path(), "utf8")).toBe("{this is not json");
});

test("data from a newer version of the app is left untouched", async ({ page }) => {
  const newer = JSON.stringify({ version: 99, checklist: {} });
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem(key, value);
      sessionStorage.setItem("seeded", "1");
    }
  }, [REFLECTIONS, newer]);
  await open(page, "/reflect");
  await expect(page.getByRole("region", { name: "About your saved data" })).toContainText("made by a newer version");
  await page.getByRole("group", { name: SATISFYING_WORK }).getByRole("checkbox", { name: "True for me now" }).check();
  expect(await page.evaluate((key) => localStorage.getItem(key), REFLECTIONS)).toBe(newer);
});

test("storage refused: the app still works and says, once, that changes will not be kept", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
  });
  await open(page, "/organisations");
  const notices = page.getByRole("region", { name: "About your saved data" });
  await expect(notices).toContainText("not letting this app save anything");
  await expect(notices.getByRole("listitem")).toHaveCount(1);
  await bookmark(page, "Recovery Devon").click();
  await bookmark(page, "Mental Health Foundation").click();
  await expect(navCount(page)).toHaveAccessibleName(/^Bookmarks\s*,\s*2 saved$/);
  await expect(notices.getByRole("listitem")).toHaveCount(1);
  await notices.getByRole("button", { name: "I understand" }).click();
  await expect(notices).toHaveCount(0);
});

test("storage full: a failed save is reported and what was saved before is kept", async ({ page }) => {
  await open(page, "/organisations");
  await bookmark(page, "Recovery Devon").click();
  const saved = await page.evaluate((key) => localStorage.getItem(key), BOOKMARKS);
  await page.evaluate(() => {
    Storage.prototype.setItem = () => { throw new DOMException("full", "QuotaExceededError"); };
  });
  await bookmark(page, "Scottish Recovery Network").click();
  await expect(bookmark(page, "Scottish Recovery Network")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("region", { name: "About your saved data" })).toContainText("out of space");
  // The message where the person is looking says so too, not "Added".
  await expect(status(page)).toContainText("your latest changes were not saved");
  expect(await page.evaluate((key) => localStorage.getItem(key), BOOKMARKS)).toBe(saved);
});

test("storage full from the start: each change adds to the last, and an import says it was not saved", async ({ page }, testInfo) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException("full", "QuotaExceededError"); };
  });
  await open(page, "/organisations");
  await bookmark(page, "Recovery Devon").click();
  await bookmark(page, "Scottish Recovery Network").click();
  await expect(bookmark(page, "Recovery Devon")).toHaveAttribute("aria-pressed", "true");
  await expect(navCount(page)).toHaveAccessibleName(/^Bookmarks\s*,\s*2 saved$/);
  // Bringing in a file does not claim to be done when nothing could be saved.
  const file = testInfo.outputPath("export.json");
  writeFileSync(file, JSON.stringify({ app: "recovery-guide", format: 1, exported_at: 1_790_000_000_000,
    bookmarks: { version: 1, bookmarks: { "what-supports-recovery": { at: 1_790_000_000_000,
      value: { added_at: 1_790_000_000_000, page: "home", title: "What supports recovery?", note: "" } } } },
    reflections: { version: 1, checklist: {}, own_items: {} }, history: { version: 1, snapshots: {} } }));
  await open(page, "/your-data");
  await page.getByLabel("File to bring back").setInputFiles(file);
  await page.getByRole("region", { name: "What this file would change" }).getByRole("button", { name: "Combine" }).click();
  await expect(status(page)).toContainText("not all of it could be saved on this device");
  await expect(status(page)).not.toContainText("Done");
  await expect(page.getByText("Some of your latest changes could not be saved on this device.")).toBeVisible();
});

test("two tabs stay in step, and edits to different items in each both survive", async ({ page }) => {
  await open(page, "/reflect");
  const second = await page.context().newPage();
  await open(second, "/reflect");
  await page.getByRole("group", { name: PERSONAL_GROWTH }).getByRole("checkbox", { name: "True for me now" }).check();
  await expect(second.getByRole("group", { name: PERSONAL_GROWTH }).getByRole("checkbox", { name: "True for me now" })).toBeChecked();
  await second.getByRole("group", { name: BEING_BELIEVED_IN }).getByRole("checkbox", { name: "I want to work on this" }).check();
  await expect(page.getByRole("group", { name: BEING_BELIEVED_IN }).getByRole("checkbox", { name: "I want to work on this" })).toBeChecked();
  await page.reload();
  await appReady(page);
  await expect(page.getByRole("group", { name: PERSONAL_GROWTH }).getByRole("checkbox", { name: "True for me now" })).toBeChecked();
  await expect(page.getByRole("group", { name: BEING_BELIEVED_IN }).getByRole("checkbox", { name: "I want to work on this" })).toBeChecked();
  // A bookmark made in one tab is counted in the other.
  await open(second, "/videos");
  await bookmark(second, A_VIDEO).click();
  await expect(navCount(page)).toHaveAccessibleName(/^Bookmarks\s*,\s*1 saved$/);
});

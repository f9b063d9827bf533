// Bringing back a copy says what is true and never acts on a slip; unreadable data that could not
// be copied aside can be downloaded and removed on its own.
import { writeFileSync } from "node:fs";
import { test, expect, open, bookmarkButton as bookmark } from "./fixtures";
import type { Page } from "@playwright/test";

const BOOKMARKS = "recovery-guide:bookmarks";

const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ }).last();
const preview = (page: Page) => page.getByRole("region", { name: "What this file would change" });

/** Downloads "Download my data" and returns the file's path. */
async function downloadCopy(page: Page, path: string) {
  await open(page, "/your-data");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download my data" }).click();
  await (await download).saveAs(path);
  return path;
}

test("combining an older file after removing a bookmark says the removal is kept, and can bring it back", async ({ page }, testInfo) => {
  await open(page, "/organisations");
  await bookmark(page, "Recovery Devon").click();
  const file = await downloadCopy(page, testInfo.outputPath("older.json"));
  await open(page, "/organisations");
  await bookmark(page, "Recovery Devon").click();
  await open(page, "/your-data");
  await page.getByLabel("File to bring back").setInputFiles(file);
  await expect(preview(page)).not.toContainText("this device already has everything in the file");
  await expect(preview(page)).toContainText("Nothing new would be added.");
  await expect(preview(page)).toContainText("you removed 1 bookmark since then, and combining keeps it removed.");
  await preview(page).getByRole("button", { name: "Combine and bring back what I removed" }).click();
  await expect(status(page)).toContainText("what you had removed is back");
  expect(await page.evaluate((key) => localStorage.getItem(key), BOOKMARKS)).toContain('"recovery-devon":{"at"');
  await open(page, "/organisations");
  await expect(bookmark(page, "Recovery Devon")).toHaveAttribute("aria-pressed", "true");
});

test("Replace always asks first, and stands apart from Cancel", async ({ page }, testInfo) => {
  const file = testInfo.outputPath("empty.json");
  writeFileSync(file, JSON.stringify({ app: "recovery-guide", format: 1, exported_at: 1_790_000_000_000,
    bookmarks: { version: 1, bookmarks: {} }, reflections: { version: 2, true_now: {}, work_on: {}, notes: {}, own_items: {} }, history: { version: 1, snapshots: {} } }));
  await open(page, "/organisations");
  await bookmark(page, "Recovery Devon").click();
  await open(page, "/your-data");
  await page.getByLabel("File to bring back").setInputFiles(file);
  const replace = preview(page).getByRole("button", { name: "Replace", exact: true });
  const cancel = preview(page).getByRole("button", { name: "Cancel: change nothing" });
  const [r, c] = [(await replace.boundingBox())!, (await cancel.boundingBox())!];
  expect(c.y - (r.y + r.height), "room between Replace and Cancel").toBeGreaterThanOrEqual(24);
  await replace.click();
  await expect(page.getByText(/^Replace everything on this device with the file's data\?/)).toBeFocused();
  expect(await page.evaluate((key) => localStorage.getItem(key), BOOKMARKS), "nothing changed yet").toContain("recovery-devon");
  await page.getByRole("button", { name: "Yes, replace everything" }).click();
  await expect(status(page)).toContainText("replaced with the file's");
  expect(await page.evaluate((key) => localStorage.getItem(key), BOOKMARKS)).not.toContain('"value"');
});

test("unreadable data with no room for a copy can be downloaded, then removed on its own", async ({ page }) => {
  await page.addInitScript((key) => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    localStorage.setItem(key, "{damaged " + "x".repeat(100_000));
    // Full: no room for a backup copy, nor for any save.
    const realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k: string, v: string) {
      if (k.startsWith("recovery-guide:") && !(window as unknown as { roomAgain?: boolean }).roomAgain) throw new DOMException("full", "QuotaExceededError");
      return realSetItem.call(this, k, v);
    };
  }, BOOKMARKS);
  await open(page, "/your-data");
  await expect(page.getByRole("region", { name: "About your saved data" })).toContainText("download it, then remove it");
  const stuck = page.getByRole("region", { name: "Saved data that could not be read or copied" });
  const download = page.waitForEvent("download");
  await stuck.getByRole("button", { name: "Download the unreadable bookmarks" }).click();
  expect((await download).suggestedFilename()).toBe("recovery-guide-unreadable-bookmarks.txt");
  await stuck.getByRole("button", { name: "Remove the unreadable bookmarks" }).click();
  await page.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(status(page)).toContainText("New changes will be saved again");
  expect(await page.evaluate((key) => localStorage.getItem(key), BOOKMARKS)).toBeNull();
  await expect(stuck).toHaveCount(0);
  await page.evaluate(() => { (window as unknown as { roomAgain: boolean }).roomAgain = true; });
  await open(page, "/organisations");
  await bookmark(page, "Recovery Devon").click();
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), BOOKMARKS)).toContain("recovery-devon");
});

test("a 50 MB file is refused before it is read, with a clear message, and nothing changes", async ({ page }, testInfo) => {
  await open(page, "/organisations");
  await bookmark(page, "Recovery Devon").click();
  const before = await page.evaluate((key) => localStorage.getItem(key), BOOKMARKS);
  await open(page, "/your-data");
  const huge = testInfo.outputPath("huge.json");
  writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 32));
  await page.getByLabel("File to bring back").setInputFiles(huge);
  await expect(page.getByRole("alert")).toContainText("Nothing was changed.");
  await expect(page.getByRole("alert")).toContainText("too large to be a Recovery Guide export (50 MB)");
  expect(await page.evaluate((key) => localStorage.getItem(key), BOOKMARKS)).toBe(before);
});

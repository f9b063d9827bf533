// Copies of the person's data: download and bring back (into a fresh profile, or combined with
// what is there), files that repeat or are malformed, and deleting everything.
import { writeFileSync } from "node:fs";
import { test, expect, open, bookmarkButton as bookmark } from "./fixtures";
import type { Page } from "@playwright/test";
import { GOOD_RELATIONSHIPS, HUNDRED_WAYS, SATISFYING_WORK } from "./content";

const BOOKMARKS = "recovery-guide:bookmarks";

const navCount = (page: Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Bookmarks/ });
const status = (page: Page) => page.getByRole("status");

test("combining a file that deleted something asks first", async ({ page }, testInfo) => {
  await open(page, "/organisations");
  await bookmark(page, "Recovery Devon").click();
  const kept = JSON.parse(await page.evaluate((key) => localStorage.getItem(key)!, BOOKMARKS));
  // The file comes from a device where the same bookmark was removed later.
  const [id, entry] = Object.entries(kept.bookmarks)[0] as [string, { at: number }];
  const file = testInfo.outputPath("removed-later.json");
  writeFileSync(file, JSON.stringify({ app: "recovery-guide", format: 1, exported_at: entry.at + 1000,
    bookmarks: { version: 1, bookmarks: { [id]: { at: entry.at + 1000 } } }, reflections: { version: 1, checklist: {}, own_items: {} }, history: { version: 1, snapshots: {} } }));
  await open(page, "/your-data");
  await page.getByLabel("File to bring back").setInputFiles(file);
  const preview = page.getByRole("region", { name: "What this file would change" });
  await expect(preview).toContainText("Bookmarks: 1 removed");
  await preview.getByRole("button", { name: "Combine" }).click();
  await expect(page.getByText(/deleted later on the other device/)).toBeFocused();
  await page.getByRole("button", { name: "No, keep it" }).click();
  expect(JSON.parse(await page.evaluate((key) => localStorage.getItem(key)!, BOOKMARKS))).toEqual(kept);
  await preview.getByRole("button", { name: "Combine" }).click();
  await page.getByRole("button", { name: "Yes, combine" }).click();
  await expect(status(page)).toContainText("combined with yours");
  await expect(navCount(page)).toHaveAccessibleName("Bookmarks");
});

test("export, then import into a fresh browser profile, restores everything", async ({ page, browser }, testInfo) => {
  await open(page, "/publications");
  await bookmark(page, HUNDRED_WAYS).click();
  await open(page, "/bookmarks");
  await page.getByLabel("Your private note").fill("Chapter 3 is good");
  await open(page, "/reflect");
  await page.getByRole("group", { name: SATISFYING_WORK }).getByRole("checkbox", { name: "True for me now" }).check();
  await page.getByRole("button", { name: "Save this reflection" }).first().click();
  await open(page, "/your-data");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download my data" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^recovery-guide-\d{4}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath("export.json");
  await download.saveAs(file);

  const fresh = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const other = await fresh.newPage();
  await open(other, "/your-data");
  await other.getByLabel("File to bring back").setInputFiles(file);
  const preview = other.getByRole("region", { name: "What this file would change" });
  await expect(preview).toContainText("It has 1 bookmark, 1 saved reflection and 0 entries in a plan.");
  await expect(preview).toContainText("Bookmarks: 1 added");
  await preview.getByRole("button", { name: "Combine" }).click();
  await expect(other.getByRole("status")).toContainText("combined with yours");
  await open(other, "/bookmarks");
  await expect(other.getByLabel("Your private note")).toHaveValue("Chapter 3 is good");
  await open(other, "/reflect");
  await expect(other.getByRole("group", { name: SATISFYING_WORK }).getByRole("checkbox", { name: "True for me now" })).toBeChecked();
  await expect(other.locator(".snapshot")).toHaveCount(1);
  // Importing the same file again changes nothing.
  await open(other, "/your-data");
  await other.getByLabel("File to bring back").setInputFiles(file);
  await expect(other.getByRole("region", { name: "What this file would change" })).toContainText("Nothing would change");
  // Issue 28: combining it then said "Done… combined".
  await other.getByRole("region", { name: "What this file would change" }).getByRole("button", { name: "Combine" }).click();
  await expect(other.getByRole("status").filter({ hasText: /\S/ }).last()).toContainText("Nothing changed: this device already had everything in the file.");
  await fresh.close();
});

test("a note written on one device and a box ticked on another both survive combining", async ({ page, browser }, testInfo) => {
  await open(page, "/reflect");
  const item = page.getByRole("group", { name: GOOD_RELATIONSHIPS });
  await item.getByText("Private note").click();
  await item.getByRole("textbox").fill("My sister and my friend Sam");
  await expect(item.getByRole("textbox")).toHaveValue("My sister and my friend Sam");

  // Later, on the other device, the same item is ticked, and that device's data exported.
  const otherDevice = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const other = await otherDevice.newPage();
  await open(other, "/reflect");
  await other.getByRole("group", { name: GOOD_RELATIONSHIPS }).getByRole("checkbox", { name: "True for me now" }).check();
  await open(other, "/your-data");
  const downloading = other.waitForEvent("download");
  await other.getByRole("button", { name: "Download my data" }).click();
  const file = testInfo.outputPath("other-device.json");
  await (await downloading).saveAs(file);
  await otherDevice.close();

  await open(page, "/your-data");
  await page.getByLabel("File to bring back").setInputFiles(file);
  const preview = page.getByRole("region", { name: "What this file would change" });
  await expect(preview).toContainText("Checklist answers and your own items: 1 changed");
  await preview.getByRole("button", { name: "Combine" }).click();
  await open(page, "/reflect");
  await expect(item.getByRole("checkbox", { name: "True for me now" })).toBeChecked();
  // A note is shown open.
  await expect(item.getByRole("textbox")).toHaveValue("My sister and my friend Sam");
});

/** An export file's text: an empty export with `fields` replaced. */
function exportFile(fields: object): string {
  return JSON.stringify({ app: "recovery-guide", format: 1, exported_at: 1_790_000_000_000,
    bookmarks: { version: 1, bookmarks: {} }, reflections: { version: 1, checklist: {}, own_items: {} }, history: { version: 1, snapshots: {} },
    ...fields });
}

test("a file that repeats an entry says so, and its 2099 stamps are brought back to now", async ({ page }, testInfo) => {
  const year2099 = 4_070_908_800_000;
  const entry = (at: number, note: string) => `{"at":${at},"value":{"added_at":${at},"page":"home","title":"What supports recovery?","note":"${note}"}}`;
  // JSON.stringify cannot write a key twice, so the bookmarks are written by hand.
  const file = testInfo.outputPath("repeats.json");
  writeFileSync(file, exportFile({ bookmarks: "BOOKMARKS" }).replace('"BOOKMARKS"',
    `{"version":1,"bookmarks":{"what-supports-recovery":${entry(1_790_000_000_000, "older")},"what-supports-recovery":${entry(year2099, "from 2099")}}}`));
  await open(page, "/your-data");
  await page.getByLabel("File to bring back").setInputFiles(file);
  const preview = page.getByRole("region", { name: "What this file would change" });
  await expect(preview).toContainText("The file repeats 1 entry. For each item, only the latest version is used.");
  await expect(preview).toContainText("It has 1 bookmark");
  await expect(preview).toContainText("Bookmarks: 1 added");
  await preview.getByRole("button", { name: "Combine" }).click();
  await expect(status(page)).toContainText("combined with yours");
  const stored = JSON.parse(await page.evaluate((key) => localStorage.getItem(key)!, BOOKMARKS));
  const kept = stored.bookmarks["what-supports-recovery"];
  expect(kept.value.note).toBe("from 2099");
  expect(kept.at, "a stamp from the future would outrank every later change").toBeLessThanOrEqual(Date.now());
  expect(kept.value.added_at).toBeLessThanOrEqual(Date.now());
});

test("a malformed import file gets a clear message and changes nothing", async ({ page }, testInfo) => {
  await open(page, "/organisations");
  await bookmark(page, "Recovery Devon").click();
  const before = await page.evaluate((key) => localStorage.getItem(key), BOOKMARKS);
  await open(page, "/your-data");
  const cases: [string, string, RegExp][] = [
    ["cut-short.json", '{"app": "recovery-guide", "format": 1, "bookm', /damaged/],
    ["broken.json", '{"hello": "wor', /not a Recovery Guide export/],
    ["other.json", '{"hello": "world"}', /not a Recovery Guide export/],
    ["newer.json", '{"app": "recovery-guide", "format": 9}', /newer version of Recovery Guide/],
    ["damaged.json", '{"app": "recovery-guide", "format": 1, "bookmarks": {"version": 1, "bookmarks": 7}, "reflections": {"version": 1}}', /damaged/],
    ["format-0.json", exportFile({ format: 0 }), /damaged/],
    ["number-for-a-tick.json", exportFile({ reflections: { version: 2, true_now: { "good-relationships": { at: 1, value: 1 } }, work_on: {}, notes: {}, own_items: {} } }), /damaged/],
    ["number-for-an-answer.json", exportFile({ reflections: { version: 1, checklist: { "good-relationships": { at: 1, value: 1 } }, own_items: {} } }), /damaged/],
  ];
  for (const [name, contents, message] of cases) {
    const path = testInfo.outputPath(name);
    writeFileSync(path, contents);
    await page.getByLabel("File to bring back").setInputFiles(path);
    await expect(page.getByRole("alert")).toHaveText(message);
    await expect(page.getByRole("alert")).toContainText("Nothing was changed.");
  }
  expect(await page.evaluate((key) => localStorage.getItem(key), BOOKMARKS)).toBe(before);
});

test("delete all my data asks first, then removes everything", async ({ page }) => {
  await open(page, "/organisations");
  await bookmark(page, "Recovery Devon").click();
  await open(page, "/your-data");
  await page.getByRole("button", { name: "Delete all my data" }).click();
  await expect(page.getByText(/This cannot be undone/)).toBeFocused();
  await page.getByRole("button", { name: "No, keep it" }).click();
  await expect(page.getByRole("button", { name: "Delete all my data" }), "focus goes back to the button").toBeFocused();
  expect(await page.evaluate((key) => localStorage.getItem(key), BOOKMARKS)).not.toBeNull();
  await page.getByRole("button", { name: "Delete all my data" }).click();
  await page.getByRole("button", { name: "Yes, delete everything" }).click();
  await expect(status(page)).toContainText("All your data has been deleted");
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("recovery-guide:")))).toEqual([]);
  await expect(navCount(page)).toHaveAccessibleName("Bookmarks");
});

import { readFileSync, writeFileSync } from "node:fs";
import { test, expect, appReady, bookmarkButton as bookmark } from "./fixtures";
import type { Page } from "@playwright/test";
import { A_VIDEO, BEING_BELIEVED_IN, FINANCIAL_SECURITY, GOOD_RELATIONSHIPS, HUNDRED_WAYS, PACE, PERSONAL_GROWTH, SATISFYING_WORK } from "./content";

const BOOKMARKS = "recovery-guide:bookmarks";
const REFLECTIONS = "recovery-guide:reflections";

const navCount = (page: Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Bookmarks/ });
const status = (page: Page) => page.getByRole("status");

async function open(page: Page, path: string) {
  await page.goto(path);
  await appReady(page);
}

test("a bookmark survives a reload, is counted, listed with a note, and leads back", async ({ page }) => {
  await open(page, "/publications");
  const pace = bookmark(page, PACE);
  await expect(pace).toHaveAttribute("aria-pressed", "false");
  await expect(pace).toHaveText("Bookmark");
  await pace.click();
  await expect(pace).toHaveAttribute("aria-pressed", "true");
  // The word says so too, not only the filled icon, and the name starts with what is seen.
  await expect(pace).toHaveText("Bookmarked");
  await expect(pace).toHaveAccessibleName(`Bookmarked: ${PACE}`);
  await expect(status(page)).toContainText(`Added “${PACE}” to your bookmarks.`);
  await open(page, "/");
  await bookmark(page, "What supports recovery?").click();
  await expect(navCount(page)).toHaveAccessibleName(/^Bookmarks\s*,\s*2 saved$/);

  await page.reload();
  await appReady(page);
  await expect(bookmark(page, "What supports recovery?")).toHaveAttribute("aria-pressed", "true");
  await navCount(page).click();
  await expect(page.locator("h1")).toHaveText("Your bookmarks");
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText(["What is recovery?", "Publications"]);

  // A note is private text: it is kept, and shown as text, never as HTML.
  const note = page.getByLabel("Your private note").last();
  await note.fill('Ask my nurse <img src=x onerror="document.title=1">');
  await page.reload();
  await appReady(page);
  await expect(page.getByLabel("Your private note").last()).toHaveValue('Ask my nurse <img src=x onerror="document.title=1">');
  await expect(page.locator("main img")).toHaveCount(0);

  await page.getByRole("link", { name: PACE }).click();
  await expect(page).toHaveURL(/\/publications#pace-recovery-guide$/);
  await expect(page.locator("#pace-recovery-guide h2")).toBeInViewport();
});

test("removing a bookmark can be undone, and the empty list says how to add one", async ({ page }) => {
  await open(page, "/research");
  await bookmark(page, "Changes in schizophrenia across time: paradoxes, patterns, and predictors").click();
  await open(page, "/bookmarks");
  await page.getByRole("button", { name: /^Remove Changes in schizophrenia/ }).click();
  await expect(status(page)).toContainText("Removed “Changes in schizophrenia");
  await expect(page.getByText(/You have no bookmarks yet/)).toBeVisible();
  await status(page).getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("link", { name: /^Changes in schizophrenia/ })).toBeVisible();
  await page.reload();
  await appReady(page);
  await expect(page.getByRole("link", { name: /^Changes in schizophrenia/ })).toBeVisible();
});

test("a bookmark whose item has left the guide is kept and labelled", async ({ page }) => {
  await page.addInitScript(([key]) => {
    if (!localStorage.getItem(key)) {
      localStorage.setItem(key, JSON.stringify({ version: 1, bookmarks: {
        "an-old-report": { at: 5, value: { added_at: 5, page: "publications", title: "An old report", note: "from 2019" } },
      } }));
    }
  }, [BOOKMARKS]);
  await open(page, "/bookmarks");
  await expect(page.getByRole("heading", { level: 2, name: "No longer in the guide" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "An old report" })).toBeVisible();
  await expect(page.getByText("No longer in the guide. Your bookmark and note are kept.")).toBeVisible();
  await expect(page.getByLabel("Your private note")).toHaveValue("from 2019");
});

test("tick and save a reflection; after a reload the history shows it", async ({ page }) => {
  await open(page, "/reflect");
  const item = page.getByRole("group", { name: GOOD_RELATIONSHIPS });
  await item.getByRole("checkbox", { name: "True for me now" }).check();
  await page.getByRole("group", { name: FINANCIAL_SECURITY }).getByRole("checkbox", { name: "I want to work on this" }).check();
  await item.getByText("Private note").click();
  await item.getByRole("textbox").fill("My sister and my friend Sam");
  await page.getByRole("button", { name: "Save this reflection" }).first().click();
  await expect(status(page)).toContainText("Saved your reflection of");

  await page.reload();
  await appReady(page);
  await expect(page.getByRole("group", { name: GOOD_RELATIONSHIPS }).getByRole("checkbox", { name: "True for me now" })).toBeChecked();
  const history = page.locator("#history");
  await expect(history.getByRole("img", { name: /How your answers changed over time/ })).toBeVisible();
  await expect(history.locator(".snapshot summary")).toHaveText(/: 1 true for you now, 1 to work on$/);
  await history.getByText("Show these figures as a table").click();
  await expect(history.locator("tbody tr")).toHaveCount(1);
  await expect(history.locator("tbody td").first()).toHaveText("1");
});

test("the print view is a short summary of today's checklist, notes and wishes", async ({ page }) => {
  await open(page, "/reflect");
  await page.getByRole("group", { name: GOOD_RELATIONSHIPS }).getByRole("checkbox", { name: "True for me now" }).check();
  await page.getByRole("group", { name: SATISFYING_WORK }).getByRole("checkbox", { name: "I want to work on this" }).check();
  const note = page.getByRole("group", { name: SATISFYING_WORK });
  await note.getByText("Private note").click();
  await note.getByRole("textbox").fill("Ask about volunteering first");
  await page.emulateMedia({ media: "print" });
  const summary = page.locator(".print-summary");
  await expect(summary).toBeVisible();
  await expect(page.locator(".reflect-screen")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(summary.locator("h3 + ul").first()).toHaveText(GOOD_RELATIONSHIPS);
  await expect(summary.locator("h3 + ul").nth(1)).toHaveText(SATISFYING_WORK);
  await expect(summary.locator("dd")).toHaveText("Ask about volunteering first");
  const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
  const pages = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  expect(pages, "fits on one or two pages").toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
});

test("own items can be added, edited and removed (after a confirmation)", async ({ page }) => {
  await open(page, "/reflect");
  await page.getByLabel("Something that matters to you").fill("Walking the dog every morning");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const own = page.getByRole("group", { name: "Walking the dog every morning" });
  await expect(own).toBeVisible();
  await own.getByRole("checkbox", { name: "True for me now" }).check();
  await own.getByRole("button", { name: /^Edit/ }).click();
  await own.getByLabel("Change the words").fill("Walking the dog");
  await own.getByRole("button", { name: "Save" }).click();
  await page.reload();
  await appReady(page);
  const edited = page.getByRole("group", { name: "Walking the dog" });
  await expect(edited.getByRole("checkbox", { name: "True for me now" })).toBeChecked();
  await edited.getByRole("button", { name: "Remove" }).click();
  await expect(edited.getByText(/Remove this from your checklist/)).toBeFocused();
  await edited.getByRole("button", { name: "No, keep it" }).click();
  await expect(edited).toBeVisible();
  await edited.getByRole("button", { name: "Remove" }).click();
  await edited.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(page.getByRole("group", { name: "Walking the dog" })).toHaveCount(0);
});

test("a saved reflection is deleted only after confirming", async ({ page }) => {
  await open(page, "/reflect");
  await page.getByRole("group", { name: FINANCIAL_SECURITY }).getByRole("checkbox", { name: "True for me now" }).check();
  await page.getByRole("button", { name: "Save this reflection" }).first().click();
  const snapshot = page.locator(".snapshot");
  await snapshot.locator("summary").click();
  await snapshot.getByRole("button", { name: /^Delete the reflection of/ }).click();
  await expect(snapshot.getByText(/This cannot be undone/)).toBeVisible();
  await snapshot.getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page.locator(".snapshot")).toHaveCount(0);
  await page.reload();
  await appReady(page);
  await expect(page.getByText("No saved reflections yet.")).toBeVisible();
});

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

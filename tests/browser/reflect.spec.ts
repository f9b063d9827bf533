// The reflection checklist: ticking and saving (what is saved, no copies, nothing ticked), deleting
// a saved reflection, answers whose item has left the guide, own items (adding, editing, removing;
// focus while editing, the same item twice, too long), the chart's time axis and dates, and the
// printed summary.
import { test, expect, appReady, open } from "./fixtures";
import { expectNoAxeViolations } from "./axe";
import type { Page } from "@playwright/test";
import { FINANCIAL_SECURITY, GOOD_RELATIONSHIPS, SATISFYING_WORK } from "./content";

const REFLECTIONS = "recovery-guide:reflections";
const HISTORY = "recovery-guide:history";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const status = (page: Page) => page.getByRole("status");
const saveButton = (page: Page) => page.getByRole("button", { name: "Save this reflection" }).first();
const snapshots = (page: Page) => page.locator(".snapshot");

/** Stores `entries` before the app starts, once (a reload keeps what the app saved since). */
async function seed(page: Page, entries: Record<string, unknown>) {
  await page.addInitScript((entries) => {
    if (!sessionStorage.getItem("seeded")) {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, JSON.stringify(value));
      sessionStorage.setItem("seeded", "1");
    }
  }, entries);
}

/** A saved history with one reflection at each of `times` (ms since 1970), `true_now` rising. */
function history(times: number[], items: { id: string; text: string }[] = [{ id: "good-relationships", text: GOOD_RELATIONSHIPS }]) {
  const snapshots = Object.fromEntries(times.map((t, i) => [`s${i}`, { at: t, value: { saved_at: t, utc_offset_minutes: 0,
    items: items.map((item, j) => ({ ...item, answer: { true_now: j <= i } })) } }]));
  return { version: 1, snapshots };
}

test("saving says what was saved, and a second press with nothing changed saves no copy", async ({ page }) => {
  await open(page, "/reflect");
  const item = page.getByRole("group", { name: GOOD_RELATIONSHIPS });
  await item.getByRole("checkbox", { name: "True for me now" }).check();
  await page.getByRole("group", { name: FINANCIAL_SECURITY }).getByRole("checkbox", { name: "I want to work on this" }).check();
  await item.getByText("Private note").click();
  await item.getByRole("textbox").fill("My sister and Sam");
  await saveButton(page).click();
  await expect(status(page)).toContainText(/^Saved your reflection of .+: 1 true for you now, 1 to work on, 1 note\. It is under/);
  await expect(snapshots(page)).toHaveCount(1);

  await page.getByRole("button", { name: "Save this reflection" }).last().click();
  await expect(status(page)).toContainText(/^Nothing has changed since you last saved, on .+ at \d\d:\d\d, so there is nothing new to save\./);
  await expect(snapshots(page)).toHaveCount(1);
  await page.reload();
  await appReady(page);
  await saveButton(page).click();
  await expect(status(page)).toContainText("Nothing has changed since you last saved");
  await expect(snapshots(page)).toHaveCount(1);

  // A change makes it worth saving again.
  await item.getByRole("checkbox", { name: "True for me now" }).uncheck();
  await saveButton(page).click();
  await expect(status(page)).toContainText(": 0 true for you now, 1 to work on, 1 note.");
  await expect(snapshots(page)).toHaveCount(2);
});

test("with nothing ticked and no notes, saving asks first", async ({ page }) => {
  await open(page, "/reflect");
  await saveButton(page).click();
  const question = page.getByRole("group", { name: "Save with nothing ticked?" });
  await expect(question.getByText("Nothing is ticked and there are no notes. Save it anyway, as a record of today?")).toBeFocused();
  await question.getByRole("button", { name: "No, not now" }).click();
  await expect(question).toHaveCount(0);
  await expect(saveButton(page)).toBeFocused();
  await expect(page.getByText("No saved reflections yet.")).toBeVisible();

  await saveButton(page).click();
  await question.getByRole("button", { name: "Yes, save it" }).click();
  await expect(status(page)).toContainText(": 0 true for you now, 0 to work on, no notes.");
  await expect(saveButton(page)).toBeFocused();
  await expect(snapshots(page)).toHaveCount(1);
  // Saved once; the same again is not saved, and not asked about.
  await saveButton(page).click();
  await expect(status(page)).toContainText("Nothing has changed since you last saved");
  await expect(question).toHaveCount(0);
  await expect(snapshots(page)).toHaveCount(1);
});

test("answers to items no longer in the guide are shown, and removed only after confirming", async ({ page }) => {
  const t = Date.UTC(2025, 5, 1);
  await seed(page, {
    [REFLECTIONS]: { version: 2,
      true_now: { "an-old-item": { at: t, value: true }, "good-relationships": { at: t, value: true } },
      work_on: { "another-old-one": { at: t, value: true } },
      notes: { "an-old-item": { at: t, value: "from my first year" } },
      own_items: {} },
    [HISTORY]: history([t], [{ id: "an-old-item", text: "An item the guide has dropped" }]),
  });
  await open(page, "/reflect");
  const gone = page.getByRole("region", { name: "No longer in the guide" });
  await expect(gone.getByRole("group")).toHaveCount(2);
  const old = gone.getByRole("group", { name: "An item the guide has dropped" });
  await expect(old).toContainText("True for you now");
  await expect(old).toContainText("Note: from my first year");
  await expect(gone.getByRole("group", { name: "another-old-one" })).toContainText("you wanted to work on it");

  await old.getByRole("button", { name: "Remove" }).click();
  await expect(old.getByText("Remove this answer and its note? Past saved reflections keep them.")).toBeFocused();
  await old.getByRole("button", { name: "No, keep it" }).click();
  await expect(old).toBeVisible();
  await old.getByRole("button", { name: "Remove" }).click();
  await old.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(status(page)).toContainText("Removed your answer about “An item the guide has dropped”.");
  await expect(old).toHaveCount(0);
  await expect(gone.getByRole("heading", { name: "No longer in the guide" })).toBeFocused();

  const other = gone.getByRole("group", { name: "another-old-one" });
  await other.getByRole("button", { name: "Remove" }).click();
  await other.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(gone).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Your past reflections" })).toBeFocused();

  await page.reload();
  await appReady(page);
  await expect(page.getByRole("heading", { name: "No longer in the guide" })).toHaveCount(0);
  const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), REFLECTIONS))!);
  expect(stored.true_now["an-old-item"].value).toBeUndefined();
  expect(stored.notes["an-old-item"].value).toBeUndefined();
  expect(stored.true_now["good-relationships"].value).toBe(true);
  await expect(page.getByRole("group", { name: GOOD_RELATIONSHIPS }).getByRole("checkbox", { name: "True for me now" })).toBeChecked();
});

test.describe("the chart", () => {
  test.use({ timezoneId: "UTC" });
  // Saves are dated in the past: times from the future are brought back to now when read.

  async function chartDates(page: Page) {
    return page.locator(".chart__svg .chart__date").allTextContents();
  }

  /** Every text in the chart is drawn inside it. */
  async function expectNothingCutOff(page: Page) {
    const boxes = await page.locator(".chart__svg text").evaluateAll((texts) =>
      texts.map((t) => { const b = (t as SVGTextElement).getBBox(); return [b.x, b.x + b.width]; }));
    for (const [left, right] of boxes) {
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(360);
    }
  }

  /** The x of each save along a line, from its path ("M36 120 L44 118 ..."). */
  async function pathXs(page: Page, line: string) {
    const d = (await page.locator(`.chart__svg path.${line}`).getAttribute("d"))!;
    return d.split(/[ML]/).filter((p) => p.trim()).map((p) => Number(p.trim().split(" ")[0]));
  }

  test("places saves by the time between them and dates them with the year across a year", async ({ page }) => {
    const first = Date.UTC(2025, 11, 20, 8);
    await seed(page, { [HISTORY]: history([first, first + 12 * HOUR, first + 19 * DAY]) });
    await open(page, "/reflect");
    // 12 hours of 19 days is 8 of the 304 units the saves span: not the middle.
    expect(await pathXs(page, "chart__true")).toEqual([36, 44, 340]);
    // Evenly in time: every Monday, the first and the first in the new year with their years.
    expect(await chartDates(page)).toEqual(["22 Dec 2025", "29 Dec", "5 Jan 2026"]);
    await expectNothingCutOff(page);
  });

  test("a year of daily saves on a phone: markers on some saves, dates evenly spaced with their years, the table in the list's order", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    const first = Date.UTC(2025, 11, 7, 12);
    await seed(page, { [HISTORY]: history(Array.from({ length: 365 }, (_, d) => first + d * DAY)) });
    await open(page, "/reflect");
    const circles = await page.locator(".chart__svg circle").count();
    const squares = await page.locator(".chart__svg rect").count();
    expect(circles).toBeGreaterThan(5);
    expect(circles).toBeLessThanOrEqual(20);
    expect(squares).toBe(circles);
    // Month starts, two months apart, with the year where it starts (the chart crosses one).
    expect(await chartDates(page)).toEqual(["Jan 2026", "Mar", "May", "Jul", "Sep", "Nov"]);
    const centres = await page.locator(".chart__svg .chart__date").evaluateAll((texts) =>
      texts.map((t) => { const b = (t as SVGTextElement).getBBox(); return b.x + b.width / 2; }));
    const gaps = centres.slice(1).map((c, i) => c - centres[i]);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThan(4);
    await expectNothingCutOff(page);
    // The key says how the lines differ besides their dashes.
    await expect(page.locator(".chart__key")).toContainText("thick solid line");
    await expect(page.locator(".chart__key")).toContainText("thin dashed line");

    // The table runs newest first, like the list under it.
    await page.getByText("Show these figures as a table").click();
    const rows = page.locator(".chart__table tbody th");
    await expect(rows).toHaveCount(365);
    await expect(rows.first()).toHaveText("6 December 2026 at 12:00");
    await expect(rows.last()).toHaveText("7 December 2025 at 12:00");
    await expect(snapshots(page).first()).toContainText("6 December 2026 at 12:00");
  });

  test("saves on one day are labelled by time, inside the chart, each once", async ({ page }) => {
    const morning = Date.UTC(2025, 10, 27, 8);
    await seed(page, { [HISTORY]: history([morning, morning + 12 * HOUR]) });
    await open(page, "/reflect");
    await expectNothingCutOff(page);
    expect(await chartDates(page)).toEqual(["27 Nov 08:00", "20:00"]);
    await page.getByText("Show these figures as a table").click();
    // Newest first, like the list.
    await expect(page.locator(".chart__table tbody th")).toHaveText(["27 November 2025 at 20:00", "27 November 2025 at 08:00"]);
  });
});

test("editing an own item keeps focus: in the box while editing, back on Edit after", async ({ page }) => {
  await open(page, "/reflect");
  await page.getByLabel("Something that matters to you").fill("Walking the dog");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const own = page.getByRole("group", { name: "Walking the dog" });
  await own.getByRole("button", { name: /^Edit/ }).click();
  const box = own.getByLabel("Change the words");
  await expect(box).toBeFocused();
  await box.fill("Walking the dog at seven");
  await box.press("Enter");
  const edited = page.getByRole("group", { name: "Walking the dog at seven" });
  const edit = edited.getByRole("button", { name: /^Edit/ });
  await expect(edit).toBeFocused();
  await expect(status(page)).toContainText("Saved your change.");

  await page.keyboard.press("Enter");
  await expect(edited.getByLabel("Change the words")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(edit).toBeFocused();
  await edit.click();
  await edited.getByRole("button", { name: "Cancel" }).click();
  await expect(edit).toBeFocused();
  await expect(edited).toBeVisible();
});

test("the same own item twice, or one too long, is said and not added; nothing typed is lost", async ({ page }) => {
  await open(page, "/reflect");
  const field = page.getByLabel("Something that matters to you");
  const add = page.getByRole("button", { name: "Add", exact: true });
  const ownList = page.getByRole("region", { name: "Your own" }).locator(".check-list > li");
  await field.fill("Walking the dog");
  await add.click();
  await expect(ownList).toHaveCount(1);

  await field.fill("  walking THE   dog ");
  await add.click();
  await expect(status(page)).toContainText("“Walking the dog” is already on your checklist, so it is not added again.");
  await expect(ownList).toHaveCount(1);
  await expect(field).toHaveValue("  walking THE   dog ");
  await field.fill("Good relationships");
  await add.click();
  await expect(status(page)).toContainText(`“${GOOD_RELATIONSHIPS}” is already on your checklist`);
  await expect(ownList).toHaveCount(1);

  // A paste of 3,000 characters is kept whole, and the count says how much to cut.
  const long = "abcdefghij".repeat(300);
  await field.fill("");
  await field.focus();
  await page.keyboard.insertText(long);
  await expect(field).toHaveValue(long);
  await expect(page.locator("#new-own-item-length")).toHaveText("3000 characters: 2700 more than the 300 an item can have.");
  await expect(field).toHaveAccessibleDescription("3000 characters: 2700 more than the 300 an item can have.");
  await add.click();
  await expect(status(page)).toContainText("That is 2700 characters too long: an item can have up to 300.");
  await expect(ownList).toHaveCount(1);
  await expect(field).toHaveValue(long);
  await field.fill("abcdefghij".repeat(25));
  await expect(page.locator("#new-own-item-length")).toHaveText("250 of 300 characters.");
  await field.fill("short");
  await expect(page.locator("#new-own-item-length")).toBeHidden();
  await expect(field).toHaveAccessibleDescription("");

  // Changing an item's words into another item's is said too, and the box stays open.
  await field.fill("Sleeping well");
  await add.click();
  const sleep = page.getByRole("group", { name: "Sleeping well" });
  await sleep.getByRole("button", { name: /^Edit/ }).click();
  await sleep.getByLabel("Change the words").fill("walking the dog");
  await sleep.getByRole("button", { name: "Save" }).click();
  await expect(status(page)).toContainText("“Walking the dog” is already on your checklist");
  await expect(sleep.getByLabel("Change the words")).toHaveValue("walking the dog");
});

test("the printed summary says when there are no notes", async ({ page }) => {
  await open(page, "/reflect");
  await page.getByRole("group", { name: GOOD_RELATIONSHIPS }).getByRole("checkbox", { name: "True for me now" }).check();
  await page.emulateMedia({ media: "print" });
  const summary = page.locator(".print-summary");
  await expect(summary.getByRole("heading", { name: "My notes" })).toBeVisible();
  await expect(summary.locator("h3:has-text('My notes') + *")).toHaveText("No notes.");
});

for (const scheme of ["light", "dark"] as const) {
  test(`the new states pass axe in ${scheme} colours: answers outside the guide, asking to save, an item too long`, async ({ page }) => {
    const t = Date.UTC(2026, 10, 1);
    await seed(page, {
      [REFLECTIONS]: { version: 2, true_now: { "an-old-item": { at: t, value: true } }, work_on: {},
        notes: { "an-old-item": { at: t, value: "kept" } }, own_items: {} },
      [HISTORY]: history([t, t + 12 * HOUR, t + 70 * DAY]),
    });
    await page.emulateMedia({ colorScheme: scheme });
    await open(page, "/reflect");
    await expect(page.getByRole("heading", { name: "No longer in the guide" })).toBeVisible();
    await page.getByLabel("Something that matters to you").fill("x".repeat(320));
    await page.getByRole("button", { name: "Save this reflection" }).last().click();
    await page.getByRole("button", { name: "Save this reflection" }).first().click();
    await expect(page.getByText(/Save it anyway/)).toHaveCount(2);
    await page.getByRole("group", { name: "an-old-item" }).getByRole("button", { name: "Remove" }).click();
    await expectNoAxeViolations(page, `reflect with its new states (${scheme})`);
  });
}

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

// "Your plan for hard days" (/plan): writing it, changing its order, taking things out and back,
// keeping it (reload, offline, other tabs, export and import, delete everything), printing and
// sharing it, by mouse and by keyboard alone, and the help page's line about it.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect, appReady, open, firstVisit } from "./fixtures";
import { expectNoAxeViolations } from "./axe";
import { siteOf } from "./sites";
import { COUNTRY, digits, firstNumber, literally, NATION, planStepNumber, planSteps, serviceLabel } from "./content";

const PLAN = "recovery-guide:plan";

const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ }).last();
/** A step of the plan by its id in plan.toml (the page numbers the steps: "4. Who I can ask"). */
const step = (page: Page, id: string) => page.getByRole("region", { name: new RegExp(`^${planStepNumber(id)}\\. `) });
const entries = (page: Page, id: string) => step(page, id).locator(".plan-entry");
const entryTexts = (page: Page, id: string) => step(page, id).locator(".plan-entry__text");
/** The label of the field that adds to a step, and its examples as the page says them. */
const addLabel = (id: string) => planSteps.find((s) => s.id === id)!.add;
const examples = (id: string) => `For example: ${planSteps.find((s) => s.id === id)!.hints.join(" ")}`;

/** Adds an entry to a step with the mouse, as a person would. */
async function add(page: Page, id: string, text: string, phone?: string) {
  const section = step(page, id);
  await section.locator(".plan-add input[type=text]").fill(text);
  if (phone !== undefined) await section.getByLabel("Phone number (if you like)").fill(phone);
  await section.getByRole("button", { name: /^Add to/ }).click();
  await expect(status(page)).toContainText(`Added “${text}” to your plan.`);
}

test("entries are added, changed as typed and kept over a reload; numbers can be called, words stay words", async ({ page }) => {
  await open(page, "/plan");
  await expect(page.getByText("Your plan is empty for now.")).toBeVisible();
  // Examples are hint text tied to the field, never a placeholder.
  const field = step(page, "warning-signs").getByLabel(addLabel("warning-signs"));
  await expect(field).toHaveAccessibleDescription(new RegExp(`^${literally(examples("warning-signs"))}`));
  await expect(field).not.toHaveAttribute("placeholder");
  await add(page, "warning-signs", "I stop answering my phone");
  await add(page, "warning-signs", 'I go quiet <img src=x onerror="document.title=1">');
  await expect(entryTexts(page, "warning-signs")).toHaveText(["I stop answering my phone", 'I go quiet <img src=x onerror="document.title=1">']);
  await expect(page.locator("main img")).toHaveCount(0);

  await add(page, "people-to-ask", "Mum", "07700 900123");
  await add(page, "people-to-ask", "Sam", "ask Sam for his new number");
  const mum = entries(page, "people-to-ask").first();
  await expect(mum.getByRole("link", { name: "Call 07700 900123" })).toHaveAttribute("href", "tel:07700900123");
  await expect(mum.getByRole("link", { name: "Text 07700 900123" })).toHaveAttribute("href", "sms:07700900123");
  const sam = entries(page, "people-to-ask").nth(1);
  await expect(sam).toContainText("Phone: ask Sam for his new number");
  await expect(sam.getByRole("link")).toHaveCount(0);

  // Changing an entry saves as it is typed: a reload straight after keeps it.
  await mum.getByRole("button", { name: /^Edit/ }).click();
  await mum.getByLabel("Change the name").fill("Mum (mobile)");
  await mum.getByLabel("Phone number").fill("+44 (0)7700 900124");
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), PLAN)).toContain("+44 (0)7700 900124");
  await page.reload();
  await appReady(page);
  await expect(entryTexts(page, "people-to-ask")).toHaveText(["Mum (mobile)", "Sam"]);
  await expect(entries(page, "people-to-ask").first().getByRole("link", { name: "Call +44 (0)7700 900124" })).toHaveAttribute("href", "tel:+447700900124");
  await expect(entryTexts(page, "warning-signs")).toHaveCount(2);
  await expect(page.getByText(/^Last changed \d+ \w+ \d{4} \(today\)\.$/)).toBeVisible();

  // Marked as reviewed, and said so after a reload.
  await page.getByRole("button", { name: "Mark as reviewed" }).click();
  await expect(status(page)).toHaveText(/Marked as reviewed today\./);
  await page.reload();
  await appReady(page);
  await expect(page.getByText(/^You last looked it over on \d+ \w+ \d{4} \(today\)\.$/)).toBeVisible();

  // The person's own search finds it, marked as theirs.
  await open(page, "/search?q=quiet");
  const yours = page.getByRole("region", { name: "Your own notes (only on this device)" });
  await expect(yours.getByRole("link", { name: /In your plan, under “Signs that things are getting hard”/ })).toBeVisible();
});

// Issue 28: common ways of writing a number got no call button, and landlines were offered "Text".
test("a number with a note or an extension can be called, and only a mobile is offered Text", async ({ page }) => {
  await open(page, "/plan");
  await add(page, "people-to-ask", "Dad", "07700900124 (evenings)");
  await add(page, "people-to-ask", "Community team", "0300 123 4567 ext 2");
  await add(page, "people-to-ask", "Gran", "020 7946 0018");
  const [dad, team, gran] = [0, 1, 2].map((i) => entries(page, "people-to-ask").nth(i));
  // What was typed with the number is isolated (U+2068 … U+2069), in case it is written right to left.
  await expect(dad.getByRole("link", { name: "Call \u206807700900124 (evenings)\u2069" })).toHaveAttribute("href", "tel:07700900124");
  await expect(dad.getByRole("link", { name: "Text \u206807700900124 (evenings)\u2069" })).toHaveAttribute("href", "sms:07700900124");
  await expect(team.getByRole("link", { name: "Call \u20680300 123 4567 ext 2\u2069" })).toHaveAttribute("href", "tel:03001234567,2");
  await expect(team.getByRole("link", { name: /^Text/ })).toHaveCount(0);
  await expect(gran.getByRole("link", { name: "Call 020 7946 0018" })).toHaveAttribute("href", "tel:02079460018");
  await expect(gran.getByRole("link", { name: /^Text/ })).toHaveCount(0);
});

test("entries move up and down with the mouse, and focus stays on the entry moved", async ({ page }) => {
  await open(page, "/plan");
  for (const text of ["Walk", "Music", "Shower"]) await add(page, "on-my-own", text);
  const shower = entries(page, "on-my-own").filter({ hasText: "Shower" });
  await shower.getByRole("button", { name: "Move up Shower" }).click();
  await expect(entryTexts(page, "on-my-own")).toHaveText(["Walk", "Shower", "Music"]);
  await expect(status(page)).toContainText("Moved “Shower” to place 2 of 3.");
  await expect(page.getByRole("button", { name: "Move up Shower" })).toBeFocused();
  await page.getByRole("button", { name: "Move up Shower" }).click();
  await expect(entryTexts(page, "on-my-own")).toHaveText(["Shower", "Walk", "Music"]);
  // At the top there is no "Move up": focus goes to the same entry's "Move down".
  await expect(page.getByRole("button", { name: "Move up Shower" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Move down Shower" })).toBeFocused();
  await page.reload();
  await appReady(page);
  await expect(entryTexts(page, "on-my-own")).toHaveText(["Shower", "Walk", "Music"]);
});

test("keyboard only: add, change, move and remove an entry, with focus always where the person is", async ({ page }) => {
  await open(page, "/plan");
  const field = step(page, "reasons").getByLabel(addLabel("reasons"));
  await field.focus();
  for (const text of ["My dog", "The sea", "My sister"]) {
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
    await expect(status(page)).toContainText(`Added “${text}” to your plan.`);
    await expect(field, "focus stays in the field, ready for the next").toBeFocused();
    await expect(field).toHaveValue("");
  }
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
  // Back from the field to the last entry's buttons: Remove, then Move up.
  await page.keyboard.press("Shift+Tab");
  await expect.poll(focused).toBe("Remove My sister");
  await page.keyboard.press("Shift+Tab");
  await expect.poll(focused).toBe("Move up My sister");
  await page.keyboard.press("Enter");
  await expect(entryTexts(page, "reasons")).toHaveText(["My dog", "My sister", "The sea"]);
  await expect.poll(focused).toBe("Move up My sister");
  await page.keyboard.press("Space");
  await expect(entryTexts(page, "reasons")).toHaveText(["My sister", "My dog", "The sea"]);
  await expect.poll(focused).toBe("Move down My sister");

  // Edit: focus goes into the field; Enter is "Done" and focus comes back to Edit.
  await page.keyboard.press("Shift+Tab");
  await expect.poll(focused).toBe("Edit My sister");
  await page.keyboard.press("Enter");
  await expect(step(page, "reasons").getByLabel("Change the words")).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.type(", Jo");
  await page.keyboard.press("Enter");
  await expect(entryTexts(page, "reasons").first()).toHaveText("My sister, Jo");
  await expect.poll(focused).toBe("Edit My sister, Jo");

  // Remove, then Undo from the message, by keyboard.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect.poll(focused).toBe("Remove My sister, Jo");
  await page.keyboard.press("Enter");
  await expect(entryTexts(page, "reasons")).toHaveText(["My dog", "The sea"]);
  await expect(page.getByRole("heading", { name: "7. What matters to me" })).toBeFocused();
  await status(page).getByRole("button", { name: "Undo" }).focus();
  await page.keyboard.press("Enter");
  await expect(entryTexts(page, "reasons")).toHaveText(["My sister, Jo", "My dog", "The sea"]);
});

/** Where the message bar is, and what its live region says. */
async function bar(page: Page) {
  return page.locator(".status").evaluate((region) => {
    const box = region.querySelector(".status__box")!.getBoundingClientRect();
    return { top: box.top, height: box.height, said: region.textContent!.trim() };
  });
}

// Issue 28: a 900-character entry made a bar 1,039 px tall, starting above the screen, that took
// every tap until Close, and the live region read the whole entry aloud.
test("a long entry is quoted by its start only, and the message never covers more than a quarter of the screen", async ({ page }) => {
  const long = "When it gets bad I will put my phone down, breathe slowly and text my sister before anything else. ".repeat(9).trim();
  expect(long.length).toBeGreaterThan(850);
  const start = "“When it gets bad I will put my phone down, breathe slowly…”";
  for (const [width, height] of [[360, 780], [1280, 800]]) {
    await page.setViewportSize({ width, height });
    await open(page, "/plan");
    const field = step(page, "reasons").getByLabel(addLabel("reasons"));
    await field.fill(long);
    await field.press("Enter");
    await expect(status(page)).toHaveText(new RegExp(`^Added ${literally(start)} to your plan\.`));
    for (const action of ["Removed", "Undo"]) {
      const shown = await bar(page);
      expect(shown.height, `${action} at ${width} px`).toBeLessThanOrEqual(height / 4);
      expect(shown.top).toBeGreaterThanOrEqual(height * 0.75);
      expect(shown.said.length, "the live region says a short start only").toBeLessThan(120);
      // A tap outside the message reaches the page under it.
      await step(page, "reasons").getByRole("button", { name: /^Edit/ }).first().click();
      await expect(step(page, "reasons").getByLabel("Change the words")).toBeFocused();
      await page.keyboard.press("Enter");
      if (action === "Removed") {
        await entries(page, "reasons").first().getByRole("button", { name: /^Remove/ }).click();
        await expect(status(page)).toContainText(`Removed ${start} from your plan.`);
        const removed = await bar(page);
        expect(removed.height).toBeLessThanOrEqual(height / 4);
        await status(page).getByRole("button", { name: "Undo" }).click();
        await expect(status(page)).toContainText(`${start} is back in your plan.`);
      }
    }
    await page.evaluate(() => localStorage.clear());
  }
});

test("a message as tall as a quarter of the screen scrolls inside, and adding with Enter keeps the field in view above it", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await open(page, "/plan");
  // The largest text, so the message is as tall as it gets.
  await page.evaluate(() => document.documentElement.setAttribute("data-text-size", "largest"));
  const field = step(page, "reasons").getByLabel(addLabel("reasons"));
  await field.scrollIntoViewIfNeeded();
  await field.focus();
  for (const text of ["My dog and the walks we take along the river in the morning", "The sea", "My sister and her two children who live nearby"]) {
    await page.keyboard.type(text);
    await page.keyboard.press("Enter");
    await expect(status(page)).toContainText("to your plan.");
    await expect(field).toBeFocused();
    await expect.poll(async () => {
      const [f, b] = await Promise.all([field.boundingBox(), bar(page)]);
      return f!.y + f!.height <= b.top && f!.y >= 0;
    }, "the field is in view, above the message").toBe(true);
  }
  const box = page.locator(".status__box");
  expect(await box.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(780 / 4);
});

test("a removed entry comes back with Undo, in its place, and stays after a reload", async ({ page }) => {
  await open(page, "/plan");
  for (const text of ["Ask Mum to look after my tablets", "Stay with a friend", "Go where people are"]) await add(page, "safer-place", text);
  await entries(page, "safer-place").nth(1).getByRole("button", { name: /^Remove/ }).click();
  await expect(status(page)).toContainText("Removed “Stay with a friend” from your plan.");
  await expect(entryTexts(page, "safer-place")).toHaveText(["Ask Mum to look after my tablets", "Go where people are"]);
  expect(await page.evaluate((key) => localStorage.getItem(key), PLAN), "its words are not kept").not.toContain("Stay with a friend");
  await status(page).getByRole("button", { name: "Undo" }).click();
  await expect(status(page)).toContainText("“Stay with a friend” is back in your plan.");
  await expect(entryTexts(page, "safer-place")).toHaveText(["Ask Mum to look after my tablets", "Stay with a friend", "Go where people are"]);
  await page.reload();
  await appReady(page);
  await expect(entryTexts(page, "safer-place")).toHaveText(["Ask Mum to look after my tablets", "Stay with a friend", "Go where people are"]);
});

test("the top shows the emergency numbers for the chosen place, and a helpline is added in one tap", async ({ page }) => {
  await open(page, "/plan");
  const first = page.locator(".first-help");
  await expect(first.getByRole("heading")).toHaveText("Emergency numbers, if a life is at risk");
  await expect(first.getByRole("link", { name: /^UK\s*Call 999/ })).toBeVisible();
  await step(page, "services").getByLabel("Where are you?").selectOption(COUNTRY.name);
  await expect(first.getByRole("heading")).toHaveText(`Help in ${COUNTRY.name}`);
  const emergency = firstNumber(COUNTRY.emergencyService);
  await expect(first.getByRole("link", { name: new RegExp(`${literally(serviceLabel(COUNTRY.emergencyService))}.*Call ${literally(emergency)}`) })).toHaveAttribute(
    "href",
    `tel:${digits(emergency)}`,
  );
  const helpline = serviceLabel(COUNTRY.mainService);
  await step(page, "services").getByRole("button", { name: `Add ${helpline}` }).click();
  await expect(status(page)).toContainText(`Added “${helpline}” to your plan.`);
  await expect(step(page, "services").getByRole("button", { name: `Added ${helpline}` })).toHaveAttribute("aria-disabled", "true");
  const added = entries(page, "services").first();
  await expect(added.locator(".plan-entry__text")).toHaveText(helpline);
  const number = firstNumber(COUNTRY.mainService);
  await expect(added.getByRole("link", { name: `Call ${number}` })).toHaveAttribute("href", `tel:${digits(number)}`);
  // The place is the one the help page remembers.
  await open(page, "/help");
  await expect(page.getByLabel("Where are you?")).toHaveValue(COUNTRY.name);
});

test("the plan prints as one page without the controls, on A4 and US Letter", async ({ page }) => {
  await open(page, "/plan");
  await add(page, "warning-signs", "I stop answering my phone");
  await add(page, "people-to-ask", "Mum", "07700 900123");
  await page.emulateMedia({ media: "print" });
  const printed = page.locator(".plan-print");
  await expect(printed).toBeVisible();
  await expect(printed.getByRole("heading", { name: "If a life is at risk, or you need help now" })).toBeVisible();
  await expect(printed.getByRole("heading", { level: 2 })).toHaveText([
    "If a life is at risk, or you need help now",
    "1. Signs that things are getting hard", "2. Things I can do on my own", "3. People and places that take my mind off things",
    "4. People I can ask for help", "5. Professionals and services", "6. Making where I am safer", "7. What matters to me",
  ]);
  await expect(printed.getByText("I stop answering my phone")).toBeVisible();
  await expect(printed.getByText("Mum: 07700 900123")).toBeVisible();
  await expect(page.locator(".plan-screen")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  for (const button of await page.locator("button").all()) await expect(button).toBeHidden();
  for (const input of await page.locator("input, select").all()) await expect(input).toBeHidden();
  for (const format of ["A4", "Letter"] as const) {
    const pdf = (await page.pdf({ format })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length, `one ${format} page`).toBe(1);
  }
});

// Issue 28: "سارة" with "+44 20 7946 0018" printed as "0018 7946 20 44+ :سارة", the bullet outside
// the column: someone would dial the wrong number.
test("a right-to-left name keeps its number in order, on screen, in print and in the text", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.addInitScript(() => { delete (Navigator.prototype as { share?: unknown }).share; });
  await open(page, "/plan");
  await add(page, "people-to-ask", "سارة", "+44 20 7946 0018");
  await add(page, "people-to-ask", "Jo", "ask Jo: 0300 123 4567 ext 2");
  /** Where "+44" and "0018" are drawn, left to right, within the element holding the number. */
  const drawn = (scope: import("@playwright/test").Locator) => scope.evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent!;
      const at = text.indexOf("+44");
      if (at < 0 || !(node.parentElement!.offsetParent)) continue;
      const x = (start: number, end: number) => {
        const range = document.createRange();
        range.setStart(node!, start);
        range.setEnd(node!, end);
        return range.getBoundingClientRect().left;
      };
      return { plus: x(at, at + 3), end: x(text.indexOf("0018"), text.indexOf("0018") + 4), column: root.getBoundingClientRect().left };
    }
    return null;
  });
  const onScreen = await drawn(entries(page, "people-to-ask").first());
  expect(onScreen!.plus).toBeLessThan(onScreen!.end);
  await page.emulateMedia({ media: "print" });
  const line = page.locator(".plan-print li").filter({ hasText: "سارة" });
  await expect(line).toHaveText("سارة: +44 20 7946 0018");
  const printed = await drawn(line);
  expect(printed!.plus, "+44 is drawn left of 0018").toBeLessThan(printed!.end);
  // The line reads left to right like the page: its bullet sits at the column's left.
  expect(await line.evaluate((li) => getComputedStyle(li).direction)).toBe("ltr");
  await expect(line.locator("bdi").last()).toHaveAttribute("dir", "ltr");
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("button", { name: "Copy as text" }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("\n- \u2068سارة\u2069: \u2066+44 20 7946 0018\u2069\n");
  expect(copied).toContain("\n- \u2068Jo\u2069: \u2068ask Jo: 0300 123 4567 ext 2\u2069\n");
});

test("without Web Share, Copy as text puts the plan on the clipboard, and Download as text gives a .txt file", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.addInitScript(() => { delete (Navigator.prototype as { share?: unknown }).share; });
  await open(page, "/plan");
  await add(page, "on-my-own", "Go for a walk");
  await expect(page.getByRole("button", { name: "Share" })).toHaveCount(0);
  await page.getByRole("button", { name: "Copy as text" }).click();
  await expect(status(page)).toContainText("Copied your plan.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^My plan for hard days\nLast changed \d+ \w+ \d{4}\.\n/);
  // What the person wrote is isolated (FSI … PDI), so it keeps its own direction in a text app.
  expect(copied).toContain("\n2. Things I can do on my own\n- \u2068Go for a walk\u2069\n");
  expect(copied).toContain("\nIf a life is at risk, or you need help now\n- UK: Call 999\n");

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download as text" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^my-plan-\d{4}-\d{2}-\d{2}\.txt$/);
  expect(readFileSync(await download.path(), "utf8")).toBe(copied);
});

test("where the browser has Web Share, Share hands it the plan's text", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "share", {
      configurable: true,
      value: (data: { title: string; text: string }) => {
        (window as unknown as { shared: unknown }).shared = data;
        return Promise.resolve();
      },
    });
  });
  await open(page, "/plan");
  await add(page, "reasons", "My dog");
  await expect(page.getByRole("button", { name: "Copy as text" })).toHaveCount(0);
  await page.getByRole("button", { name: "Share" }).click();
  const shared = await page.waitForFunction(() => (window as unknown as { shared?: unknown }).shared).then((h) => h.jsonValue()) as { title: string; text: string };
  expect(shared.title).toBe("My plan for hard days");
  expect(shared.text).toContain("\n7. What matters to me\n- \u2068My dog\u2069\n");
});

test("the plan passes axe empty, filled, being changed and printed, in light and dark colours", async ({ page }) => {
  // Five full axe runs: 10-15 s alone on a 2-core machine, much more when it is busy.
  test.slow();
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme, media: "screen" });
    await open(page, "/plan");
    await expectNoAxeViolations(page, `the empty plan (${scheme})`);
  }
  await add(page, "warning-signs", "I stop answering my phone");
  await add(page, "warning-signs", "I can't sleep");
  await add(page, "people-to-ask", "Mum", "07700 900123");
  await add(page, "people-to-ask", "Sam", "not a number");
  await step(page, "services").getByLabel("Where are you?").selectOption(NATION.name);
  await step(page, "services").getByRole("button", { name: `Add ${serviceLabel(NATION.mainService)}` }).click();
  await page.getByRole("button", { name: "Mark as reviewed" }).click();
  await expectNoAxeViolations(page, "the filled plan (dark)");
  await entries(page, "people-to-ask").first().getByRole("button", { name: /^Edit/ }).click();
  await expectNoAxeViolations(page, "an entry being changed (dark)");
  await page.emulateMedia({ colorScheme: "light" });
  await expectNoAxeViolations(page, "the filled plan (light)");
  await page.emulateMedia({ media: "print" });
  await expectNoAxeViolations(page, "the printed plan");
});

test("a change in one tab shows in another at once", async ({ context }) => {
  const [one, two] = [await context.newPage(), await context.newPage()];
  await open(one, "/plan");
  await open(two, "/plan");
  await add(one, "take-my-mind-off", "The library");
  await expect(entryTexts(two, "take-my-mind-off")).toHaveText(["The library"]);
  await entries(two, "take-my-mind-off").first().getByRole("button", { name: /^Remove/ }).click();
  await expect(entryTexts(one, "take-my-mind-off")).toHaveCount(0);
});

test("the export file holds the plan, and bringing it back shows it step by step", async ({ page, browser }, testInfo) => {
  await open(page, "/plan");
  await add(page, "warning-signs", "I stop answering my phone");
  await add(page, "warning-signs", "I can't sleep");
  await add(page, "people-to-ask", "Mum", "07700 900123");
  await open(page, "/your-data");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download my data" }).click();
  const file = testInfo.outputPath("export.json");
  await (await downloading).saveAs(file);
  expect(JSON.parse(readFileSync(file, "utf8")).plan.entries, "the plan is in the file").toBeTruthy();

  const fresh = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const other = await fresh.newPage();
  await open(other, "/your-data");
  await other.getByLabel("File to bring back").setInputFiles(file);
  const preview = other.getByRole("region", { name: "What this file would change" });
  await expect(preview).toContainText("It has 0 bookmarks, 0 saved reflections and 3 entries in a plan.");
  await expect(preview.getByRole("listitem").first()).toHaveText("Your plan, “Signs that things are getting hard”: 2 added");
  await expect(preview).toContainText("Your plan, “People I can ask for help”: 1 added");
  await preview.getByRole("button", { name: "Combine" }).click();
  await expect(other.getByRole("status").filter({ hasText: "combined with yours" })).toBeVisible();
  await open(other, "/plan");
  await expect(entryTexts(other, "warning-signs")).toHaveText(["I stop answering my phone", "I can't sleep"]);
  await expect(entries(other, "people-to-ask").getByRole("link", { name: "Call 07700 900123" })).toBeVisible();
  await fresh.close();
});

test("deleting everything removes the plan", async ({ page }) => {
  await open(page, "/plan");
  await add(page, "on-my-own", "Go for a walk");
  await open(page, "/your-data");
  await page.getByRole("button", { name: "Delete all my data" }).click();
  await page.getByRole("button", { name: "Yes, delete everything" }).click();
  await expect(status(page)).toContainText("All your data has been deleted");
  expect(await page.evaluate((key) => localStorage.getItem(key), PLAN)).toBeNull();
  await open(page, "/plan");
  await expect(entryTexts(page, "on-my-own")).toHaveCount(0);
  await expect(page.getByText("Your plan is empty for now.")).toBeVisible();
});

test("the help page has an invitation to make a plan after the numbers to call, then the person's own plan once there is one", async ({ page }) => {
  await open(page, "/help");
  const callout = page.locator("main .plan-callout");
  await expect(callout).toHaveText("When things are calmer, you could make a plan for hard days.");
  expect(await page.evaluate(() => {
    const [numbers, callout] = [document.querySelector(".first-help"), document.querySelector("main .plan-callout")];
    return Boolean(numbers!.compareDocumentPosition(callout!) & Node.DOCUMENT_POSITION_FOLLOWING);
  }), "the numbers to call come first").toBe(true);
  await callout.getByRole("link", { name: "make a plan for hard days" }).click();
  await expect(page.locator("h1")).toHaveText("Your plan for hard days");
  await appReady(page);
  await add(page, "reasons", "My dog");
  await add(page, "on-my-own", "Walk");
  await open(page, "/help");
  await expect(callout.getByRole("heading", { level: 2 })).toHaveText("From your plan");
  await expect(callout.getByRole("listitem")).toHaveText(["Walk"]);
  await callout.getByRole("link", { name: "See your whole plan" }).click();
  await expect(entryTexts(page, "reasons")).toHaveText(["My dog"]);
});

test("on the help page, what the person can do, what takes their mind off things and who to ask come from their plan, with buttons to call and text, on the first two screens of a phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await open(page, "/plan");
  await add(page, "warning-signs", "I stop sleeping");
  await add(page, "on-my-own", "Have a warm shower");
  await add(page, "take-my-mind-off", "Walk to the park");
  await add(page, "people-to-ask", "Mum", "07700 900123");
  await add(page, "people-to-ask", "Dad", "020 7946 0018");
  await add(page, "reasons", "My dog");
  await open(page, "/help");
  const callout = page.locator("main .plan-callout");
  await expect(callout.getByRole("heading", { level: 3 })).toHaveText(
    ["on-my-own", "take-my-mind-off", "people-to-ask"].map((id) => planSteps.find((s) => s.id === id)!.heading),
  );
  await expect(callout).not.toContainText("I stop sleeping");
  await expect(callout).not.toContainText("My dog");
  await expect(callout.getByRole("link", { name: "Call 07700 900123" })).toHaveAttribute("href", "tel:07700900123");
  await expect(callout.getByRole("link", { name: "Text 07700 900123" })).toHaveAttribute("href", "sms:07700900123");
  await expect(callout.getByRole("link", { name: "Call 020 7946 0018" })).toHaveAttribute("href", "tel:02079460018");
  await expect(callout.getByRole("link", { name: /^Text 020/ }), "a landline takes no texts").toHaveCount(0);
  const bottom = await callout.evaluate((element) => element.getBoundingClientRect().bottom + window.scrollY);
  expect(bottom, "within the first two screens").toBeLessThanOrEqual(2 * 780);
  await expectNoAxeViolations(page, "the help page with a plan", "main .plan-callout");
});

test("without JavaScript the steps, questions and examples can be read, and the controls are hidden", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/plan");
  await expect(page.getByRole("heading", { level: 2, name: "4. People I can ask for help" })).toBeVisible();
  await expect(page.getByText("Who could you tell that you are not OK?")).toBeVisible();
  await expect(page.getByText(examples("people-to-ask"))).toBeVisible();
  await expect(page.locator(".first-help")).toBeVisible();
  await expect(page.getByLabel(addLabel("people-to-ask"))).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await context.close();
});

test("a damaged saved plan is kept as a backup, said once, and new entries save again", async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem(key, "{not a plan");
      sessionStorage.setItem("seeded", "1");
    }
  }, PLAN);
  await open(page, "/plan");
  await expect(page.getByRole("region", { name: "About your saved data" })).toContainText("Your saved plan entries could not be read");
  expect(await page.evaluate(() => localStorage.getItem("recovery-guide:backup:plan:1"))).toBe("{not a plan");
  await add(page, "on-my-own", "Go for a walk");
  await page.reload();
  await appReady(page);
  await expect(entryTexts(page, "on-my-own")).toHaveText(["Go for a walk"]);
  expect(await page.evaluate(() => localStorage.getItem("recovery-guide:backup:plan:1"))).toBe("{not a plan");
});

test("with storage full, a new entry stays on screen, says it was not saved, and is saved with the next change that fits", async ({ page }) => {
  await page.addInitScript(() => {
    const realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if ((window as unknown as { full?: boolean }).full && key.startsWith("recovery-guide:")) throw new DOMException("full", "QuotaExceededError");
      return realSetItem.call(this, key, value);
    };
  });
  await open(page, "/plan");
  await page.evaluate(() => { (window as unknown as { full: boolean }).full = true; });
  const section = step(page, "reasons");
  await section.getByLabel(addLabel("reasons")).fill("My dog");
  await section.getByRole("button", { name: /^Add to/ }).click();
  await expect(status(page)).toContainText("out of space");
  await expect(entryTexts(page, "reasons")).toHaveText(["My dog"]);
  expect(await page.evaluate((key) => localStorage.getItem(key), PLAN)).toBeNull();
  await page.evaluate(() => { (window as unknown as { full: boolean }).full = false; });
  await add(page, "reasons", "The sea");
  expect(await page.evaluate((key) => localStorage.getItem(key), PLAN)).toContain("My dog");
  await page.reload();
  await appReady(page);
  await expect(entryTexts(page, "reasons")).toHaveText(["My dog", "The sea"]);
});

test("offline, the plan opens and keeps what was written", async ({ browser }, testInfo) => {
  const site = siteOf(testInfo);
  const { server, context, page, url } = await firstVisit(browser, site);
  await page.goto(url("/plan"));
  await appReady(page);
  await add(page, "reasons", "Seeing the sea again");
  await server.stop();
  await page.reload();
  await appReady(page);
  await expect(entryTexts(page, "reasons")).toHaveText(["Seeing the sea again"]);
  await add(page, "reasons", "My dog");
  await page.reload();
  await appReady(page);
  await expect(entryTexts(page, "reasons")).toHaveText(["Seeing the sea again", "My dog"]);
  await context.close();
});

import { test, expect, appReady, bookmarkButton } from "./fixtures";
import { HUNDRED_WAYS, PACE, pageById, plainText, publicationYears, resources, SCOTLAND_REPORT, urgentWords } from "./content";

const field = (page: import("@playwright/test").Page) => page.getByRole("searchbox", { name: /Search the guide/ });

test("typing in the header searches as you type, with a shareable address that survives reload", async ({ page }) => {
  await page.goto("/organisations");
  await appReady(page);
  await field(page).pressSequentially("peer supp");
  await expect(page).toHaveURL(/\/search\?q=peer\+supp$/);
  await expect(field(page)).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: /results? for “peer supp”/ })).toBeVisible();
  const first = page.locator(".result").first();
  await expect(first.locator("mark").first()).toBeVisible();
  await page.reload();
  await appReady(page);
  await expect(field(page)).toHaveValue("peer supp");
  await expect(page.locator(".result").first()).toBeVisible();
});

test("the / key focuses the search field; arrows move through results; Enter opens one, highlighted", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  await page.keyboard.press("/");
  await expect(field(page)).toBeFocused();
  await page.keyboard.type("slade");
  await expect(page.locator(".result").first()).toContainText(HUNDRED_WAYS);
  await page.keyboard.press("ArrowDown");
  await expect(page.locator(".result").first()).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.locator(".result").nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/publications#100-ways-to-support-recovery$/);
  await expect(page.locator('[id="100-ways-to-support-recovery"] h2')).toBeInViewport();
  const outline = await page.locator('[id="100-ways-to-support-recovery"]').evaluate((el) => getComputedStyle(el).boxShadow);
  expect(outline).not.toBe("none");
});

test("forgiving: accents, case, plurals and a typo all find the same thing", async ({ page }) => {
  for (const query of ["Ngākau", "ngakau", "NGAKAU"]) {
    await page.goto(`/search?q=${encodeURIComponent(query)}`);
    await appReady(page);
    await expect(page.locator(".result").first()).toContainText("Oranga Ngākau");
  }
  // A typo in an author's name, and a plural ("colleges" for "Recovery Colleges").
  await page.goto("/search?q=kandirikirra");
  await appReady(page);
  await expect(page.locator(".result").first()).toContainText(SCOTLAND_REPORT);
  await page.goto("/search?q=college");
  await appReady(page);
  await expect(page.locator(".result").filter({ hasText: "ImROC" })).toHaveCount(1);
});

test("results are grouped by section, and filters by kind and year are kept in the address", async ({ page }) => {
  await page.goto("/search?q=recovery");
  await appReady(page);
  const groups = page.locator(".result-group h2");
  expect(await groups.count()).toBeGreaterThan(2);
  await page.getByText("Filter results").click();
  await page.getByRole("checkbox", { name: "Publications" }).check();
  await expect(page).toHaveURL(/kind=publication/);
  await expect(groups).toHaveText(["Publications"]);
  // Results follow the years as they are typed: every year but the newest publications'.
  const [from, to] = [Math.min(...publicationYears), Math.max(...publicationYears) - 1];
  const newest = resources.filter((r) => r.kind === "publication" && r.year === to + 1).map((r) => plainText(r.title));
  for (const title of newest) await expect(page.locator(".result__title", { hasText: title })).toHaveCount(1);
  await page.getByLabel("From").fill(`${from}`);
  await expect(page).toHaveURL(new RegExp(`from=${from}`));
  // Exactly "To": the footer's "Show a Quick exit button…" has "to" in it too.
  await page.getByLabel("To", { exact: true }).fill(`${from - 1}`);
  await expect(page.getByRole("status").filter({ hasText: /“From” year is after the “To” year/ })).toBeVisible();
  await page.getByLabel("To", { exact: true }).fill(`${to}`);
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
  await page.reload();
  await appReady(page);
  await expect(page.getByRole("checkbox", { name: "Publications" })).toBeChecked();
  const facts = await page.locator(".result__title").allTextContents();
  expect(facts.length).toBeGreaterThan(0);
  expect(newest.length).toBeGreaterThan(0);
  for (const title of facts) for (const leftOut of newest) expect(title).not.toContain(leftOut);
});

test("the person's own notes are found too, marked as theirs", async ({ page }) => {
  await page.goto("/publications");
  await appReady(page);
  await bookmarkButton(page, PACE).click();
  await page.goto("/bookmarks");
  await page.getByLabel("Your private note").fill("Bring this to Thursday's appointment");
  await page.goto("/search?q=thursday");
  await appReady(page);
  await expect(page.getByRole("heading", { name: "Your own notes (only on this device)" })).toBeVisible();
  await expect(page.locator(".result")).toContainText([PACE]);
});

test("nothing found: the count is announced, other words are suggested, then a calm line and the way to urgent help", async ({ page }) => {
  await page.goto("/search?q=xylophone");
  await appReady(page);
  await expect(page.getByRole("status").filter({ hasText: "No results for “xylophone”." })).toBeVisible();
  await expect(page.getByText(/Try another word/)).toBeVisible();
  const calm = page.locator(".urgent-note");
  await expect(calm).toContainText(urgentWords.nothing_found);
  await expect(calm.getByRole("link", { name: urgentWords.link })).toHaveAttribute("href", pageById("help").path!);
  // The suggestion comes first: nothing sits under the calm line.
  expect(await calm.evaluate((el) => el.nextElementSibling?.className)).toBe("results");
  await expect(page.locator(".results")).toBeEmpty();
});

// Issue 28: each of these ended with "No results … try hope, peer support, Slade or Scotland".
test("distress searches never dead-end: the calm line and the way to urgent help, and no other words to try", async ({ page }) => {
  const queries = ["cant cope", "can't cope anymore", "i cant go on", "i want to end it", "end it", "want to disappear", "not safe", "talk to someone", "kms", "suicidall"];
  for (const query of queries) {
    await page.goto(`/search?q=${encodeURIComponent(query)}`);
    await appReady(page);
    const note = page.locator(".urgent-note");
    await expect(note, query).toHaveCount(1);
    await expect(note, query).toContainText(urgentWords.message);
    await expect(note.getByRole("link", { name: urgentWords.link }), query).toHaveAttribute("href", pageById("help").path!);
    await expect(page.getByText(/Slade or Scotland/), query).toHaveCount(0);
  }
});

test("searching for help, a crisis, a phone, a helpline or someone to talk to shows urgent help first", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  for (const query of ["help", "crisis", "phone", "helpline", "talk to someone"]) {
    await page.goto(`/search?q=${encodeURIComponent(query)}`);
    await appReady(page);
    await expect(page.locator(".result-group h2").first(), query).toHaveText("Urgent help");
    // On a phone, the first result is on the first screen.
    const top = await page.locator(".result").first().evaluate((el) => el.getBoundingClientRect().top);
    expect(top, query).toBeLessThan(page.viewportSize()!.height);
  }
  await page.goto("/search?q=talk+to+someone");
  await appReady(page);
  await expect(page.locator(".result").first()).toHaveAttribute("href", pageById("help").path!);
});

test("a result found by its author says so", async ({ page }) => {
  await page.goto("/search?q=slade");
  await appReady(page);
  const result = page.locator(".result").filter({ hasText: HUNDRED_WAYS });
  await expect(result.locator(".result__snippet")).toContainText(/^By .*Slade/);
  await expect(result.locator(".result__snippet mark")).toHaveText("Slade");
});

test("typing a year that is not one keeps the filters open and the typing as it is, and says why", async ({ page }) => {
  await page.goto("/search?q=recovery");
  await appReady(page);
  await page.getByText("Filter results").click();
  const from = page.getByLabel("From");
  await from.pressSequentially("9999");
  await expect(page).toHaveURL(/from=9999/);
  await from.press("9");
  await expect(page.locator("details.search-filters")).toHaveAttribute("open", "");
  await expect(from).toHaveValue("99999");
  await expect(page.getByText("“99999” is not a year, so it does not filter.")).toBeVisible();
  await expect(page).not.toHaveURL(/from=/);
  await from.fill("");
  await from.pressSequentially("-5");
  await expect(page.locator("details.search-filters")).toHaveAttribute("open", "");
  await expect(from).toHaveValue("-5");
  await from.fill("2005");
  await expect(page).toHaveURL(/from=2005/);
  await expect(page.getByText(/is not a year/)).toHaveCount(0);
});

test("searches that can mean someone needs help now open with a calm line and the way to urgent help", async ({ page }) => {
  for (const query of ["suicidal", "self harm", "kill myself", "overdose", "suicide", "crisis", "Self-Harm"]) {
    await page.goto(`/search?q=${encodeURIComponent(query)}`);
    await appReady(page);
    const note = page.locator(".urgent-note");
    await expect(note, query).toContainText(urgentWords.message);
    // First on the page after the heading: above the filters and whatever the search found.
    expect(await note.evaluate((el) => el.closest(".urgent-note-region")!.previousElementSibling!.className)).toBe("intro");
    const link = note.getByRole("link", { name: urgentWords.link });
    await expect(link).toHaveAttribute("href", pageById("help").path!);
  }
  await page.locator(".urgent-note").getByRole("link").click();
  await expect(page.locator("h1")).toHaveText(pageById("help").heading);
  // Ordinary searches do not get it.
  await page.goto("/search?q=peer+support");
  await appReady(page);
  await expect(page.locator(".result").first()).toBeVisible();
  await expect(page.locator(".urgent-note")).toHaveCount(0);
});

test("the calm line appears as the words are typed, and is announced once", async ({ page }) => {
  await page.goto("/");
  await appReady(page);
  await field(page).pressSequentially("i want to kill myself");
  const region = page.locator(".urgent-note-region");
  await expect(region).toHaveAttribute("aria-live", "polite");
  await expect(region.locator(".urgent-note")).toBeVisible();
  await expect(field(page)).toBeFocused();
});

import { writeFileSync } from "node:fs";
import { test, expect, appReady, bookmarkButton } from "./fixtures";
import { COUNTRY, GOOD_RELATIONSHIPS, NATION, PACE, routedPages } from "./content";
import { expectNoAxeViolations } from "./axe";

const themes = ["light", "dark"] as const;
const widths = [360, 1280];

// One test per route and colour scheme (each loads the page at both widths), so each stays a few
// seconds long however many routes there are.
for (const route of [...routedPages.map((p) => p.path!), "/no-such-page"]) {
  for (const scheme of themes) {
    test(`${route} passes axe in ${scheme} colours at ${widths.join(" and ")} px`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of widths) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(route);
        await appReady(page);
        await expectNoAxeViolations(page, `${route} (${scheme}, ${width} px)`);
      }
    });
  }
}

test("the chosen dark theme (on a light device) passes axe in the states that matter", async ({ page }) => {
  await page.goto("/publications");
  await appReady(page);
  await page.getByLabel("Dark").check();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  // A bookmark added, with its status message showing.
  await bookmarkButton(page, PACE).click();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toBeVisible();
  await expectNoAxeViolations(page, "publications with a bookmark added");
  await page.goto("/bookmarks");
  await appReady(page);
  await expectNoAxeViolations(page, "bookmarks with one bookmark");
  // A reflection saved: checklist ticked, history chart and table.
  await page.goto("/reflect");
  await page.getByRole("group", { name: GOOD_RELATIONSHIPS }).getByRole("checkbox", { name: "True for me now" }).check();
  await page.getByRole("button", { name: "Save this reflection" }).first().click();
  await page.getByText("Show these figures as a table").click();
  await expectNoAxeViolations(page, "reflect with a saved reflection");
  // A confirmation being asked.
  await page.locator(".snapshot summary").click();
  await page.getByRole("button", { name: /^Delete the reflection of/ }).click();
  await expectNoAxeViolations(page, "reflect asking to confirm a delete");
});

test("error states pass axe: an import refused, unreadable data, offline", async ({ page, context }, testInfo) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("recovery-guide:history", "not json at all");
      sessionStorage.setItem("seeded", "1");
    }
  });
  for (const scheme of themes) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/your-data");
    await appReady(page);
    await expect(page.getByRole("region", { name: "About your saved data" })).toBeVisible();
    const file = testInfo.outputPath("bad.json");
    writeFileSync(file, "{oops");
    await page.getByLabel("File to bring back").setInputFiles(file);
    await expect(page.getByRole("alert")).toBeVisible();
    await expectNoAxeViolations(page, `your-data with errors (${scheme})`);
  }
  await context.setOffline(true);
  await page.evaluate(() => window.dispatchEvent(new Event("offline")));
  await expect(page.getByText("You are offline.")).toBeVisible();
  await expectNoAxeViolations(page, "offline notice");
  await context.setOffline(false);
});

for (const scheme of themes) {
  for (const width of widths) {
    test(`urgent help with a place chosen, and a search showing the calm line, pass axe in ${scheme} colours at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: scheme });
      for (const place of [NATION.name, COUNTRY.name]) {
        await page.goto("/help");
        await appReady(page);
        await page.getByLabel("Where are you?").selectOption(place);
        await expect(page.getByRole("heading", { name: `Help in ${place}` })).toBeVisible();
        await expectNoAxeViolations(page, `help with ${place} chosen (${scheme}, ${width} px)`);
      }
      await page.getByLabel("Where are you?").selectOption("");
      await page.goto("/search?q=self+harm");
      await appReady(page);
      await expect(page.locator(".urgent-note")).toBeVisible();
      await expectNoAxeViolations(page, `search with the calm line (${scheme}, ${width} px)`);
    });
  }
}

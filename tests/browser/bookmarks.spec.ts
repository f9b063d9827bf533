// Bookmarks: kept across reloads, counted, listed with notes, removed with Undo, and kept when
// their item has left the guide.
import { test, expect, appReady, open, bookmarkButton as bookmark } from "./fixtures";
import type { Page } from "@playwright/test";
import { PACE } from "./content";

const BOOKMARKS = "recovery-guide:bookmarks";

const navCount = (page: Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Bookmarks/ });
const status = (page: Page) => page.getByRole("status");

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

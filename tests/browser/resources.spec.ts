import { test, expect, appReady } from "./fixtures";
import { pageForKind, plainText, publicationYears, resources } from "./content";

test("every resource is on its page, under its own heading, with a deep link", async ({ page }) => {
  const byPage = new Map<string, typeof resources>();
  for (const resource of resources) {
    const path = pageForKind(resource.kind).path!;
    byPage.set(path, [...(byPage.get(path) ?? []), resource]);
  }
  for (const [path, expected] of byPage) {
    await page.goto(path);
    await appReady(page);
    await expect(page.locator("article.resource")).toHaveCount(expected.length);
    for (const resource of expected) {
      const card = page.locator(`article[id="${resource.id}"]`);
      await expect(card.getByRole("heading", { level: 2 })).toHaveText(plainText(resource.title));
      await expect(card.getByRole("link", { name: /^Link to this/ })).toHaveAttribute("href", `${path}#${resource.id}`);
    }
  }
});

test("a resource deep link opens its page at that resource", async ({ page }) => {
  await page.goto("/publications#pace-recovery-guide");
  await appReady(page);
  await expect(page.locator("#pace-recovery-guide h2")).toBeInViewport();
});

test("publications are newest first, undated last, and the order can be reversed", async ({ page }) => {
  await page.goto("/publications");
  await appReady(page);
  const years = async () =>
    (await page.locator("article.resource .resource__facts").allTextContents()).map((facts) => Number(facts.match(/(\d{4})/)?.[1]));
  const newest = await years();
  expect(newest).toEqual([...newest].sort((a, b) => b - a));
  expect(newest[0]).toBe(Math.max(...publicationYears));

  await page.getByRole("button", { name: "Show oldest first" }).click();
  await expect(page.getByText("Showing oldest first.")).toBeVisible();
  const oldest = await years();
  expect(oldest).toEqual([...newest].reverse());
  await page.getByRole("button", { name: "Show newest first" }).click();
  expect(await years()).toEqual(newest);
});

test("the Māori title is marked as te reo Māori", async ({ page }) => {
  await page.goto("/publications");
  await expect(page.locator('#oranga-ngakau h2 [lang="mi"]')).toHaveText("Oranga Ngākau");
});

test("external links say they leave the app and where they go; unlinked items say so", async ({ page }) => {
  await page.goto("/organisations");
  await appReady(page);
  const external = page.locator("a.external");
  expect(await external.count()).toBeGreaterThan(5);
  for (const link of await external.all()) {
    await expect(link).toContainText("(leaves this app)");
    const host = new URL((await link.getAttribute("href"))!).host;
    await expect(link).toContainText(host);
  }
  await expect(page.locator("#recovery-in-sight-centre")).toContainText("No link known.");
});

test("the videos page says plainly there are no videos yet and lists the presentation", async ({ page }) => {
  await page.goto("/videos");
  await appReady(page);
  await expect(page.getByText("There are no videos in the guide yet.")).toBeVisible();
  await expect(page.locator("article.resource")).toHaveCount(1);
  await expect(page.locator("article.resource")).toContainText("Simon Bradstreet");
});

test("leftovers of the old web page are not shown", async ({ page }) => {
  for (const path of ["/", "/publications", "/research", "/organisations"]) {
    await page.goto(path);
    await appReady(page);
    const text = await page.locator("main").innerText();
    for (const leftover of ["Click here", "Go to website", "Back to top", "Translate »", "Click on title"]) {
      expect(text, `${path} shows "${leftover}"`).not.toContain(leftover);
    }
  }
});

// Every route, opened by its address (a deep link) and reached by a link, at the root and under
// the sub-path.
import { test, expect, SUB_PATH } from "./fixtures";
import { by, Key } from "./guide";
import { onHost } from "../browser/sites";
import { documentTitle, navPages, pageById, routedPages } from "../browser/content";

test("every route opens by its address, with its heading, title and current page in the navigation", SUB_PATH, async ({ guide }) => {
  for (const page of routedPages) {
    await guide.open(page.path!);
    expect(await guide.heading(), page.path).toBe(page.heading);
    expect(await guide.driver.getTitle(), page.path).toBe(documentTitle(page));
    expect(await guide.texts(by.css('nav[aria-label="Main"] [aria-current="page"]')), page.path).toEqual(page.nav ? [page.nav] : []);
  }
  await guide.open("/no-such-page");
  expect(await guide.heading()).toBe(pageById("not-found").heading);
  await guide.click(by.link(`Go to the start: ${pageById("home").title}`));
  await expect.poll(() => guide.heading()).toBe(pageById("home").heading);
});

test("every route is reached by a link, focus goes to its heading, and Back and Forward work", SUB_PATH, async ({ guide }) => {
  await guide.open("/");
  const visited = [pageById("home")];
  const go = async (link: ReturnType<typeof by.link>, id: string) => {
    const target = pageById(id);
    await guide.click(link);
    await expect.poll(() => guide.heading(), `${id} by link`).toBe(target.heading);
    expect(await guide.path()).toBe(onHost(guide.site, target.path!));
    expect(await guide.driver.getTitle()).toBe(documentTitle(target));
    await expect.poll(() => guide.isFocused(by.heading), `${id}: focus on the heading`).toBe(true);
    visited.push(target);
  };
  for (const page of navPages.filter((p) => p.id !== "home")) await go(by.navLink(page.nav!), page.id);
  await go(by.link("Need help now?"), "help");
  await go(by.link("Your data"), "your-data");
  await go(by.link("About this guide"), "about");
  // The search page is reached from the field in the header.
  await guide.fill(by.field("Search the guide (press /)"), "hope");
  await expect.poll(() => guide.heading()).toBe(pageById("search").heading);
  visited.push(pageById("search"));

  for (const expected of visited.slice(0, -1).reverse()) {
    await guide.driver.navigate().back();
    await expect.poll(() => guide.heading(), "Back").toBe(expected.heading);
  }
  await guide.driver.navigate().forward();
  await expect.poll(() => guide.heading(), "Forward").toBe(visited[1].heading);
});

test("a section's address opens the home page at that section, and the skip link works", async ({ guide }) => {
  await guide.open("/#what-supports-recovery");
  const section = await guide.find(by.css("#what-supports-recovery"));
  await expect.poll(() => guide.driver.executeScript("return Math.round(arguments[0].getBoundingClientRect().top)", section)).toBeLessThan(200);
  await guide.open("/research");
  await guide.press(Key.TAB);
  expect(await guide.isFocused(by.link("Skip to main content"))).toBe(true);
  await guide.press(Key.ENTER);
  await expect.poll(() => guide.isFocused(by.css("main"))).toBe(true);
});

test("Back returns to the same place on a long page; a link starts the new page at the top", async ({ guide }) => {
  const scrollY = (): Promise<number> => guide.driver.executeScript("return Math.round(scrollY)");
  await guide.open("/");
  const more = by.xpath("(//nav[@aria-labelledby='more-heading']//a)[last()]");
  await guide.reachable(more);
  const y = await scrollY();
  expect(y).toBeGreaterThan(1000);
  await guide.click(more);
  await expect.poll(() => guide.heading()).not.toBe(pageById("home").heading);
  await expect.poll(scrollY, "a link starts at the top").toBeLessThan(200);
  await guide.driver.navigate().back();
  await expect.poll(() => guide.heading()).toBe(pageById("home").heading);
  await expect.poll(scrollY, "Back returns to the same place").toBeGreaterThan(y - 50);
  expect(await scrollY()).toBeLessThan(y + 50);
  await guide.driver.navigate().forward();
  await expect.poll(scrollY, "Forward starts at the top").toBeLessThan(200);
});

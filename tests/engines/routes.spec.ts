// Every route, opened by its address (a deep link) and reached by a link, at the root and under
// the sub-path.
import { test, expect } from "./fixtures";
import { by, Key } from "./guide";
import { onHost } from "../browser/sites";
import { documentTitle, navPages, pageById, routedPages } from "../browser/content";

test("every route opens by its address, with its heading, title and current page in the navigation", async ({ guide }) => {
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

test("every route is reached by a link, focus goes to its heading, and Back and Forward work", async ({ guide }) => {
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

// A `page` that fails the test if the app logs an error or asks any host other than the local
// server for anything: people's use of the guide must never reach a third party.
import { test as base, expect } from "@playwright/test";
import { onHost, serve, siteOf, type Site } from "./sites";

export const test = base.extend<{ guard: void }>({
  // Paths in tests are paths inside the app ("/publications"); under the sub-path build they are
  // served at "/recovery/publications".
  page: async ({ page }, use, testInfo) => {
    const site = siteOf(testInfo);
    const goto = page.goto.bind(page);
    page.goto = (url, options) => goto(url.startsWith("/") ? onHost(site, url) : url, options);
    await use(page);
  },
  guard: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = [];
      const origin = new URL(baseURL!).origin;
      page.on("console", (message) => {
        // A 404 status for the not-found page is expected and not an app error.
        if (message.type() === "error" && !message.text().includes("404")) problems.push(`console: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("request", (request) => {
        const url = request.url();
        if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) {
          problems.push(`third-party request: ${url}`);
        }
      });
      await use();
      expect(problems, "no console errors and no third-party requests").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the app has started on the prerendered page (the wasm has loaded and hydrated). */
export async function appReady(page: import("@playwright/test").Page) {
  await expect(page.locator("html[data-app=ready]")).toBeAttached();
  await expect(page.locator("main h1")).toBeVisible();
}

/** Holds the wasm back until `release()` is called: the page is as it is before the app starts. */
export async function holdTheApp(page: import("@playwright/test").Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** A bookmark toggle, by the title it bookmarks, whether it is bookmarked now or not. */
export function bookmarkButton(page: import("@playwright/test").Page, title: string) {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.getByRole("button", { name: new RegExp(`^Bookmark(ed)?: ${escaped}$`) });
}

/** Opens the site on its own server (so the test can stop it) and waits until the service worker
 * controls the page, which it does once every file is precached. */
export async function firstVisit(browser: import("@playwright/test").Browser, site: Site, root = site.root) {
  const server = await serve(root);
  const context = await browser.newContext();
  const page = await context.newPage();
  const url = (path: string) => server.origin + onHost(site, path);
  await page.goto(url("/"));
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  return { server, context, page, url };
}

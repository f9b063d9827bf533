// A `page` that fails the test if the app logs an error, asks any host other than the local
// server for anything (people's use of the guide must never reach a third party), or breaks its
// Content-Security-Policy (so every test also proves the policy lets the app work).
import { test as base, expect, type Page } from "@playwright/test";
import { onHost, serve, siteOf, type Site } from "./sites";
import { routedPages } from "./content";

type Fixtures = {
  guard: void;
  /** Every `securitypolicyviolation` on any page the test opened, as "directive: blocked". The
   * guard fails the test if any are left at the end. */
  policyViolations: string[];
  /** Outside addresses the test lets the page go to (and intercepts), e.g. quick exit's site. */
  outsideAllowed: string[];
};

export const test = base.extend<Fixtures>({
  outsideAllowed: [[], { option: true }],
  policyViolations: async ({ page }, use) => {
    await use(await watchPolicyViolations(page));
  },
  // Paths in tests are paths inside the app ("/publications"); under the sub-path build they are
  // served at "/recovery/publications".
  page: async ({ page }, use, testInfo) => {
    const site = siteOf(testInfo);
    const goto = page.goto.bind(page);
    page.goto = (url, options) => goto(url.startsWith("/") ? onHost(site, url) : url, options);
    await use(page);
  },
  guard: [
    async ({ page, baseURL, policyViolations, outsideAllowed }, use, testInfo) => {
      const problems = watchForProblems(page, { origin: new URL(baseURL!).origin, site: siteOf(testInfo), outsideAllowed });
      await use();
      expect(problems(), "no console errors and no third-party requests").toEqual([]);
      expect(policyViolations, "nothing the Content-Security-Policy blocked").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** What the guard fails a test on, in a page of the fixture's or one a test opened itself: errors the
 * page logs or throws, and requests to any host but `origin` (and `outsideAllowed`). The one error
 * allowed is the browser's note that a page address answered 404, when the address is no route of
 * the app (the not-found page); a 404 for a route or for any file the page loads (a script, the
 * wasm, an icon) is a problem. The browser's own words about a blocked script or style are left to
 * `watchPolicyViolations`. Returns the problems found so far. */
export function watchForProblems(page: Page, { origin, site, outsideAllowed = [] }: { origin: string; site: Site; outsideAllowed?: string[] }) {
  const problems: string[] = [];
  const notFoundPages = new Set<string>();
  const notFoundLogged: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404 && response.request().isNavigationRequest() && !isRoute(site, new URL(response.url()).pathname)) {
      notFoundPages.add(response.url());
    }
  });
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() !== "error" || text.includes("Content Security Policy")) return;
    if (text.startsWith("Failed to load resource: the server responded with a status of 404")) notFoundLogged.push(message.location().url);
    else problems.push(`console: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    const url = request.url();
    const allowed = [origin, "data:", "blob:", ...outsideAllowed];
    if (!allowed.some((start) => url.startsWith(start))) problems.push(`third-party request: ${url}`);
  });
  // Decided at the end: the response and the browser's note about it may come in either order.
  return () => [...problems, ...notFoundLogged.filter((url) => !notFoundPages.has(url)).map((url) => `404: ${url}`)];
}

/** Whether a path on the host is one of the app's routes (as `/route`, `/route/` or `/route/index.html`). */
function isRoute(site: Site, pathOnHost: string) {
  const inApp = "/" + pathOnHost.slice(site.base.length).replace(/(^|\/)index\.html$/, "").replace(/\/$/, "");
  return pathOnHost.startsWith(site.base) && routedPages.some((page) => page.path!.replace(/\/$/, "") === inApp.replace(/\/$/, ""));
}

/** Collects every `securitypolicyviolation` in the page (or every page of the context), whichever
 * document it shows, as "directive: what was blocked (where)". For tests that open their own
 * context, outside the fixture's guard: they check the list is empty at the end. */
export async function watchPolicyViolations(target: import("@playwright/test").Page | import("@playwright/test").BrowserContext) {
  const violations: string[] = [];
  // Reported as they happen (a later navigation would lose any kept in the page). The init script
  // and the binding come from the test, so the page's own policy does not apply to them.
  await target.exposeBinding("reportPolicyViolation", (_source, violation: string) => {
    violations.push(violation);
  });
  await target.addInitScript(() => {
    addEventListener(
      "securitypolicyviolation",
      (event) => (window as any).reportPolicyViolation(`${event.effectiveDirective}: ${event.blockedURI || "inline"} (${event.sourceFile || location.pathname}:${event.lineNumber})`),
      true,
    );
  });
  return violations;
}

/** Waits until the app has started on the prerendered page (the wasm has loaded and hydrated). */
export async function appReady(page: import("@playwright/test").Page) {
  await expect(page.locator("html[data-app=ready]")).toBeAttached();
  await expect(page.locator("main h1")).toBeVisible();
}

/** Holds the wasm back until `release()` is called: the page is as it is before the app starts. */
/** Goes to `path` and waits for the app to have started. */
export async function open(page: import("@playwright/test").Page, path: string) {
  await page.goto(path);
  await appReady(page);
}

export async function holdTheApp(page: import("@playwright/test").Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Starts adding up the page's layout shifts (as CLS counts them); `layoutShift` reads the sum. */
export async function watchLayoutShift(page: import("@playwright/test").Page) {
  await page.evaluate(() => {
    (window as any).layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as any[]) (window as any).layoutShift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  return () => page.evaluate(() => (window as any).layoutShift as number);
}

/** A bookmark toggle, by the title it bookmarks, whether it is bookmarked now or not. */
export function bookmarkButton(page: import("@playwright/test").Page, title: string) {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.getByRole("button", { name: new RegExp(`^Bookmark(ed)?: ${escaped}$`) });
}

/** Opens the site on its own server (so the test can stop it) and waits until the service worker
 * controls the page, which it does once every file is precached. `close` checks that nothing broke
 * the Content-Security-Policy meanwhile (the service worker and the pages it serves work under it). */
export async function firstVisit(browser: import("@playwright/test").Browser, site: Site, root = site.root) {
  const server = await serve(root);
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = await watchPolicyViolations(context);
  const close = async () => {
    expect(violations, "nothing the Content-Security-Policy blocked").toEqual([]);
    await context.close();
  };
  const url = (path: string) => server.origin + onHost(site, path);
  await page.goto(url("/"));
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  return { server, context, page, url, close };
}

// Every page is prerendered HTML: readable, linked and styled before the wasm arrives (or with
// scripts off), and the app then takes that same page over without redrawing it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { constants, gunzipSync, gzipSync } from "node:zlib";
import { test, expect, appReady, holdTheApp, watchLayoutShift } from "./fixtures";
import { documentTitle, navPages, pageById, routedPages } from "./content";
import { onHost, siteOf } from "./sites";

const decodeEntities = (html: string) =>
  html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

test.describe("each route's HTML, as the server sends it, has its heading and links", () => {
  for (const route of [...routedPages, { ...pageById("not-found"), path: "/no-such-page" }]) {
    test(`${route.path}`, async ({ request }, testInfo) => {
      const site = siteOf(testInfo);
      const response = await request.get(onHost(site, route.path!));
      // Without the hydration markers (comments such as <!>), as a reader of the page sees it.
      const html = (await response.text()).replace(/<!(?:--[\s\S]*?--)?>/g, "");
      const headings = [...html.matchAll(/<h1[^>]*>([^<]*)<\/h1>/g)].map((m) => decodeEntities(m[1]));
      expect(headings).toEqual([route.heading]);
      expect(html).toContain(`<title>${documentTitle(route)}</title>`);
      for (const target of navPages) expect(html, `links to ${target.path}`).toContain(`href="${onHost(site, target.path!)}"`);
      expect(html, "the help link").toContain(`href="${onHost(site, pageById("help").path!)}"`);
    });
  }
});

test("with scripts off, every page reads and every main link works", async ({ browser, baseURL }, testInfo) => {
  const site = siteOf(testInfo);
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto(onHost(site, "/"));
  await expect(page.locator("h1")).toHaveText(pageById("home").heading);
  // Controls that need the app are hidden, and a calm line says why.
  await expect(page.getByText("Your browser is not running JavaScript")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Bookmark/ })).toHaveCount(0);
  await expect(page.getByRole("search")).toHaveCount(0);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const target of [...navPages.filter((p) => p.id !== "home"), pageById("home")]) {
    await nav.getByRole("link", { name: target.nav, exact: true }).click();
    await expect(page.locator("h1")).toHaveText(target.heading);
    await expect(page).toHaveTitle(documentTitle(target));
  }
  await page.getByRole("link", { name: "Need help now?" }).click();
  await expect(page.locator("h1")).toHaveText(pageById("help").heading);
  await expect(page.locator('a[href^="tel:"]').first()).toBeVisible();
  await context.close();
});

test("before the app starts, the page is styled and its controls wait, disabled", async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto("/", { waitUntil: "domcontentloaded" });
  await expect(page.locator("h1")).toHaveText(pageById("home").heading);
  // Styled: the stylesheet has applied (the header is laid out as a bar, not default blue links).
  const helpLink = page.getByRole("link", { name: "Need help now?" });
  await expect(helpLink).toBeVisible();
  expect(await helpLink.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe("none");
  const bookmark = page.getByRole("button", { name: /^Bookmark/ }).first();
  await expect(bookmark).toBeDisabled();
  await expect(page.getByText("Your browser is not running JavaScript")).toBeHidden();
  release();
  await appReady(page);
  await expect(bookmark).toBeEnabled();
});

// A first response carries about 14 KB (ten TCP segments) before the browser must answer: the
// words of every page, styles included, must come in it, even from a host that only gzips.
test("every page's main content arrives in the first 14 KB, gzipped", async ({}, testInfo) => {
  const site = siteOf(testInfo);
  for (const route of routedPages) {
    const html = readFileSync(join(site.root, onHost(site, route.path!), "index.html"));
    const firstTrip = gzipSync(html, { level: 9 }).subarray(0, 14 * 1024);
    const arrived = gunzipSync(firstTrip, { finishFlush: constants.Z_SYNC_FLUSH }).toString();
    expect(arrived, `${route.path}: the end of <main> in the first 14 KB`).toContain("</main>");
  }
});

// The pages whose parts wait for what the device holds (a list, a checklist, what is stored).
for (const id of ["home", "reflect", "organisations", "bookmarks", "plan", "your-data"]) {
  test(`${id}: the app takes over the prerendered page without redrawing it or moving anything`, async ({ browser, baseURL }, testInfo) => {
    const route = pageById(id);
    // A first visit on a phone, where a line that arrives late moves the most: the wasm comes from
    // the server, not a service worker, so it can be held.
    const context = await browser.newContext({ baseURL, viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    const release = await holdTheApp(page);
    await page.goto(onHost(siteOf(testInfo), route.path!), { waitUntil: "domcontentloaded" });
    await expect(page.locator("html")).not.toHaveAttribute("data-app", "ready");
    // Tag the server's nodes; hydration must keep them, not replace them.
    await page.evaluate(() => ((window as any).prerenderedHeading = document.querySelector("main h1")));
    const layoutShift = await watchLayoutShift(page);
    release();
    await appReady(page);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.querySelector("main h1") === (window as any).prerenderedHeading), `${route.path}: same heading node`).toBe(true);
    expect(await layoutShift(), `${route.path}: layout shift`).toBeLessThan(0.01);
    await context.close();
  });
}

test("hydrating every route logs no errors or warnings", async ({ page }) => {
  const messages: string[] = [];
  page.on("console", (message) => {
    if (["error", "warning"].includes(message.type())) messages.push(`${message.type()}: ${message.text()}`);
  });
  for (const route of routedPages) {
    await page.goto(route.path!);
    await appReady(page);
  }
  expect(messages).toEqual([]);
});

test("a saved dark theme and large text apply before the app starts", async ({ page }) => {
  // Saved on an earlier visit (set before any of the page's own scripts run).
  await page.addInitScript(() => localStorage.setItem("recovery-guide:settings", JSON.stringify({ version: 1, theme: "dark", text_size: "largest" })));
  await holdTheApp(page);
  await page.goto("/publications", { waitUntil: "domcontentloaded" });
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "largest");
  await expect(page.locator("html")).not.toHaveAttribute("data-app", "ready");
});

test("a host can send the build's brotli and gzip copies, and they are the same files", async ({ request }, testInfo) => {
  const site = siteOf(testInfo);
  const home = onHost(site, "/");
  const wasm = (await (await request.get(home)).text()).match(/module_or_path: '([^']+)'/)![1];
  for (const [path, file] of [[home, `${home}index.html`], [wasm, wasm]]) {
    for (const encoding of ["br", "gzip"]) {
      const response = await request.get(path, { headers: { "accept-encoding": encoding } });
      expect(response.headers()["content-encoding"], `${path} as ${encoding}`).toBe(encoding);
      expect((await response.body()).equals(readFileSync(join(site.root, file))), `${path} as ${encoding}`).toBe(true);
    }
  }
});

import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { brotliDecompressSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, appReady, bookmarkButton, firstVisit, watchForProblems, watchPolicyViolations } from "./fixtures";
import { GOOD_RELATIONSHIPS, HUNDRED_WAYS, routedPages } from "./content";
import { newRelease, onHost, siteOf } from "./sites";
import { expectNoAxeViolations } from "./axe";

async function headingOf(page: Page) {
  await appReady(page);
  return page.locator("main h1").textContent();
}

test("after the first visit every route works offline: reload, deep link and navigation", async ({ browser }, testInfo) => {
  const site = siteOf(testInfo);
  const { server, page, url, close } = await firstVisit(browser, site);
  // Something of the person's own, to check going offline leaves it alone.
  await page.goto(url("/publications"));
  await bookmarkButton(page, HUNDRED_WAYS).click();
  await server.stop();

  await page.reload();
  expect(await headingOf(page)).toBe("Publications");
  await expect(bookmarkButton(page, HUNDRED_WAYS)).toHaveAttribute("aria-pressed", "true");
  for (const route of routedPages) {
    await page.goto(url(route.path!));
    expect(await headingOf(page), `${route.path} offline`).toBe(route.heading);
  }
  await page.goto(url("/organisations#recovery-devon"));
  await expect(page.locator("#recovery-devon h2")).toBeInViewport();
  await page.goto(url("/no-such-page"));
  expect(await headingOf(page)).toBe("We can't find that page");
  // In-app navigation.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Research" }).click();
  await expect(page.locator("h1")).toHaveText("Research and Practice");
  await close();
});

test("offline, the app says so and marks links that need a connection", async ({ browser }, testInfo) => {
  const site = siteOf(testInfo);
  const { server, context, page, url, close } = await firstVisit(browser, site);
  await server.stop();
  await context.setOffline(true);
  await page.goto(url("/organisations"));
  await appReady(page);
  await expect(page.getByText("You are offline. Everything in this guide still works")).toBeVisible();
  await expect(page.locator("a.external").first()).toContainText("needs a connection");
  await context.setOffline(false);
  await expect(page.getByText("You are offline.")).toBeHidden();
  await close();
});

test.describe(() => {
  // Making the new release is not part of the journey: it is made before the test (once per build).
  test.beforeAll(async ({}, testInfo) => {
    testInfo.setTimeout(120_000);
    newRelease(siteOf(testInfo));
  });

  test("a new version waits for the person, then 'Reload to update' shows it", async ({ browser }, testInfo) => {
    const site = siteOf(testInfo);
    // A copy of the build; once the app is on this device, a new release replaces its files.
    const root = mkdtempSync(join(tmpdir(), "guide-"));
    cpSync(site.root, root, { recursive: true });
    const { server, page, url, close } = await firstVisit(browser, site, root);
    cpSync(newRelease(site), root, { recursive: true });
    // Each route is its own prerendered page: the one visited below is the one that changed. Its
    // compressed copies are the new page too (a host may serve those instead).
    const reflectPage = join(root, site.base, "reflect", "index.html");
    expect(brotliDecompressSync(readFileSync(`${reflectPage}.br`)).toString()).toContain('name="guide-release"');

    await page.goto(url("/reflect"));
    // Every page load from here on: none may happen until the person chooses "Reload to update".
    const loads: string[] = [];
    page.on("domcontentloaded", () => loads.push(page.url()));
    const banner = page.getByText("A new version of the guide is ready.");
    await expect(banner).toBeVisible();
    // The banner only: /reflect itself is checked in accessibility.spec.ts (and takes seconds).
    await expectNoAxeViolations(page, "the update banner", ".app-banners");
    // Nothing reloads by itself, and what is typed meanwhile is kept through the update.
    const item = page.getByRole("group", { name: GOOD_RELATIONSHIPS });
    await item.getByText("Private note").click();
    await item.getByRole("textbox").fill("typed while the update waited");
    // Writing that is not saved yet: reloading asks first, and says what would be lost.
    await page.getByLabel("Something that matters to you").fill("half-typed item");
    await page.getByRole("button", { name: "Reload to update" }).click();
    await expect(page.getByText(/^Not saved yet: the item you are adding to your checklist\./)).toBeFocused();
    await page.getByRole("button", { name: "No, keep it" }).click();
    await expect(page.getByLabel("Something that matters to you")).toHaveValue("half-typed item");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByRole("group", { name: "half-typed item" })).toBeVisible();
    expect(loads, "nothing reloaded the page by itself").toEqual([]);
    await expect(page.locator('meta[name="guide-release"]')).toHaveCount(0);
    await page.getByRole("button", { name: "Reload to update" }).click();
    await expect(page.locator('meta[name="guide-release"]')).toHaveCount(1);
    expect(loads, "one reload, the one asked for").toHaveLength(1);
    await appReady(page);
    await expect(page.getByText("A new version of the guide is ready.")).toBeHidden();
    await expect(page.getByRole("group", { name: GOOD_RELATIONSHIPS }).getByRole("textbox")).toHaveValue("typed while the update waited");
    await expect(page.getByRole("group", { name: "half-typed item" })).toBeVisible();
    await server.stop();
    await close();
  });
});

test("every route answers a direct request with 200, and the rest with 404", async ({ request, baseURL }, testInfo) => {
  const site = siteOf(testInfo);
  for (const route of routedPages) {
    const response = await request.get(baseURL + onHost(site, route.path!));
    expect(response.status(), route.path).toBe(200);
  }
  expect((await request.get(baseURL + onHost(site, "/no-such-page"))).status()).toBe(404);
});

test("the manifest and icons make the app installable", async ({ playwright, baseURL }, testInfo) => {
  const site = siteOf(testInfo);
  // Chromium never offers to install from a private window, and Playwright's contexts are private:
  // use a real (temporary) profile.
  const context = await playwright.chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "profile-")), {
    ...testInfo.project.use.launchOptions,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // The fixture's guard, for this page of a context of its own: a missing icon fails the test.
  const problems = watchForProblems(page, { origin: new URL(baseURL!).origin, site });
  // The manifest and icons load under the pages' Content-Security-Policy.
  const violations = await watchPolicyViolations(context);
  await page.goto(baseURL + site.base);
  await appReady(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe(`${site.base}manifest.webmanifest`);
  const manifest = await (await page.request.get(baseURL + href!)).json();
  expect(manifest).toMatchObject({ name: "Recovery Guide", short_name: "Recovery", start_url: site.base, scope: site.base, display: "standalone" });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  const sizes: Record<string, string> = {};
  for (const icon of manifest.icons) {
    const response = await page.request.get(baseURL + icon.src);
    expect(response.status(), icon.src).toBe(200);
    if (icon.type === "image/png") {
      const png = await response.body();
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
      sizes[icon.purpose ?? "any"] = [sizes[icon.purpose ?? "any"], icon.sizes].filter(Boolean).join(" ");
    }
  }
  expect(sizes.any).toBe("192x192 512x512");
  expect(sizes.maskable).toBe("512x512");
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  expect(installabilityErrors).toEqual([]);
  expect(problems(), "no console errors and no third-party requests").toEqual([]);
  expect(violations, "nothing the Content-Security-Policy blocked").toEqual([]);
  await context.close();
});

test("a long press on the installed app's icon offers help first, then the plan, each opening its page", async ({ page, baseURL }, testInfo) => {
  const site = siteOf(testInfo);
  await page.goto(baseURL + site.base);
  await appReady(page);
  const manifest = await (await page.request.get(`${baseURL}${site.base}manifest.webmanifest`)).json();
  expect(manifest.id).toBe(site.base);
  expect(manifest.shortcuts.map((s: { name: string; url: string }) => [s.name, s.url])).toEqual([
    ["Get help now", `${site.base}help`],
    ["My plan", `${site.base}plan`],
  ]);
  for (const shortcut of manifest.shortcuts) {
    const [icon] = shortcut.icons;
    const png = await (await page.request.get(baseURL + icon.src)).body();
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
  }
  // Chromium reads the manifest as the app's, shortcuts and all, without a complaint.
  const cdp = await page.context().newCDPSession(page);
  const { errors } = await cdp.send("Page.getAppManifest");
  expect(errors).toEqual([]);
  await page.goto(baseURL + manifest.shortcuts[0].url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Get help now");
  await page.goto(baseURL + manifest.shortcuts[1].url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your plan for hard days");
});

// Offline use and updates, which rest on the service worker: every route reloads with the server
// stopped, and a new version waits for "Reload to update". Each test serves the build on its own
// server (on this worker's port), so it can stop it.
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, SUB_PATH } from "./fixtures";
import { by, type Guide } from "./guide";
import { GOOD_RELATIONSHIPS, HUNDRED_WAYS, pageById, routedPages } from "../browser/content";
import { newRelease, serve } from "../browser/sites";

/** Opens the site on its own server and waits until the service worker controls the page, which
 * it does once every file is precached. */
async function firstVisit(guide: Guide, port: number, root = guide.site.root) {
  const server = await serve(root, port);
  guide.origin = server.origin;
  await guide.open("/");
  await expect
    .poll(() => guide.driver.executeScript("return navigator.serviceWorker.controller !== null"), { message: "the service worker controls the page", timeout: 30_000 })
    .toBe(true);
  return server;
}

test("after the first visit every route works offline: reload, address and link", SUB_PATH, async ({ guide, ports }) => {
  const server = await firstVisit(guide, ports.server);
  // Something of the person's own, to check going offline leaves it alone.
  await guide.open("/publications");
  await guide.click(by.bookmark(HUNDRED_WAYS));
  await expect.poll(() => guide.attribute(by.bookmark(HUNDRED_WAYS), "aria-pressed")).toBe("true");
  await server.stop();

  await guide.reload();
  expect(await guide.heading()).toBe("Publications");
  expect(await guide.attribute(by.bookmark(HUNDRED_WAYS), "aria-pressed")).toBe("true");
  for (const route of routedPages) {
    await guide.open(route.path!);
    expect(await guide.heading(), `${route.path} offline`).toBe(route.heading);
    await guide.reload();
    expect(await guide.heading(), `${route.path} reloaded offline`).toBe(route.heading);
  }
  await guide.open("/no-such-page");
  expect(await guide.heading()).toBe(pageById("not-found").heading);
  await guide.click(by.navLink("Research"));
  await expect.poll(() => guide.heading()).toBe(pageById("research").heading);
});

test("a new version waits for the person, then 'Reload to update' brings it, keeping what was typed", SUB_PATH, async ({ guide, ports }) => {
  // Two service worker installs, each precaching the whole build.
  test.slow();
  // A copy of the build; once the app is on this device, a new release replaces its files (made
  // once per build, and usually already made by the Chromium suite).
  const release = newRelease(guide.site);
  const root = mkdtempSync(join(tmpdir(), "guide-"));
  cpSync(guide.site.root, root, { recursive: true });
  const server = await firstVisit(guide, ports.server, root);
  cpSync(release, root, { recursive: true });
  const newVersion = () => guide.count(by.css('meta[name="guide-release"]'));

  await guide.open("/reflect");
  await expect.poll(() => guide.text(by.css(".app-banners")), { timeout: 30_000 }).toContain("A new version of the guide is ready.");
  // Nothing reloads by itself, and what is typed meanwhile is kept through the update.
  await guide.click(by.noteToggle(GOOD_RELATIONSHIPS));
  await guide.fill(by.note(GOOD_RELATIONSHIPS), "typed while the update waited");
  await guide.click(by.checkbox(GOOD_RELATIONSHIPS, "True for me now"));
  expect(await newVersion()).toBe(0);
  await guide.click(by.button("Reload to update"));
  await expect.poll(newVersion, "the new version is shown").toBe(1);
  await guide.ready();
  expect(await guide.text(by.css(".app-banners"))).not.toContain("A new version");
  expect(await guide.value(by.note(GOOD_RELATIONSHIPS))).toBe("typed while the update waited");
  await server.stop();
});

// When the app's files cannot load (a deploy replaced them after the page arrived, or the
// connection dropped), the page reloads once by itself, and if that does not help it says so
// calmly and offers Reload. It never does either when the files are only slow.
// Each test serves its own copy of the release build, so files can go missing, and opens it in a
// browser context of its own (the fixture's guard knows only the main server).
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, type Browser, type Page } from "@playwright/test";
import { appReady, watchPolicyViolations } from "./fixtures";
import { expectNoAxeViolations } from "./axe";
import { serve } from "./sites";

const PROBLEM = "The guide could not finish loading";

/** A copy of the release build on its own server, a page for it, and the names of the app's two files. */
async function copyOfTheBuild(browser: Browser) {
  const root = mkdtempSync(join(tmpdir(), "guide-"));
  cpSync("dist", root, { recursive: true });
  const home = readFileSync(join(root, "index.html"), "utf8");
  const glue = home.match(/import\('\/([^']+\.js)'\)/)![1];
  const wasm = home.match(/module_or_path: '\/([^']+\.wasm)'/)![1];
  const server = await serve(root);
  const context = await browser.newContext();
  const page = await context.newPage();
  // The message and the reload are made by the loader, an inline script: the policy must let it.
  const violations = await watchPolicyViolations(context);
  const close = async () => {
    expect(violations, "nothing the Content-Security-Policy blocked").toEqual([]);
    await context.close();
    await server.stop();
  };
  return { root, glue, wasm, page, close, url: (path: string) => server.origin + path };
}

/** Deletes a file of the build, with its compressed copies. */
function remove(root: string, file: string) {
  for (const copy of [file, `${file}.gz`, `${file}.br`]) rmSync(join(root, copy), { force: true });
}

/** Counts how many times the page itself is loaded (the first visit and any reload). */
function countPageLoads(page: Page) {
  let loads = 0;
  page.on("domcontentloaded", () => (loads += 1));
  return () => loads;
}

/** The message about a failed start: an alert, in the page's status region. */
const problemMessage = (page: Page) => page.locator(".app-banners[role=status]").getByRole("alert").filter({ hasText: PROBLEM });

for (const missing of ["glue", "wasm"] as const) {
  test(`when the app's ${missing === "glue" ? "script" : "wasm"} is missing, the page reloads once, then says so and offers Reload`, async ({ browser }) => {
    const build = await copyOfTheBuild(browser);
    const page = build.page;
    const file = build[missing];
    remove(build.root, file);
    const loads = countPageLoads(page);
    await page.goto(build.url("/publications"));

    const message = problemMessage(page);
    await expect(message).toContainText(`${PROBLEM}, so its buttons do not work right now.`);
    await expect(message).toContainText("Your saved bookmarks and reflections are safe.");
    expect(loads(), "one automatic reload").toBe(2);
    await page.waitForTimeout(1000);
    expect(loads(), "and no more").toBe(2);
    // The page still reads as it is, and the message meets the same accessibility rules.
    await expect(page.locator("main h1")).toHaveText("Publications");
    await expectNoAxeViolations(page, "the message about a failed start");

    // The files are back (the deploy has finished): Reload, reached from the keyboard, starts the app.
    cpSync(join("dist", file), join(build.root, file));
    const reload = message.getByRole("button", { name: "Reload" });
    for (let stop = 0; stop < 30 && !(await reload.evaluate((button) => button === document.activeElement)); stop++) {
      await page.keyboard.press("Tab");
    }
    await expect(reload).toBeFocused();
    await page.keyboard.press("Enter");
    await appReady(page);
    expect(loads()).toBe(3);
    await expect(page.getByText(PROBLEM)).toHaveCount(0);
    await build.close();
  });
}

test("a visit during a deploy reloads once by itself and starts the new version", async ({ browser }) => {
  const build = await copyOfTheBuild(browser);
  const page = build.page;
  // The new version, made beforehand: every page names a new script (and its policy hashes the
  // changed loader, as the new build's would).
  // Trunk's hash is hex without leading zeros: sometimes fewer than 16 digits.
  const newGlue = build.glue.replace(/-[0-9a-f]{1,16}\.js$/, "-0123456789abcdef.js");
  const newVersion = mkdtempSync(join(tmpdir(), "guide-next-"));
  cpSync(build.root, newVersion, { recursive: true });
  renameSync(join(newVersion, build.glue), join(newVersion, newGlue));
  remove(newVersion, build.glue);
  for (const file of readdirSync(newVersion, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"))) {
    const path = join(newVersion, file);
    writeFileSync(path, readFileSync(path, "utf8").replaceAll(build.glue, newGlue));
  }
  execFileSync("node", ["scripts/post-build.mjs", newVersion, "/", "--finish-only"]);
  // The deploy lands between the page and its script: the old script is gone.
  await page.route(
    `**/${build.glue}`,
    async (route) => {
      rmSync(build.root, { recursive: true });
      cpSync(newVersion, build.root, { recursive: true });
      await route.continue();
    },
    { times: 1 },
  );
  const loads = countPageLoads(page);
  const scripts: string[] = [];
  page.on("response", (response) => scripts.push(`${response.status()} ${new URL(response.url()).pathname}`));
  await page.goto(build.url("/reflect"));
  await appReady(page);
  expect(loads(), "one automatic reload").toBe(2);
  expect(scripts).toContain(`404 /${build.glue}`);
  expect(scripts).toContain(`200 /${newGlue}`);
  await expect(page.getByText(PROBLEM)).toHaveCount(0);
  await build.close();
});

test("when the tab cannot remember that it reloaded, it does not reload: it says so at once", async ({ browser }) => {
  const build = await copyOfTheBuild(browser);
  const page = build.page;
  remove(build.root, build.glue);
  // As in a browser that blocks all site storage.
  await page.addInitScript(() => {
    Object.defineProperty(window, "sessionStorage", {
      get() {
        throw new DOMException("Access is denied for this document.", "SecurityError");
      },
    });
  });
  const loads = countPageLoads(page);
  await page.goto(build.url("/"));
  await expect(problemMessage(page)).toBeVisible();
  await page.waitForTimeout(1000);
  expect(loads(), "no automatic reload").toBe(1);
  await build.close();
});

test("when the connection has dropped, the readable page stays: no reload into the browser's error page", async ({ browser }) => {
  const build = await copyOfTheBuild(browser);
  const page = build.page;
  let pageChecks = 0;
  // The page arrives, then the connection goes: the script and any later request for the page fail.
  await page.route(/\/help\/?$/, (route) => {
    if (route.request().resourceType() === "document") return route.continue();
    pageChecks += 1;
    return route.abort("internetdisconnected");
  });
  await page.route(`**/${build.glue}`, (route) => route.abort("internetdisconnected"));
  const loads = countPageLoads(page);
  await page.goto(build.url("/help"));
  await expect(problemMessage(page)).toBeVisible();
  await expect(page.locator("main h1")).toHaveText("Get help now");
  await page.waitForTimeout(1000);
  expect(loads(), "no automatic reload").toBe(1);
  expect(pageChecks, "the page was checked before reloading").toBe(1);
  await build.close();
});

test("slow files never bring the message or a reload: the app starts when they arrive", async ({ browser }) => {
  const build = await copyOfTheBuild(browser);
  const page = build.page;
  await page.route(`**/${build.glue}`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 5000));
    await route.continue();
  });
  await page.route(`**/${build.wasm}`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await route.continue();
  });
  const loads = countPageLoads(page);
  await page.goto(build.url("/bookmarks"));
  await page.waitForTimeout(6000);
  await expect(page.getByText(PROBLEM)).toHaveCount(0);
  await expect(page.locator("html[data-app=ready]")).toBeAttached({ timeout: 20_000 });
  await expect(page.getByText(PROBLEM)).toHaveCount(0);
  expect(loads()).toBe(1);
  await build.close();
});

test("a page the service worker keeps still starts after a deploy removed its files from the server", async ({ browser }) => {
  const build = await copyOfTheBuild(browser);
  const page = build.page;
  await page.goto(build.url("/organisations"));
  await appReady(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  remove(build.root, build.glue);
  remove(build.root, build.wasm);
  const loads = countPageLoads(page);
  await page.reload();
  await appReady(page);
  expect(loads()).toBe(1);
  await expect(page.getByText(PROBLEM)).toHaveCount(0);
  await build.close();
});

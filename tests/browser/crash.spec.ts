// A crash (a Rust panic) says so in the page, keeps what was saved, and writes nothing more.
// The crash comes from a test-only build (`--features test-panic`, which scripts/test.sh builds into
// target/site-panic): the app panics when the page sends it `recovery-guide:panic-for-test`, or
// while it starts when the address has `?panic-for-test`. The release build has no such thing.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test as unguarded, type Page } from "@playwright/test";
import { test, expect, appReady, bookmarkButton, watchPolicyViolations } from "./fixtures";
import { expectNoAxeViolations } from "./axe";
import { serve } from "./sites";
import { HUNDRED_WAYS, PACE } from "./content";

const CRASH_BUILD = "target/site-panic";
const MESSAGE = "Something went wrong. What you saved is safe. Reload the page.";
const crash = (page: Page) => page.evaluate(() => dispatchEvent(new Event("recovery-guide:panic-for-test")));

/** Everything this site keeps in the browser's storage. */
const stored = (page: Page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

/** A bookmark button, by its title. Its tap target is never under the message at the top, so it is used as a person would. */
async function pressByKeyboard(page: Page, title: string) {
  await bookmarkButton(page, title).focus();
  await page.keyboard.press("Enter");
}

test.beforeAll(() => {
  expect(existsSync(join(CRASH_BUILD, "index.html")), "the crash-test build (scripts/test.sh builds it)").toBe(true);
});

const wasmOf = (dir: string) => readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith(".wasm"))!));

// Without the fixture's guard: the panic's text in the console is expected (and checked).
unguarded("a crash says so, keeps what was saved and writes nothing more; Reload brings the app back", async ({ page }) => {
  const server = await serve(CRASH_BUILD);
  // The message is made by the app after the panic: the page's policy must let it show.
  const violations = await watchPolicyViolations(page);
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(`${server.origin}/publications`);
  await appReady(page);
  await pressByKeyboard(page, HUNDRED_WAYS);
  await expect(bookmarkButton(page, HUNDRED_WAYS)).toHaveAttribute("aria-pressed", "true");
  const saved = await stored(page);
  expect(saved).toContain("100-ways");

  await crash(page);
  const message = page.getByRole("alert");
  await expect(message).toContainText(MESSAGE);
  await expect(message, "focus moves to the message").toBeFocused();
  await page.keyboard.press("Tab");
  await expect(message.getByRole("button", { name: "Reload" }), "Reload is the next stop").toBeFocused();
  const box = (await message.boundingBox())!;
  expect(box.y, "at the top of the screen").toBe(0);
  await page.mouse.wheel(0, 2000);
  await expect(message).toBeInViewport();
  expect(errors.join("\n"), "the panic's text stays in the console").toContain("panic-for-test: a crash the browser test asked for");
  await expectNoAxeViolations(page, "the crash message");

  // The app still reacts to a press, but nothing reaches storage any more.
  await pressByKeyboard(page, PACE);
  await page.getByRole("radio", { name: "Largest" }).check();
  await page.waitForTimeout(500);
  expect(await stored(page), "storage unchanged after the crash").toBe(saved);

  await message.getByRole("button", { name: "Reload" }).click();
  await appReady(page);
  await expect(page.getByText(MESSAGE)).toHaveCount(0);
  await expect(bookmarkButton(page, HUNDRED_WAYS)).toHaveAttribute("aria-pressed", "true");
  // Writing works again in the new page.
  await pressByKeyboard(page, PACE);
  await expect.poll(() => stored(page)).not.toBe(saved);
  expect(violations, "nothing the Content-Security-Policy blocked").toEqual([]);
  await server.stop();
});

unguarded("a crash while the app starts says so once, and the page is not reloaded", async ({ page }) => {
  const server = await serve(CRASH_BUILD);
  const violations = await watchPolicyViolations(page);
  let loads = 0;
  page.on("domcontentloaded", () => (loads += 1));
  await page.goto(`${server.origin}/help?panic-for-test`);
  await expect(page.getByRole("alert")).toContainText(MESSAGE);
  await page.waitForTimeout(1000);
  expect(loads, "the loader leaves a crash to the app's own message").toBe(1);
  await expect(page.getByText("The guide could not finish loading")).toHaveCount(0);
  await expect(page.locator("main h1")).toHaveText("Get help now");
  expect(violations, "nothing the Content-Security-Policy blocked").toEqual([]);
  await server.stop();
});

test("the release build has no way to cause the test crash", async ({ page }) => {
  // The event's name is in the crash-test wasm and nowhere in the release wasm.
  const marker = Buffer.from("recovery-guide:panic-for-test");
  expect(wasmOf(CRASH_BUILD).includes(marker), "the crash-test build answers the event").toBe(true);
  expect(wasmOf("dist").includes(marker), "the release build does not").toBe(false);
  // And asking for it does nothing: no message, and saving still works.
  await page.goto("/publications?panic-for-test");
  await appReady(page);
  await crash(page);
  await page.waitForTimeout(500);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await pressByKeyboard(page, HUNDRED_WAYS);
  await expect.poll(() => stored(page)).toContain("100-ways");
});

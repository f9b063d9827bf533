// The passphrase lock: with it on, nothing personal is readable in storage; locked, the personal
// pages ask for the passphrase while the guide works; unlocking once per tab; auto-lock; another
// tab's changes read with this tab's key; sealed export and import; changing the passphrase and
// turning the lock off; bad input (short, wrong, very long passphrases, damaged ciphertext).
import { test, expect, appReady, open, bookmarkButton as bookmark } from "./fixtures";
import type { Page } from "@playwright/test";
import { readFileSync } from "node:fs";

const PASSPHRASE = "blue kettle on the hill";
const NOTE = "ask my nurse about sleep";
const RESOURCE = "Recovery and mental health: a peer support guide";

const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ }).last();
const allStored = (page: Page) => page.evaluate(() => Object.entries(localStorage).map(([k, v]) => `${k}=${v}`).join("\n"));

/** A bookmark with a note, and a ticked checklist item with a note. */
async function somethingPrivate(page: Page) {
  await open(page, "/publications");
  const first = page.locator(".bookmark-toggle").first();
  await first.click();
  await open(page, "/bookmarks");
  await page.getByLabel("Your private note").first().fill(NOTE);
  await page.getByLabel("Your private note").first().blur();
}

/** Goes to a page by the main navigation: the same tab, so the key it holds is kept. */
async function navigate(page: Page, name: RegExp) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

async function turnOn(page: Page, passphrase = PASSPHRASE) {
  await open(page, "/your-data");
  await page.getByLabel("Choose a passphrase").fill(passphrase);
  await page.getByLabel("Type it again").fill(passphrase);
  await page.getByRole("button", { name: "Turn on the lock" }).click();
  await expect(page.getByText("The lock is on.").first()).toBeVisible({ timeout: 15_000 });
}

async function unlock(page: Page, passphrase = PASSPHRASE) {
  await page.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  await page.getByRole("button", { name: "Unlock" }).click();
}

test("with the lock on, nothing personal is readable in storage, and locked pages ask for the passphrase", async ({ page }) => {
  await somethingPrivate(page);
  const bookmarkedId = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem("recovery-guide:bookmarks")!).bookmarks)[0]);
  expect(await allStored(page)).toContain(NOTE);
  await turnOn(page);
  let everything = await allStored(page);
  expect(everything).not.toContain(NOTE);
  expect(everything).not.toContain(bookmarkedId);
  expect(everything).toContain("PBKDF2-SHA-256");
  expect(everything).toMatch(/"iterations":600000/);

  // Still open in this tab: the note is there, and a new one is written sealed.
  await navigate(page, /^Bookmarks/);
  await expect(page.getByLabel("Your private note").first()).toHaveValue(NOTE);
  await page.getByLabel("Your private note").first().fill(`${NOTE}, written later`);
  await page.getByLabel("Your private note").first().blur();
  await expect.poll(() => allStored(page)).not.toContain("written later");

  await page.getByRole("button", { name: "Lock", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Locked" })).toBeVisible();
  await expect(page.getByLabel("Your private note")).toHaveCount(0);
  everything = await allStored(page);
  expect(everything).not.toContain(NOTE);
  expect(everything).not.toContain(bookmarkedId);

  // The guide, search of it, and urgent help work; the person's notes are not searched.
  await open(page, "/search?q=sleep");
  await expect(page.locator("main")).not.toContainText(NOTE);
  await open(page, "/help");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (const path of ["/bookmarks", "/reflect", "/your-data"]) {
    await open(page, path);
    await expect(page.getByRole("heading", { name: "Locked" })).toBeVisible();
  }
  // A bookmark button cannot change locked data: it says why, and storage is as it was.
  const lockedStorage = await allStored(page);
  await open(page, "/publications");
  await page.locator(".bookmark-toggle").first().click();
  await expect(status(page)).toContainText("Your saved data is locked");
  expect(await allStored(page)).toBe(lockedStorage);
  await open(page, "/your-data");

  // Unlocking once opens every page of this tab.
  await unlock(page);
  await expect(page.getByRole("heading", { name: "Download a copy" })).toBeVisible({ timeout: 15_000 });
  await navigate(page, /^Reflect/);
  await expect(page.getByRole("heading", { name: "Locked" })).toHaveCount(0);
  // A new page load has no key (it is kept in the page's memory only): it asks again.
  await open(page, "/bookmarks");
  await unlock(page);
  await expect(page.getByLabel("Your private note").first()).toHaveValue(`${NOTE}, written later`, { timeout: 15_000 });
});

test("a wrong passphrase says so, changes nothing, and a few in a row make the next try wait", async ({ page }) => {
  await somethingPrivate(page);
  await turnOn(page);
  await open(page, "/bookmarks");
  const before = await allStored(page);
  for (let i = 0; i < 3; i++) {
    await unlock(page, "not the passphrase");
    await expect(page.getByRole("alert")).toContainText("That passphrase does not open your data", { timeout: 15_000 });
  }
  await expect(page.getByRole("alert")).toContainText("You can try again in 2 seconds");
  await unlock(page);
  await expect(page.getByRole("alert")).toContainText("Please wait");
  expect(await allStored(page)).toBe(before);
  await page.waitForTimeout(2_100);
  await unlock(page);
  await expect(page.getByLabel("Your private note").first()).toHaveValue(NOTE, { timeout: 15_000 });
});

test("set-up warns before anything is encrypted, refuses a short passphrase, and takes a very long one", async ({ page }) => {
  await open(page, "/your-data");
  await expect(page.getByText("If you forget your passphrase, your data cannot be recovered.")).toBeVisible();
  await page.getByLabel("Choose a passphrase").fill("short");
  await page.getByLabel("Type it again").fill("short");
  await page.getByRole("button", { name: "Turn on the lock" }).click();
  await expect(page.getByRole("alert")).toContainText("at least 12 characters");
  expect(await page.evaluate(() => localStorage.getItem("recovery-guide:lock"))).toBeNull();
  await page.getByLabel("Choose a passphrase").fill("long enough now");
  await page.getByLabel("Type it again").fill("long enough noW");
  await page.getByRole("button", { name: "Turn on the lock" }).click();
  await expect(page.getByRole("alert")).toContainText("not the same");

  const pasted = Array.from({ length: 10_000 }, (_, i) => "abcdefghijklmnopqrstuvwxyz"[(i * 7) % 26]).join("");
  await turnOn(page, pasted);
  await page.reload();
  await appReady(page);
  await unlock(page, pasted);
  await expect(page.getByRole("heading", { name: "Download a copy" })).toBeVisible({ timeout: 15_000 });
});

test("another tab's change is read with this tab's key", async ({ page, context }) => {
  await somethingPrivate(page);
  await turnOn(page);
  const other = await context.newPage();
  await other.goto(page.url().replace("/your-data", "/bookmarks"));
  await appReady(other);
  await unlock(other);
  await expect(other.getByLabel("Your private note").first()).toHaveValue(NOTE, { timeout: 15_000 });
  await navigate(page, /^Bookmarks/);
  await page.getByLabel("Your private note").first().fill("changed in the first tab");
  await page.getByLabel("Your private note").first().blur();
  await expect(other.getByLabel("Your private note").first()).toHaveValue("changed in the first tab");
  expect(await allStored(page)).not.toContain("changed in the first tab");
});

test("it locks by itself after the chosen idle time", async ({ page }) => {
  await page.clock.install();
  await somethingPrivate(page);
  await turnOn(page);
  await page.getByLabel("Lock by itself when the app is not used").selectOption("5");
  await open(page, "/bookmarks");
  await unlock(page);
  await expect(page.getByLabel("Your private note").first()).toHaveValue(NOTE, { timeout: 15_000 });
  await page.clock.runFor(4 * 60_000);
  await expect(page.getByLabel("Your private note").first()).toBeVisible();
  await page.clock.runFor(2 * 60_000);
  await expect(page.getByRole("heading", { name: "Locked" })).toBeVisible();
});

test("a locked export needs its passphrase to come back; a wrong one changes nothing", async ({ page }, testInfo) => {
  await somethingPrivate(page);
  await turnOn(page);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download my data" }).click();
  const file = testInfo.outputPath("locked.json");
  await (await download).saveAs(file);
  const text = readFileSync(file, "utf8");
  expect(text).not.toContain(NOTE);
  expect(text).toContain('"app":"recovery-guide"');

  // On a device without the lock, the file still needs its passphrase.
  await page.evaluate(() => localStorage.clear());
  await open(page, "/your-data");
  await page.getByLabel("File to bring back").setInputFiles(file);
  await page.getByLabel("The file’s passphrase").fill("wrong passphrase");
  await page.getByRole("button", { name: "Open the file" }).click();
  await expect(page.getByText("That passphrase does not open this file. Nothing was changed.")).toBeVisible({ timeout: 15_000 });
  await page.getByLabel("The file’s passphrase").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Open the file" }).click();
  await expect(page.getByText("It has 1 bookmark")).toBeVisible({ timeout: 15_000 });
  await page.getByRole("button", { name: "Combine" }).click();
  await open(page, "/bookmarks");
  await expect(page.getByLabel("Your private note").first()).toHaveValue(NOTE);
});

test("changing the passphrase, then turning the lock off, stores everything plain again", async ({ page }) => {
  await somethingPrivate(page);
  await turnOn(page);
  await page.getByText("Change the passphrase").first().click();
  await page.getByLabel("Your passphrase now").fill(PASSPHRASE);
  await page.getByLabel("New passphrase").fill("green door by the sea");
  await page.getByLabel("Type the new one again").fill("green door by the sea");
  await page.getByRole("button", { name: "Change the passphrase" }).click();
  await expect(status(page)).toContainText("Your passphrase has been changed", { timeout: 15_000 });
  await page.reload();
  await appReady(page);
  await unlock(page);
  await expect(page.getByRole("alert")).toContainText("does not open", { timeout: 15_000 });
  await unlock(page, "green door by the sea");
  await page.getByText("Turn the lock off").first().click();
  await page.getByLabel("Your passphrase", { exact: true }).fill("green door by the sea");
  await page.getByRole("button", { name: "Turn the lock off" }).click();
  await expect(status(page)).toContainText("The lock is off", { timeout: 15_000 });
  const everything = await allStored(page);
  expect(everything).toContain(NOTE);
  expect(everything).not.toContain("recovery-guide:lock=");
  await page.reload();
  await appReady(page);
  await open(page, "/bookmarks");
  await expect(page.getByLabel("Your private note").first()).toHaveValue(NOTE);
});

test("damaged locked data is kept aside, still encrypted, and explained", async ({ page }) => {
  await somethingPrivate(page);
  await turnOn(page);
  await page.evaluate(() => {
    const stored = JSON.parse(localStorage.getItem("recovery-guide:bookmarks")!);
    const bytes = stored.sealed.ciphertext;
    stored.sealed.ciphertext = (bytes[0] === "A" ? "B" : "A") + bytes.slice(1);
    localStorage.setItem("recovery-guide:bookmarks", JSON.stringify(stored));
  });
  await page.reload();
  await appReady(page);
  await unlock(page);
  await expect(page.getByRole("region", { name: "About your saved data" })).toContainText("the stored text is damaged", { timeout: 15_000 });
  const backup = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith("recovery-guide:backup:bookmarks"))?.[1]);
  expect(backup).toContain('"sealed"');
  expect(await allStored(page)).not.toContain(NOTE);
});

test("forgotten passphrase: delete everything and start again", async ({ page }) => {
  await somethingPrivate(page);
  await turnOn(page);
  await page.reload();
  await appReady(page);
  await page.getByText("Forgotten your passphrase?").click();
  await page.getByRole("button", { name: "Delete everything and start again" }).click();
  await page.getByRole("button", { name: "Yes, delete everything" }).click();
  await expect(status(page)).toContainText("the lock is off");
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("recovery-guide:")))).toEqual([]);
  await expect(page.getByLabel("Choose a passphrase")).toBeVisible();
  await open(page, "/publications");
  await expect(bookmark(page, RESOURCE).or(page.locator(".bookmark-toggle").first())).toBeVisible();
});

test.describe(() => {
  test.use({ outsideAllowed: ["https://www.bbc.co.uk/"] });

  test("a quick exit locks and drops the key before it leaves", async ({ page }) => {
    await somethingPrivate(page);
    await turnOn(page);
    await navigate(page, /^Bookmarks/);
    await expect(page.getByLabel("Your private note").first()).toHaveValue(NOTE);
    // The neutral site is held back; the page reports what it holds once it has gone blank
    // (Playwright's own calls into the page wait for the held navigation).
    let arrive = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    await page.route("https://www.bbc.co.uk/**", async (route) => {
      await arrived;
      await route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Weather</title><h1>Weather</h1>" });
    });
    const seen: unknown[] = [];
    await page.exposeBinding("reportLeaving", (_source, state) => seen.push(state));
    await page.evaluate(() => {
      new MutationObserver(() => {
        if (!document.body.hidden) return;
        (window as any).reportLeaving({ note: document.querySelector("textarea.note") !== null, locked: document.getElementById("locked-heading") !== null });
      }).observe(document, { attributes: true, childList: true, subtree: true });
    });
    for (let press = 0; press < 3; press++) await page.keyboard.press("Shift");
    await expect.poll(() => seen.at(-1)).toEqual({ note: false, locked: true });
    arrive();
    await expect(page).toHaveTitle("Weather");
  });
});

test("the plan is sealed too; locked, /plan keeps its emergency numbers and /help does not say what is in it", async ({ page }) => {
  await open(page, "/plan");
  const firstStep = page.getByRole("region", { name: /^1\. / });
  await firstStep.locator(".plan-add input[type=text]").fill("I stop answering messages");
  await firstStep.getByRole("button", { name: /^Add to/ }).click();
  await expect(status(page)).toContainText("Added “I stop answering messages” to your plan.");
  await turnOn(page);
  expect(await allStored(page)).not.toContain("I stop answering messages");
  await page.getByRole("button", { name: "Lock", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Locked" })).toBeVisible();
  await open(page, "/plan");
  await expect(page.getByRole("heading", { name: "Locked" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Call 999/ }).first()).toBeVisible();
  await expect(page.locator("main")).not.toContainText("I stop answering messages");
  await open(page, "/help");
  await expect(page.locator(".plan-callout")).toHaveText("Your plan (locked)");
  await open(page, "/plan");
  await unlock(page);
  await expect(page.locator(".plan-entry__text").filter({ hasText: "I stop answering messages" })).toBeVisible({ timeout: 15_000 });
});

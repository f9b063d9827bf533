// The passphrase lock against the person it is for: someone else holding the device, with the
// browser's developer tools. Nothing they plant is used; locking leaves nothing the person wrote in
// the page's memory; removing the lock's record or changing its auto-lock time does not switch it
// off; locking never refuses; every tab locks together; bounded key derivation; stronger
// passphrases; /help says the same whether or not a plan exists, and shows the plan once unlocked.
import { writeFileSync } from "node:fs";
import { test, expect, appReady, open } from "./fixtures";
import type { Page } from "@playwright/test";
import { breathing, planStepNumber } from "./content";

const PASSPHRASE = "blue kettle on the hill";
const NOTE = "ask my nurse about sleep";
const MUM = "07700 900123";
const PLANTED = "07700 900999";
const PLAN = "recovery-guide:plan";

const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ }).last();
const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);
const step = (page: Page, id: string) => page.getByRole("region", { name: new RegExp(`^${planStepNumber(id)}\\. `) });

async function addMum(page: Page) {
  await open(page, "/plan");
  const people = step(page, "people-to-ask");
  await people.locator(".plan-add input[type=text]").fill("Mum");
  await people.getByLabel("Phone number (if you like)").fill(MUM);
  await people.getByRole("button", { name: /^Add to/ }).click();
  await expect(status(page)).toContainText("Added “Mum” to your plan.");
}

async function addNote(page: Page) {
  await open(page, "/publications");
  await page.locator(".bookmark-toggle").first().click();
  await open(page, "/bookmarks");
  await page.getByLabel("Your private note").first().fill(NOTE);
  await page.getByLabel("Your private note").first().blur();
}

async function turnOn(page: Page) {
  await open(page, "/your-data");
  await page.getByLabel("Choose a passphrase").fill(PASSPHRASE);
  await page.getByLabel("Type it again").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Turn on the lock" }).click();
  await expect(page.getByText("The lock is on.").first()).toBeVisible({ timeout: 15_000 });
}

async function unlock(page: Page, passphrase = PASSPHRASE) {
  await page.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  await page.getByRole("button", { name: "Unlock" }).click();
}

/** "Your data" by the footer's link: the same tab, so the key it holds is kept. */
async function toYourData(page: Page) {
  await page.getByRole("contentinfo").getByRole("link", { name: "Your data", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your data" })).toBeVisible();
}

async function lockNow(page: Page) {
  await page.getByRole("button", { name: "Lock", exact: true }).click();
  await expect(status(page)).toContainText("Locked. Your passphrase opens your data again.", { timeout: 15_000 });
}

/** Which of `needles` any of the page's WebAssembly memories holds (read through the Chrome
 * DevTools Protocol, as someone with the developer tools could). */
async function inWasmMemory(page: Page, needles: string[]): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { result: prototype } = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
  const { objects } = await cdp.send("Runtime.queryObjects", { prototypeObjectId: prototype.objectId! });
  const { result } = await cdp.send("Runtime.callFunctionOn", {
    objectId: objects.objectId!,
    functionDeclaration: `function (needles) {
      const found = new Set();
      for (const memory of this) {
        const text = new TextDecoder("latin1").decode(new Uint8Array(memory.buffer));
        for (const needle of needles) if (text.includes(needle)) found.add(needle);
      }
      return [...found, "memories: " + this.length];
    }`,
    arguments: [{ value: needles }],
    returnByValue: true,
  });
  await cdp.detach();
  const found = result.value as string[];
  expect(found.at(-1), "the app's wasm memory was found").not.toBe("memories: 0");
  return found.slice(0, -1);
}

test("a plan planted while locked is not used: it is set aside, said, and can be looked at", async ({ page }) => {
  await addMum(page);
  const plain = (await stored(page, PLAN))!;
  await turnOn(page);
  await lockNow(page);
  // Someone else writes the plan in plain text, with another number for Mum.
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [PLAN, plain.replaceAll(MUM, PLANTED)]);
  await page.reload();
  await appReady(page);
  await open(page, "/plan");
  await unlock(page);
  await expect(status(page)).toContainText("The change has not been used", { timeout: 15_000 });
  await expect(status(page)).toContainText("your plan for hard days");
  await expect(page.locator("main")).not.toContainText(PLANTED);
  await expect(page.getByRole("link", { name: `Call ${PLANTED}` })).toHaveCount(0);
  // Nothing plain is left in storage, and what was found is kept, sealed.
  await expect.poll(() => stored(page, PLAN)).toBeNull();
  const everything = await page.evaluate(() => Object.values(localStorage).join("\n"));
  expect(everything).not.toContain(PLANTED);
  await toYourData(page);
  const found = page.getByRole("region", { name: "Found while locked" });
  await expect(found).toContainText("In your plan for hard days");
  await expect(found).toContainText("it was not locked with your passphrase");
  await found.getByText("Look at what was found").click();
  await expect(found.locator("pre")).toContainText(PLANTED);
});

test("a sealed plan copied under another store, or an older sealed copy put back, is set aside too", async ({ page }) => {
  await addMum(page);
  await addNote(page);
  await turnOn(page);
  const olderBookmarks = (await stored(page, "recovery-guide:bookmarks"))!;
  // A later change, so the copy above is older than what this device last wrote (same tab: the
  // key it holds is kept).
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Bookmarks/ }).click();
  await page.getByLabel("Your private note").first().fill(`${NOTE}, later`);
  await page.getByLabel("Your private note").first().blur();
  await expect.poll(() => stored(page, "recovery-guide:bookmarks")).not.toBe(olderBookmarks);
  await lockNow(page);
  const sealedPlan = (await stored(page, PLAN))!;
  await page.evaluate(([plan, bookmarks]) => {
    localStorage.setItem("recovery-guide:reflections", plan);
    localStorage.setItem("recovery-guide:bookmarks", bookmarks);
  }, [sealedPlan, olderBookmarks]);
  await page.reload();
  await appReady(page);
  await open(page, "/bookmarks");
  await unlock(page);
  await expect(status(page)).toContainText("The change has not been used", { timeout: 15_000 });
  await expect(page.getByText(`${NOTE}, later`)).toHaveCount(0);
  await expect(page.getByLabel("Your private note")).toHaveCount(0);
  await toYourData(page);
  const found = page.getByRole("region", { name: "Found while locked" });
  await expect(found).toContainText("it is an older copy than the one this device saved last");
  await expect(found).toContainText("it was copied from another part of your data");
  // The plan itself is untouched.
  await open(page, "/plan");
  await unlock(page);
  await expect(page.getByRole("link", { name: `Call ${MUM}` })).toBeVisible({ timeout: 15_000 });
});

test("Lock and auto-lock leave nothing the person wrote in the page's memory", async ({ page }) => {
  await page.clock.install();
  await addMum(page);
  await addNote(page);
  await turnOn(page);
  await open(page, "/bookmarks");
  await unlock(page);
  await expect(page.getByLabel("Your private note").first()).toHaveValue(NOTE, { timeout: 15_000 });
  expect(await inWasmMemory(page, [NOTE, "Mum"])).toContain(NOTE);
  await lockNow(page);
  expect(await inWasmMemory(page, [NOTE, MUM])).toEqual([]);

  await open(page, "/plan");
  await unlock(page);
  await expect(page.getByRole("link", { name: `Call ${MUM}` })).toBeVisible({ timeout: 15_000 });
  await page.clock.runFor(16 * 60_000);
  await expect(page.getByRole("heading", { name: "Locked" })).toBeVisible();
  await appReady(page);
  expect(await inWasmMemory(page, [NOTE, MUM])).toEqual([]);
});

test("removing the lock's record does not turn the lock off, and nothing is then written in plain text", async ({ page }) => {
  await addNote(page);
  await turnOn(page);
  await lockNow(page);
  await page.evaluate(() => localStorage.removeItem("recovery-guide:lock"));
  await page.reload();
  await appReady(page);
  await open(page, "/bookmarks");
  await expect(page.getByRole("heading", { name: "Locked" })).toBeVisible();
  await expect(page.getByText("Part of the lock is missing")).toBeVisible();
  // A new bookmark is refused rather than stored plain.
  await open(page, "/publications");
  await page.locator(".bookmark-toggle").nth(1).click();
  const everything = await page.evaluate(() => Object.entries(localStorage).map(([k, v]) => `${k}=${v}`).join("\n"));
  expect(everything).not.toMatch(/recovery-guide:bookmarks=\{"version"/);
  expect(everything).not.toContain(NOTE);
  // The passphrase still opens it, and the record is put back.
  await open(page, "/bookmarks");
  await unlock(page);
  await expect(page.getByLabel("Your private note").first()).toHaveValue(NOTE, { timeout: 15_000 });
  await expect.poll(() => stored(page, "recovery-guide:lock")).not.toBeNull();
});

test("an auto-lock time changed in storage is not trusted: it locks after 5 minutes", async ({ page }) => {
  await page.clock.install();
  await addNote(page);
  await turnOn(page);
  await lockNow(page);
  await page.evaluate(() => {
    const record = JSON.parse(localStorage.getItem("recovery-guide:lock")!);
    record.auto_lock = "never";
    localStorage.setItem("recovery-guide:lock", JSON.stringify(record));
  });
  await page.reload();
  await appReady(page);
  await open(page, "/bookmarks");
  await unlock(page);
  await expect(page.getByLabel("Your private note").first()).toHaveValue(NOTE, { timeout: 15_000 });
  await page.clock.runFor(6 * 60_000);
  await expect(page.getByRole("heading", { name: "Locked" })).toBeVisible();
});

test("Lock locks even when a change could not be written, and the change comes back after unlocking", async ({ page }) => {
  await addNote(page);
  await turnOn(page);
  await open(page, "/bookmarks");
  await unlock(page);
  await expect(page.getByLabel("Your private note").first()).toHaveValue(NOTE, { timeout: 15_000 });
  // Someone fills the storage: this tab's writes to it fail (its sessionStorage still works).
  await page.evaluate(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (this === localStorage) throw new DOMException("full", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
  await page.getByLabel("Your private note").first().fill(`${NOTE}, written when full`);
  await page.getByLabel("Your private note").first().blur();
  await expect(status(page)).toContainText("out of space", { timeout: 15_000 });
  await lockNow(page);
  await expect(page.getByRole("heading", { name: "Locked" })).toBeVisible();
  expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain("written when full");
  await unlock(page);
  await expect(page.getByLabel("Your private note").first()).toHaveValue(`${NOTE}, written when full`, { timeout: 15_000 });
  await expect.poll(() => page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("recovery-guide:unsaved:")))).toEqual([]);
});

test("one tab's Lock locks every open tab", async ({ page, context }) => {
  await addMum(page);
  await turnOn(page);
  const other = await context.newPage();
  await other.goto(page.url().replace("/your-data", "/plan"));
  await appReady(other);
  await unlock(other);
  await expect(other.getByRole("link", { name: `Call ${MUM}` })).toBeVisible({ timeout: 15_000 });
  await lockNow(page);
  await expect(other.getByRole("heading", { name: "Locked" })).toBeVisible({ timeout: 15_000 });
  await expect(other.getByRole("link", { name: `Call ${MUM}` })).toHaveCount(0);
});

test("a locked file asking for too few or too many key-derivation rounds is refused at once", async ({ page }, testInfo) => {
  for (const iterations of [1, 4294967295]) {
    const sealed = { algorithm: "AES-GCM-256", key_derivation: "PBKDF2-SHA-256", iterations, salt: "AAAAAAAAAAAAAAAAAAAAAA==", iv: "AAAAAAAAAAAAAAAA", ciphertext: "AAAA" };
    const file = testInfo.outputPath(`rounds-${iterations}.json`);
    writeFileSync(file, JSON.stringify({ app: "recovery-guide", sealed }));
    await open(page, "/your-data");
    await page.locator("#import-file").setInputFiles(file);
    await expect(page.getByRole("alert")).toContainText("locked in a way this app does not use", { timeout: 2_000 });
    await expect(page.getByLabel("The file’s passphrase")).toHaveCount(0);
  }
});

test("set-up refuses common and short passphrases, says why at the field, and keeps what was typed first", async ({ page }) => {
  await open(page, "/your-data");
  await expect(page.getByText("do not let the browser save this passphrase")).toBeVisible();
  await expect(page.getByLabel("Choose a passphrase")).toHaveAttribute("autocomplete", "new-password");
  for (const [weak, reason] of [
    ["password1234", "people choose most often"],
    ["I love you", "at least 12 characters"],
    ["short", "at least 12 characters"],
  ]) {
    await page.getByLabel("Choose a passphrase").fill(weak);
    await page.getByLabel("Type it again").fill(weak);
    await page.getByRole("button", { name: "Turn on the lock" }).click();
    const field = page.getByLabel("Choose a passphrase");
    await expect(page.getByRole("alert")).toContainText(reason);
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(new RegExp(reason));
    await expect(field).toHaveValue(weak);
  }
  await page.getByLabel("Choose a passphrase").fill("tea at nans on sunday");
  await page.getByLabel("Type it again").fill("tea at nans on monday");
  await page.getByRole("button", { name: "Turn on the lock" }).click();
  await expect(page.getByRole("alert")).toContainText("not the same");
  await expect(page.getByLabel("Type it again")).toBeFocused();
  await expect(page.getByLabel("Choose a passphrase")).toHaveValue("tea at nans on sunday");
  expect(await stored(page, "recovery-guide:lock")).toBeNull();
});

test("a wrong passphrase moves focus back to the field, and waits are said in good English", async ({ page }) => {
  await addNote(page);
  await turnOn(page);
  await lockNow(page);
  await page.clock.install();
  await open(page, "/bookmarks");
  const field = page.getByLabel("Passphrase", { exact: true });
  await expect(field).toHaveAttribute("autocomplete", "current-password");
  for (let i = 0; i < 3; i++) {
    await unlock(page, "not the passphrase");
    await expect(page.getByRole("alert")).toContainText("does not open your data", { timeout: 15_000 });
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute("aria-invalid", "true");
  }
  await page.clock.runFor(1_200);
  await unlock(page);
  await expect(page.getByRole("alert")).toHaveText("Please wait 1 second before trying again.");
});

test("while locked, /help says the same about the plan whether or not there is one", async ({ page }) => {
  await addMum(page);
  await turnOn(page);
  await lockNow(page);
  await open(page, "/help");
  const withPlan = await page.locator(".plan-callout").innerText();
  // Start again with no plan, only a bookmark.
  await open(page, "/bookmarks");
  await page.getByText("Forgotten your passphrase?").click();
  await page.getByRole("button", { name: "Delete everything and start again" }).click();
  await page.getByRole("button", { name: "Yes, delete everything" }).click();
  await addNote(page);
  await turnOn(page);
  await lockNow(page);
  await open(page, "/help");
  await expect(page.locator(".plan-callout")).toHaveText(withPlan);
});

test("with the lock on, /help shows the person's plan only once unlocked, and Breathe with me works while locked", async ({ page }) => {
  await addMum(page);
  await turnOn(page);
  await lockNow(page);
  await open(page, "/help");
  const callout = page.locator("main .plan-callout");
  await expect(callout).toHaveText("Your plan (locked)");
  await page.getByRole("button", { name: breathing.start }).click();
  await expect(page.locator(".breathe__said")).toHaveText(breathing.breathe_in);
  await page.getByRole("button", { name: breathing.stop }).click();
  await open(page, "/plan");
  await unlock(page);
  await expect(page.getByRole("link", { name: `Call ${MUM}` })).toBeVisible({ timeout: 15_000 });
  // The same tab, which holds the key: the header's link, not a new page load.
  await page.getByRole("link", { name: "Need help now?" }).click();
  await expect(callout.getByRole("link", { name: `Call ${MUM}` })).toBeVisible();
  await expect(callout).toContainText("Mum");
});

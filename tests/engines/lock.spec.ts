// The passphrase lock's round trip through each engine's WebCrypto: turned on, nothing personal is
// readable in storage; after a reload the personal pages are locked; a wrong passphrase is refused
// and the right one opens the note again.
import { test, expect } from "./fixtures";
import { by, type Guide } from "./guide";
import { PACE } from "../browser/content";

const PASSPHRASE = "blue kettle on the hill";
const NOTE = "ask my nurse about sleep";

const allStored = (guide: Guide): Promise<string> => guide.driver.executeScript("return Object.entries(localStorage).map(([k, v]) => `${k}=${v}`).join('\\n')");
const locked = by.xpath("//main//h2[normalize-space()='Locked']");
const note = by.field("Your private note");

async function unlock(guide: Guide, passphrase: string) {
  await guide.fill(by.field("Passphrase"), passphrase);
  await guide.click(by.button("Unlock"));
}

test("with the lock on, storage holds no note; after a reload a wrong passphrase is refused and the right one opens the note", async ({ guide }) => {
  await guide.open("/publications");
  await guide.click(by.bookmark(PACE));
  await guide.open("/bookmarks");
  await guide.fill(note, NOTE);
  await expect.poll(() => allStored(guide)).toContain(NOTE);

  await guide.open("/your-data");
  await guide.fill(by.field("Choose a passphrase"), PASSPHRASE);
  await guide.fill(by.field("Type it again"), PASSPHRASE);
  await guide.click(by.button("Turn on the lock"));
  // Deriving the key (PBKDF2, 600,000 rounds) takes a moment on a busy machine.
  await expect.poll(() => guide.text(by.text("The lock is on.")), { timeout: 30_000 }).toContain("The lock is on.");
  const everything = await allStored(guide);
  expect(everything).not.toContain(NOTE);
  expect(everything).not.toContain("pace-recovery-guide");
  expect(everything).toContain("PBKDF2-SHA-256");

  // A new page load holds no key: the note is behind the passphrase.
  await guide.open("/bookmarks");
  await guide.find(locked);
  expect(await guide.count(note)).toBe(0);
  await unlock(guide, "not the passphrase");
  await expect.poll(() => guide.text(by.css("[role=alert]")), { timeout: 30_000 }).toContain("That passphrase does not open your data");
  expect(await guide.count(note)).toBe(0);
  expect(await allStored(guide), "a wrong try changes nothing").toBe(everything);

  await unlock(guide, PASSPHRASE);
  await expect.poll(() => guide.count(note), { timeout: 30_000 }).toBe(1);
  expect(await guide.value(note)).toBe(NOTE);
  expect(await guide.count(locked)).toBe(0);
});

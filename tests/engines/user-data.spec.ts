// What a person keeps: bookmarks and notes, reflections, and a copy of it all in a file, brought
// back by combining or replacing. Downloads go to the browser's download folder, and the file is
// chosen by typing its path into the file field, as WebDriver does for a person picking it.
import { test, expect } from "./fixtures";
import { by, type Guide } from "./guide";
import { FINANCIAL_SECURITY, GOOD_RELATIONSHIPS, HUNDRED_WAYS, PACE, SATISFYING_WORK } from "../browser/content";

const bookmarkCount = by.navLink("Bookmarks");
/** The count beside "Bookmarks" in the navigation ("" when there are none). Engines differ on
 * whether visually hidden words count as text, so only the number is compared. */
const counted = async (guide: Guide) => (await guide.text(by.css('nav[aria-label="Main"] .nav-count'))).replace(/\D/g, "");
const preview = '//*[@role="region"][@aria-label="What this file would change"]';

const pressed = (guide: Guide, title: string) => guide.attribute(by.bookmark(title), "aria-pressed");

test("a bookmark and its note are kept across reloads, and lead back to the item", async ({ guide }) => {
  await guide.open("/publications");
  expect(await pressed(guide, PACE)).toBe("false");
  await guide.click(by.bookmark(PACE));
  await expect.poll(() => pressed(guide, PACE)).toBe("true");
  await expect.poll(() => guide.text(by.bookmark(PACE))).toBe("Bookmarked");
  await expect.poll(() => guide.text(by.status)).toContain(`Added “${PACE}” to your bookmarks.`);
  await guide.reload();
  expect(await pressed(guide, PACE)).toBe("true");
  expect(await counted(guide)).toBe("1");

  await guide.click(bookmarkCount);
  await expect.poll(() => guide.heading()).toBe("Your bookmarks");
  // A note is private text: kept, and shown as text, never as HTML.
  const note = 'Ask my nurse <img src=x onerror="document.title=1">';
  await guide.fill(by.field("Your private note"), note);
  await guide.reload();
  expect(await guide.value(by.field("Your private note"))).toBe(note);
  expect(await guide.count(by.css("main img"))).toBe(0);

  await guide.click(by.link(PACE));
  await expect.poll(() => guide.path()).toMatch(/\/publications#pace-recovery-guide$/);
});

test("tick, write a note and save a reflection; after a reload the history shows it", async ({ guide }) => {
  await guide.open("/reflect");
  await guide.click(by.checkbox(GOOD_RELATIONSHIPS, "True for me now"));
  await guide.click(by.checkbox(FINANCIAL_SECURITY, "I want to work on this"));
  await guide.click(by.noteToggle(GOOD_RELATIONSHIPS));
  await guide.fill(by.note(GOOD_RELATIONSHIPS), "My sister and my friend Sam");
  await guide.click(by.button("Save this reflection"));
  await expect.poll(() => guide.text(by.status)).toMatch(/^Saved your reflection of .+: 1 true for you now, 1 to work on, 1 note\./);

  await guide.reload();
  expect(await guide.checked(by.checkbox(GOOD_RELATIONSHIPS, "True for me now"))).toBe(true);
  expect(await guide.checked(by.checkbox(FINANCIAL_SECURITY, "I want to work on this"))).toBe(true);
  expect(await guide.value(by.note(GOOD_RELATIONSHIPS))).toBe("My sister and my friend Sam");
  expect(await guide.text(by.css("#history .snapshot summary"))).toMatch(/: 1 true for you now, 1 to work on$/);
  expect(await guide.count(by.css('#history [role="img"]'))).toBe(1);
});

test("download a copy, delete everything, then bring it back by combining", async ({ guide }) => {
  await guide.open("/publications");
  await guide.click(by.bookmark(HUNDRED_WAYS));
  await guide.open("/bookmarks");
  await guide.fill(by.field("Your private note"), "Chapter 3 is good");
  await guide.open("/reflect");
  await guide.click(by.checkbox(SATISFYING_WORK, "True for me now"));
  await guide.click(by.button("Save this reflection"));
  await expect.poll(() => guide.text(by.status)).toContain("Saved your reflection");

  await guide.open("/your-data");
  const file = await guide.download(() => guide.click(by.button("Download my data")));
  expect(file).toMatch(/recovery-guide-\d{4}-\d{2}-\d{2}\.json$/);
  await expect.poll(() => guide.text(by.css(".kept-facts"))).toContain("Last downloaded today.");

  await guide.click(by.button("Delete all my data"));
  await guide.click(by.button("Yes, delete everything"));
  await expect.poll(() => guide.text(by.status)).toContain("All your data has been deleted");

  await guide.upload("File to bring back", file);
  await expect.poll(() => guide.text(by.xpath(preview))).toContain("It has 1 bookmark, 1 saved reflection and 0 entries in a plan.");
  expect(await guide.text(by.xpath(preview))).toContain("Bookmarks: 1 added");
  await guide.click(by.xpath(`${preview}//button[normalize-space()='Combine']`));
  await expect.poll(() => guide.text(by.status)).toContain("combined with yours");

  await guide.open("/bookmarks");
  expect(await guide.value(by.field("Your private note"))).toBe("Chapter 3 is good");
  await guide.open("/reflect");
  expect(await guide.checked(by.checkbox(SATISFYING_WORK, "True for me now"))).toBe(true);
  expect(await guide.count(by.css(".snapshot"))).toBe(1);
  // The same file again changes nothing.
  await guide.open("/your-data");
  await guide.upload("File to bring back", file);
  await expect.poll(() => guide.text(by.xpath(preview))).toContain("Nothing would change");
});

test("replacing with a downloaded copy, after confirming, leaves exactly what the file holds", async ({ guide }) => {
  await guide.open("/organisations");
  await guide.click(by.bookmark("Recovery Devon"));
  await guide.open("/your-data");
  const file = await guide.download(() => guide.click(by.button("Download my data")));
  await guide.open("/organisations");
  await guide.click(by.bookmark("Mental Health Foundation"));
  await expect.poll(() => counted(guide)).toBe("2");

  await guide.open("/your-data");
  await guide.upload("File to bring back", file);
  await guide.click(by.xpath(`${preview}//button[normalize-space()='Replace']`));
  await expect.poll(() => guide.isFocused(by.text("Replace everything on this device with the file's data?"))).toBe(true);
  expect(await guide.stored("recovery-guide:bookmarks"), "nothing changed yet").toContain("mental-health-foundation");
  await guide.click(by.button("Yes, replace everything"));
  await expect.poll(() => guide.text(by.status)).toContain("replaced with the file's");
  await guide.open("/organisations");
  expect(await pressed(guide, "Recovery Devon")).toBe("true");
  expect(await pressed(guide, "Mental Health Foundation")).toBe("false");
  expect(await counted(guide)).toBe("1");
});

test("when the browser's own storage is full, a change says it was not saved and what was saved is kept", async ({ guide }) => {
  await guide.open("/organisations");
  await guide.click(by.bookmark("Recovery Devon"));
  await expect.poll(() => guide.stored("recovery-guide:bookmarks")).toContain("recovery-devon");
  const saved = await guide.stored("recovery-guide:bookmarks");
  // Fill this site's real storage (about 5 MB in every engine) until the browser refuses more.
  const refusal: string = await guide.driver.executeScript(`
    for (const size of [100000, 100]) {
      try { for (let n = 0; ; n++) localStorage.setItem("filler-" + size + "-" + n, "x".repeat(size)); }
      catch (error) { if (size === 100) return error.name; }
    }`);
  expect(refusal).toBe("QuotaExceededError");

  await guide.click(by.bookmark("Scottish Recovery Network"));
  await expect.poll(() => guide.text(by.status)).toContain("Your device is out of space for this app, so your latest changes were not saved.");
  // The change stays on screen, and the saved copy is untouched.
  expect(await pressed(guide, "Scottish Recovery Network")).toBe("true");
  expect(await counted(guide)).toBe("2");
  expect(await guide.stored("recovery-guide:bookmarks")).toBe(saved);
});

// Searching: typed in the header (with accents, as a keyboard sends them), and by address.
import { test, expect } from "./fixtures";
import { by, Key } from "./guide";
import { HUNDRED_WAYS } from "../browser/content";

const field = by.field("Search the guide (press /)");
const firstResult = by.css(".result");

test("typing an accented word in the header finds it, with a shareable address that survives reload", async ({ guide }) => {
  await guide.open("/organisations");
  await guide.fill(field, "Ngākau");
  await expect.poll(() => guide.path()).toBe(`${guide.site.base}search?q=Ng%C4%81kau`);
  await expect.poll(() => guide.text(firstResult)).toContain("Oranga Ngākau");
  expect(await guide.isFocused(field), "typing goes on in the field").toBe(true);
  expect(await guide.text(by.css(".result mark"))).toBe("Ngākau");
  await guide.reload();
  expect(await guide.value(field)).toBe("Ngākau");
  await expect.poll(() => guide.text(firstResult)).toContain("Oranga Ngākau");
});

test("accents and case are forgiven in both directions, by address", async ({ guide }) => {
  for (const query of ["ngakau", "NGAKAU", "Ngākau"]) {
    await guide.open(`/search?q=${encodeURIComponent(query)}`);
    await expect.poll(() => guide.text(firstResult), query).toContain("Oranga Ngākau");
  }
  await guide.open(`/search?q=${encodeURIComponent("récovery cóllege")}`);
  await expect.poll(() => guide.texts(by.css(".result")), "é and ó match plain letters").toContainEqual(expect.stringContaining("ImROC"));
});

test("the / key focuses the search field, arrows move through results and Enter opens one", async ({ guide }) => {
  await guide.open("/");
  await guide.press("/");
  await expect.poll(() => guide.isFocused(field)).toBe(true);
  await guide.press("slade");
  await expect.poll(() => guide.text(firstResult)).toContain(HUNDRED_WAYS);
  await guide.press(Key.ARROW_DOWN);
  await expect.poll(() => guide.isFocused(firstResult)).toBe(true);
  await guide.press(Key.ENTER);
  await expect.poll(() => guide.path()).toMatch(/\/publications#100-ways-to-support-recovery$/);
});

// The plan for hard days: an entry added to a step is kept over a reload, and a contact's phone
// number becomes a link to call it.
import { test, expect } from "./fixtures";
import { by, type Guide } from "./guide";

/** One step of the plan, by its number ("4. …"). */
const step = (number: number) => `//section[contains(@class,'plan-step')][h2[starts-with(normalize-space(), '${number}. ')]]`;
const entryTexts = (guide: Guide, number: number) => guide.texts(by.xpath(`${step(number)}//*[contains(@class,'plan-entry__text')]`));

async function add(guide: Guide, number: number, text: string, phone?: string) {
  const form = `${step(number)}//form[contains(@class,'plan-add')]`;
  await guide.fill(by.xpath(`${form}//input[@type='text']`), text);
  if (phone !== undefined) await guide.fill(by.xpath(`${form}//input[@type='tel']`), phone);
  await guide.click(by.xpath(`${form}//button[@type='submit']`));
  await expect.poll(() => guide.text(by.status)).toContain(`Added “${text}” to your plan.`);
}

test("an entry added to a step is kept over a reload, and a phone number can be called", async ({ guide }) => {
  await guide.open("/plan");
  await add(guide, 1, "I stop answering my phone");
  await add(guide, 4, "Mum", "07700 900123");
  await guide.reload();
  expect(await entryTexts(guide, 1)).toEqual(["I stop answering my phone"]);
  expect(await entryTexts(guide, 4)).toEqual(["Mum"]);
  expect(await guide.attribute(by.xpath(`${step(4)}//a[normalize-space()='Call 07700 900123']`), "href")).toBe("tel:07700900123");
});

// The help page's "Breathe with me": it starts, turns from breathing in to breathing out after five
// seconds (the engine's own timers, in real time), and stops.
import { test, expect } from "./fixtures";
import { by } from "./guide";
import { breathing } from "../browser/content";

const words = by.css(".breathe__said");

test("Breathe with me starts, turns to breathing out after five seconds, and stops", async ({ guide }) => {
  await guide.open("/help");
  await guide.click(by.button(breathing.start));
  expect(await guide.text(words)).toBe(breathing.breathe_in);
  expect(await guide.text(by.css(".breathe__shape"))).toBe("1");
  await expect.poll(() => guide.text(words), { timeout: 8_000 }).toBe(breathing.breathe_out);
  await guide.click(by.button(breathing.stop));
  expect(await guide.text(words)).toBe("");
  expect(await guide.count(by.css(".breathe__pacer"))).toBe(0);
});

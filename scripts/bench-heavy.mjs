// Heavy use: what a keystroke, a tick or a bookmark costs with a year (and five years) of data,
// against the same action with almost no data, measured in the same run. Each action is timed from
// the event (its timestamp, so time waiting in the queue counts) to the next frame after it was
// handled, with Performance marks; the figures are medians and the slowest of each.
import { chromium } from "@playwright/test";
import httpServer from "http-server";
import { median } from "./lib/median.mjs";
import { figure, ms as inMs } from "./lib/figures.mjs";
import { chromePath } from "./lib/chrome.mjs";

const root = process.argv[2] ?? "dist";
const server = httpServer.createServer({ root, cache: -1, showDir: false, logFn: () => {} });
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.server.address().port}`;
const browser = await chromium.launch({ executablePath: chromePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });

const SIZES = [
  { name: "almost no data", bookmarks: 2, reflections: 1 },
  { name: "a year of heavy use", bookmarks: 1000, reflections: 365 },
  { name: "five years", bookmarks: 5000, reflections: 1825 },
];
const KEYS = 20;

// Marks every trusted input, change and click from its timestamp to the frame after it was handled.
const MEASURE = () => {
  window.benchActions = [];
  // Anything over 50 ms that blocks the page (the write after a pause in typing, say).
  window.benchLongTasks = [];
  new PerformanceObserver((list) => window.benchLongTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
  for (const type of ["input", "change", "click"]) {
    addEventListener(type, (event) => {
      // A tick fires click, input and change: it is timed once, from its change.
      if (!event.isTrusted || (type !== "change" && /** @type {HTMLInputElement} */ (event.target).type === "checkbox")) return;
      const start = event.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          performance.measure(`bench:${type}`, { start, end: performance.now() });
          window.benchActions.push(performance.now() - start);
        };
        channel.port2.postMessage(null);
      });
    }, { capture: true });
  }
};

/** Stored data in the formats the app writes today, as `count` days of heavy use leave it. */
function seed({ bookmarks: bookmarkCount, reflections: days, items }) {
  const day = 86_400_000;
  const start = Date.now() - days * day;
  const note = "A private note of a sentence or two, about why this matters to me now.";
  const bookmarks = {};
  for (let i = 0; i < bookmarkCount; i++) {
    const at = start + i * 1000;
    bookmarks[`bench-${i}`] = { at, value: { added_at: at, page: "publications", title: `A resource with a title of ordinary length ${i}`, note } };
  }
  // Saved reflections as stored since version 2: each item's words once, under "words".
  const words = Object.fromEntries(items.map(({ id, text }) => [id, text]));
  const snapshots = {};
  for (let d = 0; d < days; d++) {
    const saved_at = start + d * day;
    const snapshot = {
      saved_at,
      utc_offset_minutes: 0,
      items: items.map(({ id }, i) => {
        const answer = {};
        if ((i + d) % 3 === 0) answer.true_now = true;
        if ((i + d) % 5 === 0) answer.work_on = true;
        if ((i + d) % 11 === 0) answer.note = note;
        return Object.keys(answer).length ? { id, answer } : { id };
      }),
    };
    snapshots[`reflection-${d}`] = { at: saved_at, value: snapshot };
  }
  const map = (value) => Object.fromEntries(items.map(({ id }) => [id, { at: start, value: value(id) }]));
  const reflections = { version: 2, true_now: map(() => true), work_on: map(() => false), notes: map(() => ""), own_items: {} };
  const stored = {
    "recovery-guide:bookmarks": JSON.stringify({ version: 1, bookmarks }),
    "recovery-guide:history": JSON.stringify({ version: 2, snapshots, words }),
    "recovery-guide:reflections": JSON.stringify(reflections),
  };
  localStorage.clear();
  try {
    for (const [key, value] of Object.entries(stored)) localStorage.setItem(key, value);
  } catch {
    localStorage.clear();
    return { fits: false, size: Object.values(stored).reduce((sum, v) => sum + v.length, 0) };
  }
  return { fits: true, size: Object.values(stored).reduce((sum, v) => sum + v.length, 0) };
}

async function open(page, path) {
  await page.goto(`${origin}${path}`);
  await page.locator("html[data-app=ready]").waitFor({ state: "attached", timeout: 120_000 });
}

/** Milliseconds from navigation to the page ready with its list drawn. */
async function loadTime(page, path, ready) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(`${origin}${path}`);
    await page.locator(ready).first().waitFor({ timeout: 120_000 });
    await page.locator("html[data-app=ready]").waitFor({ state: "attached" });
    times.push(await page.evaluate(() => performance.now()));
  }
  return times;
}

async function actions(page) {
  return page.evaluate(() => window.benchActions.splice(0));
}

/** Does `act` KEYS times, 60 ms apart, and gives the timings of what it did. */
async function timed(page, act) {
  await actions(page);
  for (let i = 0; i < KEYS; i++) {
    await act();
    await page.waitForTimeout(60);
  }
  await page.waitForTimeout(1000);
  return (await actions(page)).slice(0, KEYS);
}

/** A new tab measuring its actions, with `size` of data stored in this build's forms (the
 * checklist's items read from /reflect). */
async function seededPage(size) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(MEASURE);
  const page = await context.newPage();
  await open(page, "/reflect");
  const items = await page.evaluate(() =>
    [...document.querySelectorAll(".check-item")].map((item) => ({ id: /** @type {Element} */ (item.querySelector("textarea")).id.replace(/^note-/, ""), text: /** @type {Element} */ (item.querySelector("legend")).textContent })));
  const seeded = await page.evaluate(seed, { ...size, items });
  return { context, page, seeded };
}

async function measure(size) {
  const { context, page, seeded } = await seededPage(size);
  const result = { ...size, stored: seeded.size, fits: seeded.fits };
  if (!seeded.fits) return result;

  result.loadBookmarks = await loadTime(page, "/bookmarks", "textarea.note");
  const note = page.locator("textarea.note").first();
  await note.click();
  result.typing = await timed(page, () => page.keyboard.press("a"));
  result.typingLongTasks = await page.evaluate(() => window.benchLongTasks.splice(0));
  // The write after the pause, timed from the last key to the note being in storage.
  result.typedWrite = [];
  for (let i = 0; i < 5; i++) {
    result.typedWrite.push(await page.evaluate(async () => {
      const note = /** @type {HTMLTextAreaElement} */ (document.querySelector("textarea.note"));
      const before = localStorage.getItem("recovery-guide:bookmarks");
      note.value += "b";
      note.dispatchEvent(new Event("input", { bubbles: true }));
      const typed = performance.now();
      while (localStorage.getItem("recovery-guide:bookmarks") === before) await new Promise((r) => setTimeout(r, 5));
      return performance.now() - typed;
    }));
  }

  result.loadReflect = await loadTime(page, "/reflect", ".check-item input[type=checkbox]:not([disabled])");
  const box = page.locator(".check-item input[type=checkbox]").first();
  result.ticking = await timed(page, () => box.click());

  // Saving a reflection: it adds one to a history the size of the data set, and writes it all.
  // The first save of a visit counts too.
  await actions(page);
  result.saving = [];
  for (let i = 0; i < 10; i++) {
    await box.click();
    await page.getByRole("button", { name: "Save this reflection" }).first().click();
    await page.waitForTimeout(300);
    result.saving.push((await actions(page)).at(-1));
  }

  await open(page, "/publications");
  const toggle = page.locator(".bookmark-toggle").first();
  result.bookmarking = await timed(page, () => toggle.click());
  await context.close();
  return result;
}

/** The same actions with a year of data and the passphrase lock on (each change sealed and written
 * a moment later), moving between pages by the navigation so the tab stays unlocked. */
async function measureLocked(size) {
  const { context, page } = await seededPage(size);
  await open(page, "/your-data");
  const passphrase = "blue kettle on the hill";
  await page.getByLabel("Choose a passphrase").fill(passphrase);
  await page.getByLabel("Type it again").fill(passphrase);
  await page.getByRole("button", { name: "Turn on the lock" }).click();
  await page.getByText("The lock is on.").first().waitFor({ timeout: 60_000 });
  const nav = (name) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name });
  const result = { ...size, name: `${size.name}, passphrase lock on` };
  await nav(/^Bookmarks/).click();
  await page.locator("textarea.note").first().click();
  result.typing = await timed(page, () => page.keyboard.press("a"));
  await nav("Reflect").click();
  const box = page.locator(".check-item input[type=checkbox]").first();
  await box.waitFor();
  result.ticking = await timed(page, () => box.click());
  await nav("Publications").click();
  const toggle = page.locator(".bookmark-toggle").first();
  await toggle.waitFor();
  result.bookmarking = await timed(page, () => toggle.click());
  await context.close();
  return result;
}

const ms = (values) => (values?.length ? `${median(values).toFixed(1)} ms (slowest ${Math.max(...values).toFixed(1)})` : "n/a");
// How many years of heavy use fit: the stored size of one year against the browser's room.
const LIMIT = 5 * 1024 * 1024;
const results = [];
for (const size of SIZES) results.push(await measure(size));
const light = results[0];
for (const r of results) {
  console.log(`${r.name}: ${r.bookmarks} bookmarks, ${r.reflections} saved reflections, ${(r.stored / 1024 / 1024).toFixed(2)} MiB stored${r.fits ? "" : " (does not fit in localStorage)"}`);
  if (!r.fits) continue;
  const more = (key) => (r === light ? "" : `, ${(median(r[key]) - median(light[key])).toFixed(1)} ms more than with almost no data`);
  console.log(`  typing a note on /bookmarks, per key: ${ms(r.typing)}${more("typing")}`);
  console.log(`  ticking an item on /reflect: ${ms(r.ticking)}${more("ticking")}`);
  console.log(`  adding or removing a bookmark: ${ms(r.bookmarking)}${more("bookmarking")}`);
  console.log(`  the write after a pause in typing (from the last key to storage, including the ${400} ms pause): ${ms(r.typedWrite)}; tasks over 50 ms while typing: ${r.typingLongTasks.length}${r.typingLongTasks.length ? ` (longest ${Math.max(...r.typingLongTasks).toFixed(0)} ms)` : ""}`);
  console.log(`  saving a reflection: ${ms(r.saving)}`);
  console.log(`  /bookmarks ready with its list: ${ms(r.loadBookmarks)}; /reflect ready: ${ms(r.loadReflect)}`);
}
const HEAVY = "Heavy use in the browser: median of 20 (slowest), and more than with almost no data (`scripts/bench-heavy.mjs`)";
for (const r of results) {
  const column = r.name;
  figure(HEAVY, "what is stored", column, `${r.bookmarks.toLocaleString("en-GB")} bookmarks, ${r.reflections.toLocaleString("en-GB")} saved reflections; ${(r.stored / 1024 / 1024).toFixed(2)} MiB${r.fits ? "" : " (does not fit)"}`);
  if (!r.fits) continue;
  /** @param {string} row @param {string} key @param {boolean} [compared] */
  const cell = (row, key, compared = true) => {
    const more = compared && r !== light ? `: **${(median(r[key]) - median(light[key]) >= 0 ? "+" : "−")}${Math.abs(median(r[key]) - median(light[key])).toFixed(1)}**` : "";
    figure(HEAVY, row, column, `${inMs(median(r[key]))} (${Math.max(...r[key]).toFixed(1)})${more}`);
  };
  cell("typing a note on /bookmarks, per key", "typing");
  cell("ticking an item on /reflect", "ticking");
  cell("adding or removing a bookmark", "bookmarking");
  cell("the write after a pause in typing (400 ms pause included)", "typedWrite", false);
  cell("saving a reflection (10 in a row)", "saving", false);
  cell("/bookmarks ready with its list", "loadBookmarks", false);
  cell("/reflect ready", "loadReflect", false);
}
const locked = await measureLocked(SIZES[1]);
console.log(`${locked.name}:`);
for (const [label, key] of [["typing a note on /bookmarks, per key", "typing"], ["ticking an item on /reflect", "ticking"], ["adding or removing a bookmark", "bookmarking"]]) {
  console.log(`  ${label}: ${ms(locked[key])}, ${(median(locked[key]) - median(light[key])).toFixed(1)} ms more than with almost no data (lock off)`);
  const more = median(locked[key]) - median(light[key]);
  figure(HEAVY, label, locked.name, `${inMs(median(locked[key]))} (${Math.max(...locked[key]).toFixed(1)}): **${more >= 0 ? "+" : "−"}${Math.abs(more).toFixed(1)}**`);
}
const year = results[1];
figure(HEAVY, "years of such use that fit in the browser's 5 MiB", year.name, `about ${(LIMIT / year.stored).toFixed(1)} (lock on: ${(LIMIT / (year.stored * 4 / 3)).toFixed(1)})`);
console.log(`Years of heavy use that fit in localStorage's ${LIMIT.toLocaleString("en-GB")} UTF-16 units: about ${(LIMIT / year.stored).toFixed(1)} (a year takes ${(year.stored / 1024 / 1024).toFixed(2)} MiB; with the passphrase lock on, sealed text is a third larger: about ${(LIMIT / (year.stored * 4 / 3)).toFixed(1)})`);
await browser.close();
server.server.close();

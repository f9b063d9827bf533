// Screenshots of every page at phone and desktop widths, light and dark, for looking at the design
// and for the README. Needs the release build served: node scripts/screenshots.mjs [base-url] [out-dir]
import { chromium } from "@playwright/test";
import { chromePath } from "./lib/chrome.mjs";
import { readFileSync, mkdirSync } from "node:fs";
import { parse } from "smol-toml";

const base = process.argv[2] ?? "http://127.0.0.1:8080";
const out = process.argv[3] ?? "test-results/screenshots";
mkdirSync(out, { recursive: true });

const routes = /** @type {{ id: string, path?: string }[]} */ (parse(readFileSync("src/content/pages.toml", "utf8")).page)
  .map((p) => [p.id, p.path ?? "/no-such-page"]);

const browser = await chromium.launch({
  executablePath: chromePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
// Some saved data, so the bookmarks, reflection and plan pages show what people see after using them.
const day = 86_400_000;
const start = Date.UTC(2026, 8, 1);
const answers = (n) => Object.fromEntries(["good-relationships", "financial-security", "satisfying-work", "personal-growth", "being-believed-in", "being-listened-to"]
  .slice(0, n).map((id, i) => [id, { true_now: true, work_on: i % 3 === 0, note: "" }]));
const snapshot = (d, t, w) => ({ at: start + d * day, value: { saved_at: start + d * day, utc_offset_minutes: 0,
  items: Array.from({ length: 24 }, (_, i) => ({ id: `i${i}`, text: `item ${i}`, own: false, answer: { true_now: i < t, work_on: i >= 20 - w && i < 20, note: "" } })) } });
const seed = {
  "recovery-guide:bookmarks": { version: 1, bookmarks: {
    "pace-recovery-guide": { at: start, value: { added_at: start, page: "publications", title: "PACE: Personal Assistance in Community Existence", note: "Ask my nurse about the PDF" } },
    "what-supports-recovery": { at: start + day, value: { added_at: start + day, page: "home", title: "What supports recovery?", note: "" } },
  } },
  "recovery-guide:reflections": { version: 1,
    checklist: { ...Object.fromEntries(Object.entries(answers(6)).map(([k, v]) => [k, { at: start, value: v }])),
      "good-relationships": { at: start, value: { true_now: true, work_on: false, note: "My sister and Sam" } } },
    own_items: { "own-1": { at: start, value: { created_at: start, text: "Walking the dog every morning" } } } },
  "recovery-guide:plan": { version: 1,
    entries: Object.fromEntries([["warning-signs", "I stop answering my phone"], ["on-my-own", "Walk round the park"],
      ["people-to-ask", "Mum", "07700 900123"], ["reasons", "My dog, Biscuit"]]
      .map(([step, text, phone], i) => [`p${i}`, { at: start + i, value: { step, text, created_at: start + i, ...(phone ? { phone } : {}) } }])),
    positions: Object.fromEntries([0, 1, 2, 3].map((i) => [`p${i}`, { at: start + i, value: 0 }])) },
  "recovery-guide:history": { version: 1,
    snapshots: Object.fromEntries([[0, 5, 6], [14, 7, 5], [30, 6, 4], [45, 10, 3], [60, 12, 3]].map(([d, t, w], i) => [`s${i}`, snapshot(d, t, w)])) },
};

for (const scheme of /** @type {const} */ (["light", "dark"])) {
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme: scheme });
    await page.addInitScript((entries) => {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, JSON.stringify(value));
    }, seed);
    for (const [id, path] of routes) {
      await page.goto(base + path);
      await page.locator("main h1").waitFor();
      await page.screenshot({ path: `${out}/${id}-${width}-${scheme}.png`, fullPage: true });
    }
    await page.close();
  }
}
await browser.close();
console.log(`screenshots in ${out}`);

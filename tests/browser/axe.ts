// axe-core over the page as it is now, with the WCAG 2.2 A and AA rules; no violations allowed.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Checks the whole page, or only what `within` (a CSS selector) selects. */
export async function expectNoAxeViolations(page: Page, what: string, within?: string) {
  const builder = new AxeBuilder({ page }).withTags(TAGS);
  const results = await (within ? builder.include(within) : builder).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
  expect(found, `axe violations on ${what}`).toEqual([]);
}

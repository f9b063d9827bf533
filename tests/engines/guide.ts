// The guide as a person uses it, in one WebDriver session: open a page, find things by the words on
// them, click, type, press keys, download and upload files. Tests read like the Playwright ones,
// with `expect.poll` for anything that takes a moment.
import { existsSync, readdirSync, rmSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { By, Key, WebDriver, WebElement, until } from "selenium-webdriver";
import { expect } from "@playwright/test";
import type { Engine } from "./engines";
import { onHost, type Site } from "../browser/sites";

export { By, Key };

const FIND_TIMEOUT_MS = 10_000;

/** A string as an XPath literal, whatever quotes it holds. */
function literal(text: string): string {
  if (!text.includes("'")) return `'${text}'`;
  return `concat(${text.split("'").map((part) => `'${part}'`).join(`, "'", `)})`;
}

/** Finding things by what a person reads on them. */
export const by = {
  button: (name: string) => By.xpath(`//button[normalize-space()=${literal(name)} or @aria-label=${literal(name)}]`),
  /** A link whose words are `name` (the bookmark count after "Bookmarks" is allowed). */
  link: (name: string) => By.xpath(`//a[normalize-space()=${literal(name)} or starts-with(normalize-space(), ${literal(`${name},`)})]`),
  navLink: (name: string) => By.xpath(`//nav[@aria-label='Main']//a[normalize-space()=${literal(name)} or starts-with(normalize-space(), ${literal(name)})]`),
  /** A bookmark toggle, by the title it bookmarks, whether it is bookmarked now or not. */
  bookmark: (title: string) => By.xpath(`//button[@aria-label=${literal(`Bookmark: ${title}`)} or @aria-label=${literal(`Bookmarked: ${title}`)}]`),
  /** One checklist item (its fieldset, named by its legend). */
  group: (name: string) => By.xpath(groupPath(name)),
  checkbox: (group: string, label: string) => By.xpath(`${groupPath(group)}//label[normalize-space()=${literal(label)}]/input`),
  noteToggle: (group: string) => By.xpath(`${groupPath(group)}//summary[normalize-space()='Private note']`),
  note: (group: string) => By.xpath(`${groupPath(group)}//textarea`),
  /** A form field, by the words of its label. */
  field: (label: string) => By.xpath(`//*[@id=//label[normalize-space()=${literal(label)}]/@for]`),
  text: (words: string) => By.xpath(`//*[text()[contains(., ${literal(words)})]]`),
  heading: By.css("main h1"),
  status: By.css(".status"),
  css: By.css,
  xpath: By.xpath,
};

function groupPath(name: string) {
  return `//fieldset[legend[normalize-space()=${literal(name)}]]`;
}

export class Guide {
  constructor(
    readonly driver: WebDriver,
    readonly engine: Engine,
    readonly site: Site,
    /** Where the site is served: http://127.0.0.1:port */
    public origin: string,
    readonly downloads: string,
  ) {}

  /** A path inside the app ("/reflect") as a full address on the site being tested. */
  url(path: string) {
    return this.origin + onHost(this.site, path);
  }

  /** Every `securitypolicyviolation` seen so far in pages of the app, as "directive: blocked
   * (where)". The fixture fails the test if any are left at the end. */
  readonly policyViolations: string[] = [];

  /** Opens a path inside the app and waits until the app has started on it. */
  async open(path: string) {
    await this.collectPolicyViolations();
    await this.driver.get(this.url(path));
    await this.ready();
  }

  /** Reloads the page as the browser's Reload button does. Not WebDriver's Refresh: geckodriver
   * reloads bypassing the cache (LOAD_FLAGS_BYPASS_CACHE, like Shift+Reload), which also bypasses
   * the service worker, so an offline reload would fail where a person's would not. */
  async reload() {
    await this.collectPolicyViolations();
    const before = await this.find(By.css("html"));
    await this.driver.executeScript("location.reload()");
    await this.driver.wait(until.stalenessOf(before), FIND_TIMEOUT_MS, "the page reloads");
    await this.ready();
  }

  /** Waits until the app has started on the prerendered page (the wasm has loaded and hydrated). */
  async ready() {
    await this.find(By.css("html[data-app=ready]"));
    await this.driver.wait(until.elementIsVisible(await this.find(by.heading)), FIND_TIMEOUT_MS);
    await this.watchPolicyViolations();
  }

  /** Listens in this page for anything its Content-Security-Policy blocks. WebDriver has no
   * scripts that run before the page's own, so this starts once the app is ready: a policy that
   * blocked the app's start would show as the app never getting ready. The listener's script comes
   * from the driver, so the page's own policy does not stop it. */
  private async watchPolicyViolations() {
    await this.driver.executeScript(`
      if (window.__policyViolations) return;
      window.__policyViolations = [];
      addEventListener("securitypolicyviolation", (event) => window.__policyViolations.push(
        \`\${event.effectiveDirective}: \${event.blockedURI || "inline"} (\${event.sourceFile || location.pathname}:\${event.lineNumber})\`), true);`);
  }

  /** Moves what the page's listener saw into `policyViolations`, before the page goes (a new
   * page starts with none). Pages that are not the app's (another site) are not asked. */
  async collectPolicyViolations() {
    const current = await this.driver.getCurrentUrl();
    if (!current.startsWith(this.origin)) return;
    const seen: string[] | null = await this.driver.executeScript("return window.__policyViolations ? window.__policyViolations.splice(0) : null");
    this.policyViolations.push(...(seen ?? []));
  }

  async find(locator: By): Promise<WebElement> {
    return this.driver.wait(until.elementLocated(locator), FIND_TIMEOUT_MS, `not found: ${locator}`);
  }

  async count(locator: By): Promise<number> {
    return (await this.driver.findElements(locator)).length;
  }

  /** What `locator` finds, once enabled, scrolled into view at once: WebKitWebDriver checks where
   * an element is before a smooth scroll (the app's default) has brought it there. */
  async reachable(locator: By): Promise<WebElement> {
    const element = await this.find(locator);
    await this.driver.wait(until.elementIsEnabled(element), FIND_TIMEOUT_MS, `not enabled: ${locator}`);
    await this.driver.executeScript("arguments[0].scrollIntoView({ block: 'center', behavior: 'instant' })", element);
    return element;
  }

  async click(locator: By) {
    await (await this.reachable(locator)).click();
  }

  /** Types `text` into the field, key by key, after emptying it. */
  async fill(locator: By, text: string) {
    const element = await this.reachable(locator);
    await element.clear();
    await element.sendKeys(text);
  }

  /** Presses keys one after another on whatever has focus. */
  async press(...keys: string[]) {
    for (const key of keys) await this.driver.actions().sendKeys(key).perform();
  }

  /** The words a person sees in the element, spaces tidied (engines differ in line breaks). */
  async text(locator: By): Promise<string> {
    const elements = await this.driver.findElements(locator);
    if (elements.length === 0) return "";
    return (await elements[0].getText()).replace(/\s+/g, " ").trim();
  }

  async texts(locator: By): Promise<string[]> {
    const elements = await this.driver.findElements(locator);
    return Promise.all(elements.map(async (e) => (await e.getText()).replace(/\s+/g, " ").trim()));
  }

  async attribute(locator: By, name: string): Promise<string | null> {
    return (await this.find(locator)).getAttribute(name);
  }

  async value(locator: By): Promise<string> {
    return this.driver.executeScript("return arguments[0].value", await this.find(locator));
  }

  async checked(locator: By): Promise<boolean> {
    return (await this.find(locator)).isSelected();
  }

  async isFocused(locator: By): Promise<boolean> {
    const elements = await this.driver.findElements(locator);
    return elements.length > 0 && this.driver.executeScript("return arguments[0] === document.activeElement", elements[0]);
  }

  /** What has focus, for messages: its tag and first words. */
  async focusedElement(): Promise<string> {
    return this.driver.executeScript("const el = document.activeElement; return el ? `${el.tagName} ${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}` : ''");
  }

  async heading(): Promise<string> {
    return this.text(by.heading);
  }

  async path(): Promise<string> {
    const url = new URL(await this.driver.getCurrentUrl());
    return url.pathname + url.search + url.hash;
  }

  async stored(key: string): Promise<string | null> {
    return this.driver.executeScript("return localStorage.getItem(arguments[0])", key);
  }

  /** Runs `click` and returns the path of the file it downloaded, once the browser has finished
   * writing it. */
  async download(click: () => Promise<void>): Promise<string> {
    rmSync(this.downloads, { recursive: true, force: true });
    mkdirSync(this.downloads, { recursive: true });
    await click();
    // Firefox writes `name.part` first, WebKit `name.wkdownload`; the finished file has its own name.
    let found = "";
    await expect
      .poll(() => {
        found = readdirSync(this.downloads).find((name) => !/\.(part|wkdownload|download)$/.test(name)) ?? "";
        return found;
      }, { message: "a finished download" })
      .not.toBe("");
    return join(this.downloads, found);
  }

  /** Chooses `file` in the file field labelled `label`, as a person picking it would. */
  async upload(label: string, file: string) {
    if (!existsSync(file)) throw new Error(`no such file: ${file}`);
    const input = await this.find(by.field(label));
    await this.driver.wait(until.elementIsEnabled(input), FIND_TIMEOUT_MS);
    await input.sendKeys(file);
  }
}

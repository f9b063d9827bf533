import { test, expect, appReady, holdTheApp } from "./fixtures";
import { digits, firstNumber, help, literally, NATION, serviceLabel } from "./content";
import type { Page } from "@playwright/test";

test("every urgent help number is a tap-to-call or tap-to-text link beside its country", async ({ page }) => {
  await page.goto("/help");
  await appReady(page);
  for (const service of help.service) {
    const card = page.locator(`article[id="${service.id}"]`);
    await expect(card).toContainText(service.country);
    // Under its country's heading, too.
    await expect(card.locator("xpath=ancestor::section[1]/h2")).toHaveText(service.country);
    for (const contact of service.contacts.filter((c) => c.number)) {
      const digits = contact.number!.replace(/\s/g, "");
      const scheme = contact.how === "call" ? "tel:" : "sms:";
      const link = card.locator(`a[href^="${scheme}${digits}"]`);
      await expect(link, `${service.id}: ${contact.how} ${contact.number}`).toHaveCount(1);
      await expect(link).toContainText(contact.number!);
    }
  }
  await expect(page.getByText(`These numbers were checked in ${help.checked}.`)).toBeVisible();
});

test("111, Lifeline and 116 123 are never shown without saying which country they are for", async ({ page }) => {
  await page.goto("/help");
  await appReady(page);
  const cards = page.locator("article.service");
  // The services in help.toml that call a number, and the countries they are for (so the loops
  // below cannot pass by finding none, and the countries come from the content).
  const calling = (number: string) => help.service.filter((s) => s.contacts.some((c) => c.how === "call" && digits(c.number!) === number));
  const oneOf = (countries: string[]) => new RegExp(`\\((${countries.map(literally).join("|")})\\)`);
  for (const number of ["111", "116123"]) {
    const services = calling(number);
    const links = page.locator(`main article a[href="tel:${number}"]`);
    expect(new Set(services.map((s) => s.country)).size, `countries with a service calling ${number} in help.toml`).toBeGreaterThan(1);
    await expect(links).toHaveCount(services.length);
    for (const link of await links.all()) {
      await expect(link.locator("xpath=ancestor::article[1]").locator("h3")).toContainText(oneOf(services.map((s) => s.country)));
    }
  }
  const lifelines = cards.filter({ has: page.locator("h3", { hasText: /^Lifeline/ }) });
  const lifelinesInContent = help.service.filter((s) => s.name.startsWith("Lifeline")).length;
  expect(lifelinesInContent, "services called Lifeline in help.toml").toBeGreaterThan(1);
  await expect(lifelines).toHaveCount(lifelinesInContent);
  for (const lifeline of await lifelines.all()) {
    await expect(lifeline.locator("h3")).toContainText(oneOf(help.service.filter((s) => s.name.startsWith("Lifeline")).map((s) => s.country)));
    await expect(lifeline).toContainText("different service");
  }
});

const picker = (page: Page) => page.getByLabel("Where are you?");
const sectionHeadings = (page: Page) => page.locator("main section.help-country > h2");

test("choosing a nation shows the UK-wide numbers with it, nothing from elsewhere, and is remembered", async ({ page }) => {
  await page.goto("/help");
  await appReady(page);
  const here = [NATION.name, NATION.part_of!];
  await picker(page).selectOption(NATION.name);
  await expect(sectionHeadings(page)).toHaveText(here);
  const shown = help.service.filter((s) => here.includes(s.country));
  for (const service of shown) {
    await expect(page.locator(`article[id="${service.id}"]`)).toBeVisible();
  }
  // Nothing from elsewhere, such as New Zealand's "Call 111" (its emergency number) beside the
  // nation's own 111: as many services as the nation and the UK have, no more.
  const mainNumber = digits(firstNumber(NATION.mainService));
  const elsewhereSameNumber = help.service.filter((s) => !here.includes(s.country) && s.contacts.some((c) => c.number && digits(c.number) === mainNumber));
  expect(elsewhereSameNumber.length, `services elsewhere that call ${mainNumber}`).toBeGreaterThan(0);
  for (const service of elsewhereSameNumber) await expect(page.locator(`article[id="${service.id}"]`)).toHaveCount(0);
  await expect(page.locator("main article.service")).toHaveCount(shown.length);
  await expect(page.getByRole("heading", { name: `Help in ${NATION.name}` })).toBeVisible();
  const first = page.locator(".first-help");
  for (const service of [NATION.emergencyService, NATION.mainService]) {
    const name = new RegExp(`${literally(serviceLabel(service))}.*Call ${literally(firstNumber(service))}`);
    await expect(first.getByRole("link", { name })).toBeVisible();
  }

  await page.reload();
  await appReady(page);
  await expect(picker(page)).toHaveValue(NATION.name);
  await expect(sectionHeadings(page)).toHaveText(here);

  // England too; and "Every country" brings every place back, grouped by country.
  await picker(page).selectOption("England");
  await expect(sectionHeadings(page)).toHaveText(["England", "UK"]);
  await expect(page.locator(".first-help").getByRole("link", { name: /NHS 111 \(England\).*Call 111.*mental health option/ })).toBeVisible();
  await picker(page).selectOption("");
  await expect(sectionHeadings(page)).toHaveText(help.place.map((p) => p.name));
  await page.reload();
  await appReady(page);
  await expect(picker(page)).toHaveValue("");
});

test("the new places are on the page with their own numbers, and nothing unverified", async ({ page }) => {
  await page.goto("/help");
  await appReady(page);
  for (const [place, links] of [
    ["Wales", ['a[href="tel:111"]']],
    ["Northern Ireland", ['a[href="tel:08088088000"]']],
    ["Ireland", ['a[href="tel:112"]', 'a[href="tel:116123"]', 'a[href="sms:50808"]', 'a[href="tel:1800111888"]']],
    ["Australia", ['a[href="tel:000"]', 'a[href="tel:131114"]', 'a[href="sms:0477131114"]', 'a[href="tel:1300224636"]', 'a[href="tel:139276"]']],
    ["Canada", ['a[href="tel:911"]', 'a[href="tel:988"]', 'a[href="sms:988"]', 'a[href="sms:686868?body=CONNECT"]']],
  ] as const) {
    const section = page.locator(`section.help-country:has(> h2:text-is("${place}"))`);
    for (const link of links) await expect(section.locator(link), `${place}: ${link}`).toHaveCount(1);
  }
  await expect(page.locator('[id="wales-nhs-111"]')).toContainText("press 2");
  await expect(page.locator('[id="england-nhs-111"]')).not.toContainText(/press 2|option 2/);
  // Kids Help Phone's call number and a start word for 50808 are not verified.
  await expect(page.locator('a[href^="tel:18006686868"], a[href^="tel:1-800"]')).toHaveCount(0);
  await expect(page.locator('a[href^="sms:50808?"]')).toHaveCount(0);
});

test("a link to another country's service shows it even when a place is chosen", async ({ page }) => {
  await page.goto("/help");
  await appReady(page);
  await picker(page).selectOption(NATION.name);
  await page.goto("/about");
  await page.goto("/help#usa-988");
  await appReady(page);
  await expect(page.locator('article[id="usa-988"]')).toBeInViewport();
  // Choosing again is what counts: the page then shows that place.
  await picker(page).selectOption("Wales");
  await expect(sectionHeadings(page)).toHaveText(["Wales", "UK"]);
});

// The text size is a display setting (Settings in src/data/settings.rs), applied before the first paint.
const seedSettings = (page: Page, settings: object) =>
  page.addInitScript((value) => localStorage.setItem("recovery-guide:settings", JSON.stringify(value)), { version: 1, ...settings });

test("a remembered place applies once the app has started, on the same prerendered page", async ({ page }) => {
  const warnings: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  await seedSettings(page, { place: "Wales" });
  const release = await holdTheApp(page);
  await page.goto("/help", { waitUntil: "domcontentloaded" });
  // Before the app starts: the prerendered page, with every place.
  await expect(sectionHeadings(page)).toHaveText(help.place.map((p) => p.name));
  await page.evaluate(() => ((window as any).prerenderedHeading = document.querySelector("main h1")));
  release();
  await appReady(page);
  await expect(sectionHeadings(page)).toHaveText(["Wales", "UK"]);
  expect(await page.evaluate(() => document.querySelector("main h1") === (window as any).prerenderedHeading), "hydrated in place").toBe(true);
  expect(warnings).toEqual([]);
});

for (const [textSize, screens] of [["standard", 1], ["largest", 2]] as const) {
  for (const place of [undefined, NATION.name, "Australia"]) {
    test(`numbers to call are on the ${screens === 1 ? "first screen" : "first two screens"} of a phone at ${textSize} text, ${place ?? "no place chosen"}`, async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 780 });
      await seedSettings(page, { text_size: textSize, ...(place ? { place } : {}) });
      await page.goto("/help");
      await appReady(page);
      const firstCall = (await page.locator('main a[href^="tel:"]').first().boundingBox())!;
      expect(firstCall.y + firstCall.height, "the first call button on the page").toBeLessThanOrEqual(780 * screens);
      // It opens the place's emergency number and main line, or every country's emergency number.
      const first = page.getByRole("region", { name: place ? `Help in ${place}` : "Emergency numbers, if a life is at risk" });
      const calls = first.locator('a[href^="tel:"]');
      expect(await calls.count()).toBe(place ? 2 : help.place.filter((p) => !p.part_of).length);
      for (const call of await calls.all()) {
        const box = (await call.boundingBox())!;
        expect(box.y + box.height, `${await call.innerText()} ends within ${screens} screen(s)`).toBeLessThanOrEqual(780 * screens);
        expect(box.height, "a big target").toBeGreaterThanOrEqual(44);
      }
    });
  }
}

test("at 320 px, the largest text and dark colours, the help page never scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await seedSettings(page, { theme: "dark", text_size: "largest" });
  await page.goto("/help");
  await appReady(page);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const email = page.getByRole("link", { name: "Email jo@samaritans.org" });
  const card = page.locator('article[id="uk-samaritans"]');
  const [emailBox, cardBox] = [(await email.boundingBox())!, (await card.boundingBox())!];
  expect(emailBox.x + emailBox.width, "the email address stays inside its card").toBeLessThanOrEqual(cardBox.x + cardBox.width);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

// Reading aloud with the browser's own speech, against a scripted stand-in (tests/browser/speech.ts).
import { test, expect, appReady, holdTheApp, watchLayoutShift } from "./fixtures";
import { expectNoAxeViolations } from "./axe";
import { AROHA, DANIEL, REMOTE, SAMANTHA, cancels, endUtterance, said, speaking, standInSpeech } from "./speech";

const words = (text: string) => text.split(/\s+/).filter(Boolean);

test("Listen reads the whole article, a sentence at a time and in order, showing where it is", async ({ page }) => {
  await standInSpeech(page, [REMOTE, SAMANTHA, DANIEL]);
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/");
  await appReady(page);
  await page.getByRole("button", { name: "Listen to the whole article" }).click();
  await expect(page.getByRole("button", { name: "Pause" })).toBeFocused();
  const first = await said(page);
  // The heading first, with the British English voice made on the device (never Google's, which
  // sends the text away), at normal speed.
  expect(first).toEqual([{ text: await page.locator("h1").innerText(), lang: "en-GB", voice: "Daniel", rate: 1 }]);
  await expect(page.locator(".listen-now")).toHaveText(await page.locator("h1").innerText());
  while (await speaking(page)) await endUtterance(page);
  const all = await said(page);
  expect(all.every((u) => u.text.length <= 300 && u.voice === "Daniel")).toBe(true);
  // One sentence at a time: none holds two.
  expect(all.filter((u) => /[.!?]\s+[A-Z]/.test(u.text))).toEqual([]);
  // Every word of the article, in order, and nothing else (not the bookmark buttons).
  const expected = await page.evaluate(() => {
    const text = (e: Element) => (e as HTMLElement).innerText;
    const parts = [text(document.querySelector("main h1")!), text(document.querySelector("main .intro")!)];
    for (const section of document.querySelectorAll("main .prose-section")) {
      section.querySelectorAll("h2, p, li").forEach((block) => parts.push(text(block)));
    }
    return parts.join(" ");
  });
  expect(words(all.map((u) => u.text).join(" "))).toEqual(words(expected));
  // Done: nothing highlighted, and the button is Listen again.
  await expect(page.locator(".listen-now")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Listen to the whole article" })).toBeFocused();
});

test("the part being read is highlighted and kept in view", async ({ page }) => {
  await standInSpeech(page, [DANIEL]);
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/");
  await appReady(page);
  await page.getByRole("button", { name: "Listen to the whole article" }).click();
  const lastPart = page.locator("main .prose-section").last();
  while (!(await lastPart.locator(".listen-now").count())) await endUtterance(page);
  const highlighted = page.locator(".listen-now");
  await expect(highlighted).toHaveCount(1);
  await expect(highlighted).toBeInViewport();
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(1000);
  // No live region ever says what is read: screen readers have their own speech.
  const live = await page.locator("[aria-live], [role=status], [role=alert]").allInnerTexts();
  expect(live.join(" ")).not.toContain((await speaking(page))!.slice(0, 20));
});

test("while reading, Pause and Stop stay on screen however far reading has scrolled, and nothing moves", async ({ page }) => {
  await standInSpeech(page, [DANIEL]);
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/");
  await appReady(page);
  const intro = page.locator("main .intro");
  const before = (await intro.boundingBox())!.y;
  await page.getByRole("button", { name: "Listen to the whole article" }).click();
  expect((await intro.boundingBox())!.y, "the controls leaving the page moves nothing").toBe(before);
  const lastPart = page.locator("main .prose-section").last();
  while (!(await lastPart.locator(".listen-now").count())) await endUtterance(page);
  // Scrolling there is smooth: once the part being read is in view, the page has moved far down.
  await expect(page.locator(".listen-now")).toBeInViewport();
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(1000);
  await expect(page.getByRole("button", { name: "Pause" })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole("button", { name: "Stop" })).toBeInViewport({ ratio: 1 });
  // What is being read is in view, and not under the controls.
  const bar = (await page.locator(".listen__bar--reading").boundingBox())!;
  const reading = (await page.locator(".listen-now").boundingBox())!;
  expect(reading.y).toBeGreaterThanOrEqual(bar.y + bar.height);
  expect(reading.y).toBeLessThan(780);
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.locator(".listen__bar--reading")).toHaveCount(0);
});

test("each part of the article can be heard on its own, from its heading", async ({ page }) => {
  await standInSpeech(page, [DANIEL]);
  await page.goto("/");
  await appReady(page);
  const section = page.locator("main .prose-section").nth(1);
  const title = await section.locator("h2").innerText();
  await section.getByRole("button", { name: `Listen: ${title}` }).click();
  expect((await said(page))[0].text).toBe(title);
  while (await speaking(page)) await endUtterance(page);
  const heard = (await said(page)).map((u) => u.text).join(" ");
  const blocks = await section.locator("h2, p, li").allInnerTexts();
  expect(words(heard)).toEqual(words(blocks.join(" ")));
});

test("Pause cuts off the sentence, Resume says it again from its start, Stop ends it", async ({ page }) => {
  await standInSpeech(page, [DANIEL]);
  await page.goto("/publications");
  await appReady(page);
  const listen = page.getByRole("button", { name: "Listen to this page" });
  await listen.click();
  await endUtterance(page);
  await endUtterance(page);
  const cut = (await speaking(page))!;
  const highlighted = await page.locator(".listen-now").innerText();
  const cancelled = await cancels(page);
  await page.getByRole("button", { name: "Pause" }).click();
  // Cancelled (Android's Chrome cancels on pause() anyway), still showing where it was.
  expect(await cancels(page)).toBe(cancelled + 1);
  expect(await speaking(page)).toBeNull();
  await expect(page.locator(".listen-now")).toHaveText(highlighted);
  const resume = page.getByRole("button", { name: "Resume" });
  await expect(resume).toBeFocused();
  const before = (await said(page)).length;
  await resume.click();
  expect((await said(page)).slice(before).map((u) => u.text)).toEqual([cut]);
  await endUtterance(page);
  await page.getByRole("button", { name: "Stop" }).click();
  expect(await speaking(page)).toBeNull();
  await expect(page.locator(".listen-now")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Stop" })).toHaveCount(0);
  await expect(listen).toBeFocused();
});

test("Escape stops reading, and so does leaving the page", async ({ page }) => {
  await standInSpeech(page, [DANIEL]);
  await page.goto("/help");
  await appReady(page);
  await page.getByRole("button", { name: "Listen to this page" }).click();
  expect(await speaking(page)).not.toBeNull();
  await page.keyboard.press("Escape");
  expect(await speaking(page)).toBeNull();
  await expect(page.locator(".listen-now")).toHaveCount(0);
  await page.getByRole("button", { name: "Listen to this page" }).click();
  await endUtterance(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Research", exact: true }).click();
  await expect(page.locator("h1")).toHaveText("Research and Practice");
  expect(await speaking(page)).toBeNull();
  await expect(page.locator(".listen-now")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Listen to this page" })).toBeVisible();
});

test("words marked as Māori are said with a Māori voice when the device has one", async ({ page }) => {
  await standInSpeech(page, [DANIEL, AROHA]);
  await page.goto("/publications");
  await appReady(page);
  await page.getByRole("button", { name: "Listen to this page" }).click();
  while (!(await said(page)).some((u) => u.voice === "Aroha")) await endUtterance(page);
  const heard = await said(page);
  const maori = heard.findIndex((u) => u.voice === "Aroha");
  expect(heard[maori]).toMatchObject({ text: "Oranga Ngākau", lang: "mi-NZ" });
  await endUtterance(page);
  expect((await said(page)).at(-1)).toMatchObject({ text: ": Getting the most out of mental health services", voice: "Daniel" });
});

test("without a Māori voice, the sentence is said in one go by the page's voice", async ({ page }) => {
  await standInSpeech(page, [DANIEL]);
  await page.goto("/publications");
  await appReady(page);
  await page.getByRole("button", { name: "Listen to this page" }).click();
  while (!(await said(page)).some((u) => u.text.includes("Ngākau"))) await endUtterance(page);
  expect((await said(page)).at(-1)).toMatchObject({ text: "Oranga Ngākau: Getting the most out of mental health services", voice: "Daniel" });
});

test("with no voice on the device (or only voices on a server), there is no Listen control", async ({ page }) => {
  for (const voices of [[], [REMOTE]]) {
    await standInSpeech(page, voices, 200);
    await page.goto("/publications");
    await appReady(page);
    await expect(page.locator(".listen")).toBeHidden();
    await expect(page.getByRole("button", { name: /Listen/ })).toHaveCount(0);
    await expect(page.getByText("Reading aloud speed")).toHaveCount(0);
  }
});

// Issue 28: with no voice, an empty 44 px box stayed on every page (on /help at 360 px it pushed
// "Where are you?" off the first screen).
test("with no voice, pages opened after that is known keep no room for the control", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await standInSpeech(page, [], 200);
  await page.goto("/");
  await appReady(page);
  // The first page keeps its line (empty) so that nothing moves once the voices are known.
  await expect(page.locator(".listen--silent").first()).toBeAttached({ timeout: 6000 });
  await page.getByRole("link", { name: "Need help now?" }).click();
  await expect(page.locator("h1")).toHaveText("Get help now");
  for (const line of await page.locator(".listen").all()) {
    expect(await line.evaluate((el) => el.getBoundingClientRect().height), "no empty box").toBe(0);
  }
});

const savedSettings = (page: import("@playwright/test").Page) => page.evaluate(() => JSON.parse(localStorage.getItem("recovery-guide:settings") ?? "{}"));

// Issue 28: the first page keeps its empty line so that nothing moves; the device remembers.
test("with no voice, the next visit keeps no room for the control from its first paint, and nothing moves", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await standInSpeech(page, [], 200);
  await page.goto("/help");
  await appReady(page);
  await expect(page.locator(".listen--silent")).toBeAttached({ timeout: 6000 });
  await expect.poll(async () => (await savedSettings(page)).no_voice).toBe(true);
  const whereFirst = await page.getByLabel("Where are you?").boundingBox();

  const release = await holdTheApp(page);
  await page.goto("/help", { waitUntil: "domcontentloaded" });
  await expect(page.locator("html")).not.toHaveAttribute("data-app", "ready");
  expect(await page.locator(".listen").evaluate((el) => el.getBoundingClientRect().height), "no empty line before the app starts").toBe(0);
  const layoutShift = await watchLayoutShift(page);
  release();
  await appReady(page);
  // Past the time the stand-in takes to say it has no voice.
  await page.waitForTimeout(600);
  expect(await page.locator(".listen").evaluate((el) => el.getBoundingClientRect().height), "nor after").toBe(0);
  expect(await layoutShift(), "layout shift").toBeLessThan(0.01);
  const where = await page.getByLabel("Where are you?").boundingBox();
  expect(where!.y, "“Where are you?” moves up by the empty line's room").toBeLessThan(whereFirst!.y - 40);
});

test("a device that has gained a voice gets the Listen control back", async ({ page }) => {
  await page.goto("/help");
  await page.evaluate(() => localStorage.setItem("recovery-guide:settings", JSON.stringify({ version: 1, no_voice: true })));
  await standInSpeech(page, [DANIEL], 200);
  await page.reload();
  await appReady(page);
  await expect(page.getByRole("button", { name: "Listen to this page" })).toBeVisible();
  await expect.poll(async () => (await savedSettings(page)).no_voice).toBe(false);
});

test("voices that arrive late still bring the control, and the chosen voice and speed are remembered", async ({ page }) => {
  await standInSpeech(page, [DANIEL, SAMANTHA, REMOTE], 600);
  await page.goto("/publications");
  await appReady(page);
  // Its line is kept while the voices are on their way: nothing moves when it appears.
  const top = await page.locator(".resource-list").boundingBox();
  await expect(page.getByRole("button", { name: "Listen to this page" })).toBeVisible();
  expect((await page.locator(".resource-list").boundingBox())!.y).toBe(top!.y);
  const voice = page.getByLabel("Voice for reading aloud");
  // Only the device's own voices are offered.
  expect(await voice.locator("option").allInnerTexts()).toEqual(["Best for this guide", "Daniel (en-GB)", "Samantha (en-US)"]);
  await voice.selectOption({ label: "Samantha (en-US)" });
  await page.getByRole("group", { name: "Reading aloud speed" }).getByLabel("Slower").check();
  await page.reload();
  await appReady(page);
  await expect(page.getByLabel("Voice for reading aloud")).toHaveValue("Samantha");
  await page.getByRole("button", { name: "Listen to this page" }).click();
  const first = (await said(page))[0];
  expect(first).toMatchObject({ voice: "Samantha", lang: "en-US" });
  expect(first.rate).toBeCloseTo(0.8);
});

test("your plan can be read back to you, and stops when the page is left", async ({ page }) => {
  await standInSpeech(page, [DANIEL]);
  await page.goto("/plan");
  await appReady(page);
  await expect(page.getByRole("button", { name: "Listen to your plan" })).toHaveCount(0);
  const first = page.locator(".plan-step").first();
  for (const sign of ["I stop answering messages. I sleep badly", "Dr. Patel says I go quiet"]) {
    await first.getByLabel("A sign I notice").fill(sign);
    await first.getByRole("button", { name: /^Add/ }).click();
    await expect(first.locator(".plan-entry__text").last()).toHaveText(sign);
  }
  await page.getByRole("button", { name: "Listen to your plan" }).click();
  while (await speaking(page)) await endUtterance(page);
  // The steps written in, and what the person wrote: not the questions, examples or empty steps.
  const heading = await first.locator("h2").innerText();
  expect((await said(page)).map((u) => u.text)).toEqual([heading, "I stop answering messages.", "I sleep badly", "Dr. Patel says I go quiet"]);
  // Never in a live region.
  const live = await page.locator("[aria-live], [role=status], [role=alert]").allInnerTexts();
  expect(live.join(" ")).not.toContain("answering messages");
});

test("the open menu, a page being read and the reading settings pass axe, light and dark", async ({ page }) => {
  await standInSpeech(page, [DANIEL, SAMANTHA]);
  await page.setViewportSize({ width: 360, height: 780 });
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/");
    await appReady(page);
    await page.getByRole("button", { name: "Menu" }).click();
    await expectNoAxeViolations(page, `the open menu (${scheme})`);
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("button", { name: "Listen to the whole article" }).click();
    // On to the part's summary and a paragraph with a link: the highlight keeps text readable.
    for (let i = 0; i < 6; i++) await endUtterance(page);
    await expectNoAxeViolations(page, `the home page being read (${scheme})`);
    await page.getByRole("button", { name: "Pause" }).click();
    await expectNoAxeViolations(page, `the home page paused (${scheme})`);
  }
});

// The Content-Security-Policy: every page the build writes carries it (with the hashes of exactly
// its own inline scripts and styles), _headers carries it for hosts that read one, and the
// fixture every test uses fails a test on anything the policy blocks. Run for both builds.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { test, expect, appReady, holdTheApp, bookmarkButton } from "./fixtures";
import { HUNDRED_WAYS, routedPages } from "./content";
import { siteOf } from "./sites";

const hashOf = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** A policy as its directives, each with its sources. */
const directives = (policy: string) =>
  Object.fromEntries(policy.split(";").map((d) => d.trim().split(/\s+/)).filter(([name]) => name).map(([name, ...sources]) => [name, sources]));

/** Every HTML file in the build, as paths inside it ("about/index.html"). */
const htmlFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html")).sort();

/** The rules of a _headers file: a path, then its indented "Name: value" lines. */
function readHeadersFile(text: string) {
  const rules: { path: string; headers: Record<string, string> }[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: {} });
    else {
      const [name, ...value] = line.trim().split(": ");
      rules.at(-1)!.headers[name.toLowerCase()] = value.join(": ");
    }
  }
  return rules;
}

const appDirOf = (testInfo: import("@playwright/test").TestInfo) => {
  const site = siteOf(testInfo);
  return join(site.root, site.base);
};

test("every page the build writes has the policy first in its head, with the hashes of exactly its own inline scripts and styles", async ({ browser, baseURL }, testInfo) => {
  const site = siteOf(testInfo);
  const files = htmlFiles(appDirOf(testInfo));
  const routes = routedPages.map((p) => (p.path === "/" ? "index.html" : `${p.path!.slice(1)}/index.html`));
  expect(files).toEqual([...routes, "404.html"].sort());
  // Read by the browser's own parser, with scripts off so <noscript>'s style is an element too.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const file of files) {
    await page.goto(`${baseURL}${site.base}${file}`);
    const head = await page.evaluate(() => ({
      firstTwo: [...document.head.children].slice(0, 2).map((e) => e.outerHTML.replace(/ content="[^"]*"/, "")),
      policies: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.getAttribute("content")!),
      scripts: [...document.querySelectorAll("script:not([src])")].map((s) => s.textContent!),
      styles: [...document.querySelectorAll("style")].map((s) => s.textContent!),
    }));
    expect(head.firstTwo, file).toEqual(['<meta charset="utf-8">', '<meta http-equiv="Content-Security-Policy">']);
    expect(head.policies, file).toHaveLength(1);
    // The theme, the install offer and the loader; the stylesheet and the no-script style.
    expect([head.scripts.length, head.styles.length], file).toEqual([3, 2]);
    const policy = directives(head.policies[0]);
    expect(policy, file).toEqual({
      "default-src": ["'self'"],
      "script-src": ["'self'", "'wasm-unsafe-eval'", ...head.scripts.map(hashOf)],
      "style-src": head.styles.map(hashOf),
      "img-src": ["'self'"],
      "connect-src": ["'self'"],
      "worker-src": ["'self'"],
      "manifest-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'none'"],
      "form-action": ["'self'"],
    });
  }
  await context.close();
});

test("_headers carries the same policy for the build's own paths, plus what only a header can", async ({ request, baseURL }, testInfo) => {
  const site = siteOf(testInfo);
  const file = join(appDirOf(testInfo), "_headers");
  expect(existsSync(file), "_headers in the build").toBe(true);
  const rules = readHeadersFile(readFileSync(file, "utf8"));
  expect(rules.map((r) => r.path)).toEqual([`${site.base}*`]);
  const { headers } = rules[0];
  const home = await (await request.get(baseURL + site.base)).text();
  const pagePolicy = home.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)![1];
  expect(headers["content-security-policy"]).toBe(`${pagePolicy}; frame-ancestors 'none'`);
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  const features = headers["permissions-policy"].split(", ");
  for (const off of ["camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"]) expect(features).toContain(off);
  // Used now or soon: copying to the clipboard; reading aloud needs no permission at all.
  expect(features.join(" ")).not.toMatch(/clipboard|speech/);
});

test("served with _headers, as Netlify or Cloudflare Pages would, the app works, and no other site can frame it", async ({ page, baseURL }, testInfo) => {
  const site = siteOf(testInfo);
  const { headers } = readHeadersFile(readFileSync(join(appDirOf(testInfo), "_headers"), "utf8"))[0];
  const warnings: string[] = [];
  page.on("console", (message) => /Permissions-Policy|Content Security Policy|Referrer/i.test(message.text()) && warnings.push(message.text()));
  await page.route(`${baseURL}${site.base}**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), ...headers } });
  });
  await page.goto("/publications");
  await appReady(page);
  await bookmarkButton(page, HUNDRED_WAYS).click();
  await expect(bookmarkButton(page, HUNDRED_WAYS)).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("contentinfo").getByRole("link", { name: "Your data" }).click();
  await expect(page.locator("main h1")).toHaveText("Your data");
  expect(warnings, "the browser understood every header").toEqual([]);

  // frame-ancestors 'none': a page elsewhere that puts the guide in a frame gets nothing.
  await page.goto("about:blank");
  await page.setContent(`<iframe src="${baseURL}${site.base}help"></iframe>`);
  await expect.poll(() => warnings.join("\n")).toContain("frame-ancestors 'none'");
  await expect(page.frameLocator("iframe").locator("main h1")).toHaveCount(0);
});

test("the fixture sees what the policy blocks: an inline script put into the page does not run, and is reported", async ({ page, policyViolations }) => {
  await page.goto("/about");
  await appReady(page);
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true;";
    document.body.append(script);
  });
  await expect.poll(() => policyViolations.length).toBe(1);
  expect(policyViolations[0]).toMatch(/^script-src-elem: inline /);
  expect(await page.evaluate(() => (window as any).injected)).toBeUndefined();
  // Seen, and expected here: the guard would otherwise fail this test (the next test shows it does).
  policyViolations.length = 0;
});

test("the fixture fails a test that leaves a blocked style behind", async ({ page, policyViolations }) => {
  // Passes only if the test fails: here, in the guard's check after the test body.
  test.fail();
  await page.goto("/about");
  await appReady(page);
  await page.evaluate(() => {
    const style = document.createElement("style");
    style.textContent = "body { color: red; }";
    document.head.append(style);
  });
  await expect.poll(() => policyViolations.length).toBe(1);
});

test("before the app has loaded, the header's search still goes to the search page (forms may go to this site)", async ({ page }) => {
  const release = await holdTheApp(page);
  await page.goto("/");
  await page.getByRole("searchbox", { name: /Search the guide/ }).fill("peer");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\/?\?q=peer$/);
  await expect(page.locator("main h1")).toBeVisible();
  release();
});

import { defineConfig } from "@playwright/test";
import type { Options } from "./tests/engines/fixtures";
import { staticServer } from "./tests/browser/sites";

// The same journeys in the two other browser engines, Firefox ESR (Gecko) and WebKitGTK (WebKit),
// driven over W3C WebDriver (tests/engines/engines.ts), against the same release builds as
// playwright.config.ts, on the same two ports. Playwright's runner runs them; no Playwright browser
// is used. WebKitGTK needs an X display: scripts/test.sh starts Xvfb and sets DISPLAY.
const port = Number(process.env.GUIDE_TEST_PORT ?? 4173);
const root = { siteName: "root" as const, baseURL: `http://127.0.0.1:${port}` };
const subPath = { siteName: "sub-path" as const, baseURL: `http://127.0.0.1:${port + 1}` };
// The sub-path build is checked where the base path matters: tests tagged SUB_PATH (fixtures.ts).
const subPathJourneys = /@sub-path/;

export default defineConfig<Options>({
  testDir: "tests/engines",
  fullyParallel: true,
  workers: 2,
  // WebKitGTK under load sometimes never scrolls a focused element into view, or a session does
  // not start (see README, "Three browser engines"): a test that fails is run again, and the
  // report lists it as flaky, rather than failing CI on the driver. Chromium's suite has no retries.
  retries: 2,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results/engines",
  projects: [
    { name: "firefox", use: { engine: "firefox", ...root } },
    { name: "firefox sub-path", use: { engine: "firefox", ...subPath }, grep: subPathJourneys },
    { name: "webkit", use: { engine: "webkit", ...root } },
    { name: "webkit sub-path", use: { engine: "webkit", ...subPath }, grep: subPathJourneys },
  ],
  webServer: [staticServer("dist", port, "/"), staticServer("target/site-subpath", port + 1, "/recovery/")],
});

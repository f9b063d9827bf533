import { defineConfig } from "@playwright/test";
import { staticServer as server } from "./tests/browser/sites";
import { chromePath } from "./scripts/lib/chrome.mjs";

// Browser tests run in Debian's Chromium, or the one $CHROME_PATH names (scripts/lib/chrome.mjs;
// Playwright's own browser download is not reachable here), against release builds served by a plain static file server, as any host would serve them: the
// root build (dist/) for everything, and the sub-path build for routes and offline use.
// GUIDE_TEST_PORT moves both servers (to run two checkouts' tests side by side on one machine).
const port = Number(process.env.GUIDE_TEST_PORT ?? 4173);
const subPathPort = port + 1;

export default defineConfig({
  testDir: "tests/browser",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  outputDir: "test-results",
  projects: [
    { name: "root", use: { baseURL: `http://127.0.0.1:${port}` } },
    {
      name: "sub-path",
      use: { baseURL: `http://127.0.0.1:${subPathPort}` },
      testMatch: ["routes.spec.ts", "offline.spec.ts", "prerender.spec.ts", "csp.spec.ts"],
    },
  ],
  use: {
    launchOptions: {
      executablePath: chromePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [server("dist", port, "/"), server("target/site-subpath", subPathPort, "/recovery/")],
});

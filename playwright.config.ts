import { defineConfig } from "@playwright/test";

// Browser tests run in Debian's Chromium (Playwright's own browser download is not reachable here)
// against the release build in dist/, served by a plain static file server like any real host.
const port = 4173;

export default defineConfig({
  testDir: "tests/browser",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
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
  webServer: {
    command: `http-server dist -a 127.0.0.1 -p ${port} -c-1 -d false -s`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});

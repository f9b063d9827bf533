// A `page` that fails the test if the app logs an error or asks any host other than the local
// server for anything: people's use of the guide must never reach a third party.
import { test as base, expect } from "@playwright/test";

export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = [];
      const origin = new URL(baseURL!).origin;
      page.on("console", (message) => {
        // A 404 status for the not-found page is expected and not an app error.
        if (message.type() === "error" && !message.text().includes("404")) problems.push(`console: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("request", (request) => {
        const url = request.url();
        if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) {
          problems.push(`third-party request: ${url}`);
        }
      });
      await use();
      expect(problems, "no console errors and no third-party requests").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the app has started and drawn the page (the wasm has loaded). */
export async function appReady(page: import("@playwright/test").Page) {
  await expect(page.locator("main h1")).toBeVisible();
}

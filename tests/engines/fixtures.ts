// Each test gets `guide`: a fresh browser session (a new profile, so no stored data and no service
// worker) in the project's engine, on the project's build (root or sub-path). Each worker runs one
// driver on its own port. Playwright's runner runs these tests; no Playwright browser is used.
//
// To add a journey (the passphrase lock, quick exit, read-aloud, the plan…): a new
// tests/engines/<journey>.spec.ts using `test` and `guide` from here, and `by` from ./guide for
// finding things by their words. Where an engine cannot do something, test the app's fallback
// there; a skip must name the engine and the reason: `test.skip(engine === "webkit", "WebKitGTK: …")`.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { test as base, expect } from "@playwright/test";
import { Builder } from "selenium-webdriver";
import { engines, type EngineName } from "./engines";
import { Guide, by } from "./guide";
import { sites, type Site } from "../browser/sites";

export type Options = { engine: EngineName; siteName: keyof typeof sites };

/** Ports for this worker, above the two static servers at GUIDE_TEST_PORT and the next one. */
export type Ports = { driver: number; server: number };

export const test = base.extend<{ guide: Guide; site: Site; downloads: string }, Options & { ports: Ports; driverUrl: string }>({
  engine: ["firefox", { option: true, scope: "worker" }],
  siteName: ["root", { option: true, scope: "worker" }],
  ports: [
    async ({}, use, workerInfo) => {
      const first = Number(process.env.GUIDE_TEST_PORT ?? 4173) + 2 + workerInfo.parallelIndex * 2;
      await use({ driver: first, server: first + 1 });
    },
    { scope: "worker" },
  ],
  driverUrl: [
    async ({ engine, ports }, use, workerInfo) => {
      const folder = workerFolder(workerInfo.project.outputDir, workerInfo.parallelIndex);
      mkdirSync(folder, { recursive: true });
      const { command, args, env } = engines[engine].driver(ports.driver, join(folder, "downloads"));
      const log = createWriteStream(join(folder, `${engine}-driver.log`));
      const driver = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
      driver.stdout.pipe(log);
      driver.stderr.pipe(log);
      const url = `http://127.0.0.1:${ports.driver}`;
      await expect
        .poll(async () => (await fetch(`${url}/status`).catch(() => null))?.ok ?? false, { message: `${command} answers on ${url}`, timeout: 15_000 })
        .toBe(true);
      await use(url);
      driver.kill();
    },
    { scope: "worker" },
  ],
  downloads: async ({}, use, testInfo) => use(join(workerFolder(testInfo.project.outputDir, testInfo.parallelIndex), "downloads")),
  site: async ({ siteName }, use) => use(sites[siteName]),
  guide: async ({ engine, driverUrl, downloads, site, baseURL }, use, testInfo) => {
    const driver = await new Builder().usingServer(driverUrl).withCapabilities(engines[engine].capabilities(downloads)).build();
    try {
      await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
      await driver.manage().window().setRect({ width: 1280, height: 900 });
      const guide = new Guide(driver, engines[engine], site, baseURL!, downloads);
      await use(guide);
      if (testInfo.status === testInfo.expectedStatus) await expectNothingAmiss(guide);
      else await testInfo.attach("screenshot", { body: Buffer.from(await driver.takeScreenshot(), "base64"), contentType: "image/png" });
    } finally {
      await driver.quit();
    }
  },
});

/** The driver's log and the downloads of one worker. */
const workerFolder = (outputDir: string, parallelIndex: number) => join(outputDir, `worker-${parallelIndex}`);

/** The page the test ended on asked no other host for anything (people's use of the guide must
 * never reach a third party), and the app did not crash. */
async function expectNothingAmiss(guide: Guide) {
  const origin = new URL(await guide.driver.getCurrentUrl()).origin;
  const requests: string[] = await guide.driver.executeScript("return performance.getEntriesByType('resource').map((entry) => entry.name)");
  expect(requests.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url)), "third-party requests").toEqual([]);
  expect(await guide.count(by.css(".crash")), "the crash message").toBe(0);
}

export { expect };

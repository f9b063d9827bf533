// Each test gets `guide`: a fresh browser session (a new profile, so no stored data and no service
// worker) in the project's engine, on the project's build (root or sub-path). Each worker runs one
// driver on its own port (and, for WebKitGTK, its own X display). Playwright's runner runs these
// tests; no Playwright browser is used.
//
// To add a journey (read-aloud…): a new
// tests/engines/<journey>.spec.ts using `test` and `guide` from here, and `by` from ./guide for
// finding things by their words. Where an engine cannot do something, test the app's fallback
// there; a skip must name the engine and the reason: `test.skip(engine === "webkit", "WebKitGTK: …")`.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { test as base, expect, type TestInfo } from "@playwright/test";
import { Builder, type WebDriver } from "selenium-webdriver";
import { engines, type Engine, type EngineName } from "./engines";
import { Guide, by } from "./guide";
import { sites, type Site } from "../browser/sites";

const SESSION_TIMEOUT_MS = 30_000;
const SESSION_TRIES = 3;
/** The longest a driver takes to answer once started (`DriverProcess.start`). */
const DRIVER_START_MS = 30_000;

/** Marks a test to run on the sub-path build as well: those where the base path matters. */
export const SUB_PATH = { tag: "@sub-path" };

export type Options = { engine: EngineName; siteName: keyof typeof sites };

/** Ports for this worker, above the two static servers at GUIDE_TEST_PORT and the next one. */
export type Ports = { driver: number; server: number };

export const test = base.extend<
  { guide: Guide; site: Site; downloads: string; userAgent: string | undefined; outsideAllowed: string[] },
  Options & { ports: Ports; driver: DriverProcess; refuser: string }
>({
  engine: ["firefox", { option: true, scope: "worker" }],
  siteName: ["root", { option: true, scope: "worker" }],
  ports: [
    async ({}, use, workerInfo) => {
      const first = Number(process.env.GUIDE_TEST_PORT ?? 4173) + 2 + workerInfo.parallelIndex * 2;
      await use({ driver: first, server: first + 1 });
    },
    { scope: "worker" },
  ],
  driver: [
    async ({ engine, ports }, use, workerInfo) => {
      const folder = workerFolder(workerInfo.project.outputDir, workerInfo.parallelIndex);
      mkdirSync(folder, { recursive: true });
      const driver = new DriverProcess(engines[engine], ports.driver, folder);
      await driver.start();
      await use(driver);
      await driver.stop();
    },
    { scope: "worker" },
  ],
  // Every browser sends whatever is not on this machine through this proxy, which refuses it, so
  // nothing a test does (or the browser does by itself) leaves the machine.
  refuser: [
    async ({}, use) => {
      const server = createServer((socket) => socket.on("error", () => {}).destroy());
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      await use(`127.0.0.1:${(server.address() as AddressInfo).port}`);
      await new Promise((resolve) => server.close(resolve));
    },
    { scope: "worker" },
  ],
  // Outside addresses a test lets the page go to (quick exit's neutral site), set with test.use.
  // The browser is still refused them by the proxy above: only the page's address changes.
  outsideAllowed: [[], { option: true }],
  // Set with test.use({ userAgent }) to open the guide as another device's browser would.
  // Playwright's types refuse `option: true` for a name its own options use; at run time it is one.
  // @ts-expect-error
  userAgent: [undefined, { option: true }],
  downloads: async ({}, use, testInfo) => use(join(workerFolder(testInfo.project.outputDir, testInfo.parallelIndex), "downloads")),
  site: async ({ siteName }, use) => use(sites[siteName]),
  guide: [
    async ({ engine, driver: driverProcess, downloads, userAgent, site, baseURL, refuser, outsideAllowed }, use, testInfo) => {
      const proxy = { proxyType: "manual", httpProxy: refuser, sslProxy: refuser, noProxy: ["127.0.0.1", "localhost"] };
      const driver = await driverProcess.newSession({ ...engines[engine].capabilities(downloads, userAgent), proxy }, testInfo);
      try {
        await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
        await driver.manage().window().setRect({ width: 1280, height: 900 });
        const guide = new Guide(driver, engines[engine], site, baseURL!, downloads);
        await use(guide);
        if (testInfo.status === testInfo.expectedStatus) await expectNothingAmiss(guide, outsideAllowed);
        else await testInfo.attach("screenshot", { body: Buffer.from(await driver.takeScreenshot(), "base64"), contentType: "image/png" });
      } finally {
        await driver.quit();
      }
    },
    // Its own time, not the test's: starting a session can take several tries (see `newSession`).
    { timeout: SESSION_TRIES * (SESSION_TIMEOUT_MS + DRIVER_START_MS) },
  ],
});

/** One worker's driver (and its display, if the engine needs one), restarted if it stops answering. */
class DriverProcess {
  private stopProcesses = async () => {};
  constructor(private engine: Engine, private port: number, private folder: string) {}

  async start() {
    const display = this.engine.needsDisplay ? await startDisplay() : null;
    const { command, args, env } = this.engine.driver(this.port, join(this.folder, "downloads"));
    const log = createWriteStream(join(this.folder, `${this.engine.name}-driver.log`), { flags: "a" });
    // In a process group of its own, so stopping it stops the browser it started too.
    const driver = spawn(command, args, { env: display ? { ...env, DISPLAY: display.name } : env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    driver.stdout.pipe(log, { end: false });
    driver.stderr.pipe(log, { end: false });
    const exited = new Promise((resolve) => driver.once("exit", resolve));
    this.stopProcesses = async () => {
      if (driver.exitCode === null && driver.signalCode === null) process.kill(-driver.pid!);
      // Its port is free again once it has gone.
      await exited;
      log.end();
      display?.stop();
    };
    await expect
      .poll(async () => (await fetch(`${this.url}/status`).catch(() => null))?.ok ?? false, { message: `${command} answers on ${this.url}`, timeout: DRIVER_START_MS })
      .toBe(true);
  }

  async stop() {
    await this.stopProcesses();
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** A new browser session. On a busy machine a browser has been seen never to answer the driver
   * (WebKitGTK, now and then, and sometimes twice running): then the driver is restarted and
   * asked again, up to `SESSION_TRIES` times, and the test notes it. */
  async newSession(capabilities: Record<string, unknown>, testInfo: TestInfo): Promise<WebDriver> {
    for (let tries = 1; ; tries++) {
      const starting = new Builder().usingServer(this.url).withCapabilities(capabilities).build();
      starting.catch(() => {});
      const timedOut = new Promise<null>((resolve) => setTimeout(() => resolve(null), SESSION_TIMEOUT_MS));
      const session = await Promise.race([starting, timedOut]);
      if (session) return session;
      const why = `no ${this.engine.name} session after ${SESSION_TIMEOUT_MS / 1000} s (try ${tries} of ${SESSION_TRIES})`;
      if (tries === SESSION_TRIES) throw new Error(why);
      testInfo.annotations.push({ type: "driver restarted", description: why });
      await this.stop();
      await this.start();
    }
  }
}


/** A virtual X display (Xvfb) for one worker's browser windows. Each worker has its own: two
 * windows on one display with no window manager take the keyboard focus from each other, and a
 * page whose window has lost it shows no focus ring (`:focus-visible` does not match). */
async function startDisplay() {
  // -displayfd: Xvfb picks a free display number and writes it to stdout once it is ready.
  const xvfb = spawn("Xvfb", ["-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], { stdio: ["ignore", "pipe", "ignore"] });
  const number = await new Promise<string>((resolve, reject) => {
    xvfb.stdout.once("data", (data) => resolve(String(data).trim()));
    xvfb.once("error", reject);
    xvfb.once("exit", (code) => reject(new Error(`Xvfb stopped (${code}); is xvfb installed? scripts/lib/tools.sh installs it`)));
  });
  return { name: `:${number}`, stop: () => xvfb.kill() };
}

/** The driver's log and the downloads of one worker. */
const workerFolder = (outputDir: string, parallelIndex: number) => join(outputDir, `worker-${parallelIndex}`);

/** The page the test ended on asked no other host for anything (people's use of the guide must
 * never reach a third party), the app did not crash, and no page of it broke its
 * Content-Security-Policy (so every journey also proves the policy lets the app work). A test that
 * ends on an allowed outside address has nothing more of the app's to check there. */
async function expectNothingAmiss(guide: Guide, outsideAllowed: string[]) {
  await guide.collectPolicyViolations();
  expect(guide.policyViolations, "nothing the Content-Security-Policy blocked").toEqual([]);
  const address = await guide.driver.getCurrentUrl();
  if (outsideAllowed.some((allowed) => address.startsWith(allowed))) return;
  const origin = new URL(address).origin;
  const requests: string[] = await guide.driver.executeScript("return performance.getEntriesByType('resource').map((entry) => entry.name)");
  expect(requests.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url)), "third-party requests").toEqual([]);
  expect(await guide.count(by.css(".crash")), "the crash message").toBe(0);
}

export { expect };

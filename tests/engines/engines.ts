// The two engines tested beside Chromium, each driven over W3C WebDriver by its own driver:
// Firefox ESR (Gecko) through geckodriver, headless; WebKitGTK's MiniBrowser (WebKit) through
// WebKitWebDriver, on an X display of its own (Xvfb, started by the tests: see fixtures.ts). All
// come from Debian's packages and crates.io, installed by scripts/lib/tools.sh.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type EngineName = "firefox" | "webkit";

export type Engine = {
  name: EngineName;
  /** Whether the browser needs an X display (WebKitGTK has no working headless mode). */
  needsDisplay: boolean;
  /** The driver, serving WebDriver on `port`, that puts downloads in `downloads`. */
  driver(port: number, downloads: string): { command: string; args: string[]; env: NodeJS.ProcessEnv };
  /** What the new session asks the driver for; `userAgent` replaces the browser's own. */
  capabilities(downloads: string, userAgent?: string): Record<string, unknown>;
};

const firefox: Engine = {
  name: "firefox",
  needsDisplay: false,
  driver: (port) => ({
    command: "geckodriver",
    // The BiDi port is not used; the default (9222) could clash with another browser on the machine.
    args: ["--port", String(port), "--websocket-port", "0"],
    env: process.env,
  }),
  capabilities: (downloads, userAgent) => ({
    browserName: "firefox",
    "moz:firefoxOptions": {
      binary: "/usr/bin/firefox-esr",
      args: ["-headless"],
      prefs: {
        // Save every download into the folder the test reads, without asking.
        "browser.download.dir": downloads,
        "browser.download.folderList": 2,
        "browser.download.useDownloadDir": true,
        "browser.download.always_ask_before_handling_new_types": false,
        // The page's console goes to the driver's log (test-results/), for reading failures.
        "devtools.console.stdout.content": true,
        ...(userAgent ? { "general.useragent.override": userAgent } : {}),
      },
    },
  }),
};

const webkit: Engine = {
  name: "webkit",
  needsDisplay: true,
  driver: (port, downloads) => {
    // MiniBrowser saves downloads in the XDG download folder, read from the config home.
    const config = join(downloads, "..", "xdg-config");
    mkdirSync(config, { recursive: true });
    writeFileSync(join(config, "user-dirs.dirs"), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
    return { command: "WebKitWebDriver", args: [`--port=${port}`], env: { ...process.env, XDG_CONFIG_HOME: config } };
  },
  capabilities: (_, userAgent) => ({
    browserName: "MiniBrowser",
    "webkitgtk:browserOptions": { binary: miniBrowser(), args: ["--automation", ...(userAgent ? [`--user-agent=${userAgent}`] : [])] },
  }),
};

/** MiniBrowser ships inside the WebKitGTK library, under /usr/lib/<arch>/webkit2gtk-4.1/. */
function miniBrowser(): string {
  const found = readdirSync("/usr/lib").map((arch) => `/usr/lib/${arch}/webkit2gtk-4.1/MiniBrowser`).find((path) => existsSync(path));
  if (!found) throw new Error("MiniBrowser not found: install webkit2gtk-driver (scripts/lib/tools.sh does)");
  return found;
}

export const engines: Record<EngineName, Engine> = { firefox, webkit };

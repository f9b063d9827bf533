// The two builds the browser tests run against, and a static file server the offline tests can
// stop and start (Playwright's own server stays up for the whole run).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { TestInfo } from "@playwright/test";
// @ts-ignore: http-server has no type definitions
import httpServer from "http-server";

export type Site = { root: string; base: string };

export const sites: Record<string, Site> = {
  root: { root: "dist", base: "/" },
  "sub-path": { root: "target/site-subpath", base: "/recovery/" },
};

export const siteOf = (testInfo: TestInfo): Site => sites[testInfo.project.name] ?? sites.root;

/** Playwright's web server for one build: `dir` served as any static host would, on `port`,
 * ready once `base` answers. */
export const staticServer = (dir: string, port: number, base: string) => ({
  command: `http-server ${dir} -a 127.0.0.1 -p ${port} -c-1 -d false -s --gzip --brotli`,
  url: `http://127.0.0.1:${port}${base}`,
  reuseExistingServer: false,
});

/** A path inside the app ("/publications") as a path on the host ("/recovery/publications"). */
export const onHost = (site: Site, path: string) => site.base.replace(/\/$/, "") + path;

/** Serves `root` on `port` (by default any free port). */
export async function serve(root: string, port = 0) {
  const server = httpServer.createServer({ root, cache: -1, showDir: false, autoIndex: false, logFn: () => {} });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${server.server.address().port}`,
    // Stop listening, then drop open keep-alive connections so closing finishes now.
    stop: () =>
      new Promise<void>((resolve) => {
        server.server.close(() => resolve());
        server.server.closeAllConnections();
      }),
  };
}

/** A new release of `site`'s build, as a deploy would bring: a copy whose reflect page has changed,
 * finished again by `post-build.mjs --finish-only` (policy, service worker, compressed copies).
 * Returns the folder, laid out as `site.root` is: copy it over a served copy of the build.
 * Finishing takes seconds of CPU (Workbox bundles the service worker), so it is made once per
 * build and version of the script, in target/new-release/, and tests prepare it before their
 * own clock starts (the Chromium suite in a `beforeAll`). */
export function newRelease(site: Site): string {
  const hash = createHash("sha256");
  for (const file of [join(site.root, site.base, "sw.js"), "scripts/post-build.mjs"]) hash.update(readFileSync(file));
  const releases = join("target", "new-release");
  const prefix = `${site.base.replace(/^\/|\/$/g, "").replace(/\//g, "_") || "root"}-`;
  const folder = join(releases, `${prefix}${hash.digest("hex").slice(0, 16)}`);
  if (existsSync(folder)) return folder;
  mkdirSync(releases, { recursive: true });
  // Releases of earlier builds of this site are no use any more.
  for (const old of readdirSync(releases)) if (old.startsWith(prefix) && !old.includes(".making-")) rmSync(join(releases, old), { recursive: true });
  const work = mkdtempSync(`${folder}.making-`);
  cpSync(site.root, work, { recursive: true });
  const appDir = join(work, site.base);
  const reflectPage = join(appDir, "reflect", "index.html");
  writeFileSync(reflectPage, readFileSync(reflectPage, "utf8").replace("<head>", '<head><meta name="guide-release" content="2">'));
  execFileSync("node", ["scripts/post-build.mjs", appDir, site.base, "--finish-only"]);
  // Another worker may have made the same one meanwhile: either copy will do.
  try {
    renameSync(work, folder);
  } catch {
    rmSync(work, { recursive: true, force: true });
  }
  return folder;
}

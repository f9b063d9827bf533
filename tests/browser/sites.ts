// The two builds the browser tests run against, and a static file server the offline tests can
// stop and start (Playwright's own server stays up for the whole run).
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

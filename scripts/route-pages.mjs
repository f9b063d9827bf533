// Trunk post_build hook: make every route a real file, so deep links load with HTTP 200 on any
// static host (no rewrite rules needed), and unknown addresses get the app's not-found page.
//   /publications  -> publications/index.html
//   anything else  -> 404.html
// The routes come from src/content/pages.toml, the same file the app's router reads.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error("run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)");

const { page: pages } = parse(readFileSync("src/content/pages.toml", "utf8"));
const shell = readFileSync(join(staging, "index.html"), "utf8");

for (const { path } of pages) {
  if (!path || path === "/") continue;
  const dir = join(staging, path);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.html"), shell);
}
writeFileSync(join(staging, "404.html"), shell);

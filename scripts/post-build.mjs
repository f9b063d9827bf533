// Finishes a release build so any static host can serve it, at its root or under a sub-path, and
// it works offline after the first visit. Trunk runs this as its post_build hook; the tests also
// run it on a changed copy of a build, to make a "new version" without recompiling.
//
//   node scripts/post-build.mjs [dir] [base]      (defaults: $TRUNK_STAGING_DIR, $TRUNK_PUBLIC_URL)
//
// 1. Every route gets its own folder with an index.html (deep links answer 200 with no rewrite
//    rules), and 404.html answers everything else. Routes come from src/content/pages.toml.
// 2. manifest.webmanifest, with start URL and scope set to the base path.
// 3. sw.js, made by Workbox from the files actually in the build: precaches every file, versioned
//    by content, removes old caches, and waits for the person to choose "Reload to update".
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";
import { generateSW } from "workbox-build";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("usage: post-build.mjs <dir> [base] (or run as Trunk's post_build hook)");
const base = `/${(process.argv[3] ?? process.env.TRUNK_PUBLIC_URL ?? "/").replace(/^\/+|\/+$/g, "")}/`.replace("//", "/");

const pages = parse(readFileSync("src/content/pages.toml", "utf8"));
const theme = { background: "#f7f3ec", theme: "#1f5f5b" };

// ---- 2. Manifest (written first, so the service worker precaches it).
const manifest = {
  name: pages.site_name,
  short_name: "Recovery",
  description: "A calm, private guide to the recovery approach in mental health. Works offline.",
  lang: "en",
  start_url: base,
  scope: base,
  display: "standalone",
  background_color: theme.background,
  theme_color: theme.theme,
  icons: [
    { src: `${base}icons/icon.svg`, sizes: "any", type: "image/svg+xml" },
    { src: `${base}icons/icon-192.png`, sizes: "192x192", type: "image/png" },
    { src: `${base}icons/icon-512.png`, sizes: "512x512", type: "image/png" },
    { src: `${base}icons/maskable-512.png`, sizes: "512x512", type: "image/png", purpose: "maskable" },
  ],
};
writeFileSync(join(dir, "manifest.webmanifest"), JSON.stringify(manifest, null, 2));

// ---- 1. The app shell, with the manifest linked, copied to every route.
const head = `<link rel="manifest" href="${base}manifest.webmanifest">\n<link rel="apple-touch-icon" href="${base}icons/icon-192.png">\n`;
let shell = readFileSync(join(dir, "index.html"), "utf8");
if (!shell.includes('rel="manifest"')) shell = shell.replace("</head>", `${head}</head>`);
writeFileSync(join(dir, "index.html"), shell);
for (const { path } of pages.page) {
  if (!path || path === "/") continue;
  mkdirSync(join(dir, path), { recursive: true });
  writeFileSync(join(dir, path, "index.html"), shell);
}
writeFileSync(join(dir, "404.html"), shell);

// ---- 3. Service worker.
for (const old of readdirSync(dir).filter((f) => /^(sw|workbox-.*)\.js(\.map)?$/.test(f))) rmSync(join(dir, old));
const routes = pages.page.filter((p) => p.path && p.path !== "/").map((p) => p.path.slice(1));
const { count, size, warnings } = await generateSW({
  globDirectory: dir,
  globPatterns: ["**/*.{html,js,wasm,css,svg,png,webmanifest}"],
  swDest: join(dir, "sw.js"),
  modifyURLPrefix: { "": base },
  // The wasm is several hundred KB; Workbox's default limit is 2 MiB.
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  // Trunk's file names carry a content hash; everything else gets a revision from its content.
  dontCacheBustURLsMatching: /-[0-9a-f]{16}(_bg)?\.(js|wasm|css|svg)$/,
  // "/publications" (as the app links it) is the same page as "/publications/index.html".
  manifestTransforms: [
    async (entries) => ({
      manifest: entries.concat(
        entries
          .filter((e) => routes.some((r) => e.url === `${base}${r}/index.html`))
          .map((e) => ({ ...e, url: e.url.replace(/\/index\.html$/, "") })),
      ),
      warnings: [],
    }),
  ],
  // Queries (e.g. a shared search) never change which file a page is.
  ignoreURLParametersMatching: [/.*/],
  navigateFallback: `${base}404.html`,
  cleanupOutdatedCaches: true,
  clientsClaim: true,
  // A new version waits until the person chooses to reload; the app asks it to take over.
  skipWaiting: false,
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: "production",
});
for (const warning of warnings) console.warn(`workbox: ${warning}`);
console.log(`post-build: ${routes.length} route pages, 404.html, manifest, sw.js precaching ${count} files (${(size / 1024).toFixed(0)} KB) under ${base}`);

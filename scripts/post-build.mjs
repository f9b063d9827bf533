// Finishes a release build so any static host can serve it, at its root or under a sub-path, and
// it works offline after the first visit. Trunk runs this as its post_build hook; the tests also
// run it with --finish-only on a changed copy of a build, to make a "new version" without
// recompiling (steps 3 to 5, which depend on the files' final contents).
//
//   node scripts/post-build.mjs [dir] [base] [--finish-only]
//     (defaults: $TRUNK_STAGING_DIR, and the base Trunk and RECOVERY_GUIDE_BASE agree on, see
//     scripts/lib/base-path.mjs; a base given here is "/" or "/sub-path/")
//
// 1. Every route is prerendered (src/bin/prerender.rs) into its own folder's index.html, so deep
//    links answer 200 with no rewrite rules and every page is readable before the wasm arrives;
//    404.html answers everything else. The browser build hydrates these pages.
// 2. manifest.webmanifest, with start URL and scope set to the base path.
// 3. A Content-Security-Policy in every HTML file (a <meta> with the hashes of that file's inline
//    scripts and styles), and _headers with the same policy for hosts that read one.
// 4. sw.js, made by Workbox from the files actually in the build: precaches every file, versioned
//    by content, removes old caches, and waits for the person to choose "Reload to update".
// 5. Compressed copies (.br, .gz) of every text file and the wasm, for hosts that serve them.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { gzipSync, gunzipSync, brotliCompressSync, brotliDecompressSync, constants } from "node:zlib";
import { parse } from "smol-toml";
import { generateSW } from "workbox-build";
import { trunkBasePath } from "./lib/base-path.mjs";

const flags = process.argv.slice(2).filter((a) => a.startsWith("--"));
const [dirArg, baseArg] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const finishOnly = flags.includes("--finish-only");
const dir = dirArg ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("usage: post-build.mjs <dir> [base] (or run as Trunk's post_build hook)");
const base = baseArg ?? trunkBasePath();
if (!/^\/(.+\/)?$/.test(base)) throw new Error(`post-build: the base ${JSON.stringify(base)} must start and end with "/"`);

const pages = /** @type {{ site_name: string, page: { id: string, path?: string, title?: string, nav?: string }[] }} */ (parse(readFileSync("src/content/pages.toml", "utf8")));
const theme = { background: "#f7f3ec", theme: "#1f5f5b" };

if (!finishOnly) {
  writeManifest();
  prerenderRoutes();
}

// ---- 2. Manifest (written first, so the service worker precaches it).
function writeManifest() {
  const page = (/** @type {string} */ id) => {
    const found = pages.page.find((p) => p.id === id);
    if (!found) throw new Error(`post-build: pages.toml has no page "${id}" for the manifest's shortcuts`);
    return found;
  };
  // A long press on the installed app's icon: help first. Addresses and names from pages.toml.
  const shortcut = (/** @type {string} */ id, /** @type {string | undefined} */ name, /** @type {string} */ icon) => ({
    name,
    url: base + String(page(id).path).slice(1),
    icons: [{ src: `${base}icons/${icon}`, sizes: "96x96", type: "image/png" }],
  });
  const manifest = {
    // The same app wherever its start page moves within the site.
    id: base,
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
    shortcuts: [shortcut("help", page("help").title, "shortcut-help-96.png"), shortcut("plan", page("plan").nav, "shortcut-plan-96.png")],
  };
  writeFileSync(join(dir, "manifest.webmanifest"), JSON.stringify(manifest, null, 2));
}

// Trunk's loader fetches the JS glue and the wasm while the page is still loading, where they
// share a slow connection with the page and delay its first paint. The prerendered page needs
// neither to be read, so the app's download starts once the page's main content has painted
// (the largest-contentful-paint entry where the browser has it, else the first frame; a timer in
// case neither comes, as in a tab opened in the background).
//
// If the app's files cannot be loaded (a deploy has replaced them since this page was fetched, or
// the connection dropped), the loader reloads the page once by itself: a deploy's new page names
// its new files. If that does not help, or cannot be done safely, it says so in an alert (read out
// as it appears) in the page's banner region (AppBanners in src/components/layout.rs) and offers
// Reload. Scripts that are only slow never see this: only a failed import or a failed start of the
// wasm does. A panic while the app starts is the app's own to report (src/crash.rs), so the loader
// stays quiet about it.
function startAppAfterFirstPaint(shell) {
  const reloadedKey = "recovery-guide:reloaded-after-failed-start";
  const loadFailure =
    "The guide could not finish loading, so its buttons do not work right now. " +
    "This can happen while the guide is being updated, or when the connection drops. " +
    "You can still read this page. Your saved bookmarks and reflections are safe. ";
  const loader = /<script type="module">\s*import init, \* as bindings from '([^']+)';\s*const wasm = await init\(\{ module_or_path: '([^']+)' \}\);([\s\S]*?)<\/script>/;
  if (!loader.test(shell)) throw new Error("post-build: Trunk's loader script has changed; update startAppAfterFirstPaint");
  return shell
    .replace(/<link rel="(?:modulepreload|preload)" href="[^"]+" crossorigin="anonymous" integrity="[^"]+"(?: as="fetch" type="application\/wasm")?>/g, "")
    .replace(loader, (_, glue, wasm, started) => [
      '<script type="module">',
      "await new Promise((painted) => {",
      "  const start = () => setTimeout(painted);",
      "  setTimeout(painted, 3000);",
      '  if (PerformanceObserver.supportedEntryTypes?.includes("largest-contentful-paint")) {',
      '    new PerformanceObserver((_, observer) => { observer.disconnect(); start(); }).observe({ type: "largest-contentful-paint", buffered: true });',
      "  } else requestAnimationFrame(start);",
      "});",
      "try {",
      `  const bindings = await import('${glue}');`,
      "  const init = bindings.default;",
      `  const wasm = await init({ module_or_path: '${wasm}' });`,
      ...started.split("\n").filter((line) => line.trim()).map((line) => `  ${line.trim()}`),
      "} catch (error) {",
      '  if (document.getElementById("crash-message")) throw error;',
      '  console.warn("The app could not start:", error);',
      "  if (!(await reloadOnce())) showLoadFailure();",
      "}",
      // Once per tab in ten minutes, remembered in sessionStorage so a failure that reloading
      // cannot fix never loops; never when the tab cannot remember it, and never when the page
      // itself cannot be fetched (a reload would swap this readable page for the browser's error).
      "async function reloadOnce() {",
      "  try {",
      `    if (Date.now() - Number(sessionStorage.getItem("${reloadedKey}")) < 600000) return false;`,
      '    const page = await fetch(location.href, { cache: "no-store" });',
      "    if (!page.ok && page.status !== 404) return false;",
      `    sessionStorage.setItem("${reloadedKey}", Date.now());`,
      `    if (!sessionStorage.getItem("${reloadedKey}")) return false;`,
      "  } catch {",
      "    return false;",
      "  }",
      "  location.reload();",
      "  return true;",
      "}",
      "function showLoadFailure() {",
      '  const note = document.createElement("p");',
      '  note.className = "banner banner--problem";',
      '  note.setAttribute("role", "alert");',
      `  note.textContent = ${JSON.stringify(loadFailure)};`,
      '  const reload = document.createElement("button");',
      '  reload.type = "button";',
      '  reload.className = "button button--small button--primary";',
      '  reload.textContent = "Reload";',
      '  reload.addEventListener("click", () => location.reload());',
      "  note.append(reload);",
      '  document.querySelector(".app-banners").append(note);',
      "}",
      "</script>",
    ].join("\n"));
}

// The stylesheet's comments are for the people who edit style/main.css; every page carries the
// stylesheet inline, and without them the words of every page come sooner (about 1.8 KB less of the
// first 14 KB, gzipped). Strings are matched first and kept, so a "/*" inside one stays.
function withoutStyleComments(html) {
  const commentOrString = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|\/\*[\s\S]*?\*\//g;
  return html.replace(/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g, (_, open, css, close) =>
    open + css.replace(commentOrString, (_, string) => string ?? "").replace(/\n\s*\n/g, "\n") + close);
}

// ---- 1. Every route rendered into the shell Trunk wrote (its head, styles and scripts).
function prerenderRoutes() {
  const links = `<link rel="manifest" href="${base}manifest.webmanifest">\n<link rel="apple-touch-icon" href="${base}icons/icon-192.png">\n`;
  let shell = withoutStyleComments(startAppAfterFirstPaint(readFileSync(join(dir, "index.html"), "utf8")));
  if (!shell.includes('rel="manifest"')) shell = shell.replace("</head>", `${links}</head>`);
  const shellPath = join(dir, ".shell.html");
  writeFileSync(shellPath, shell);
  // Native build of the app with the `ssr` feature; links carry the same base as the wasm's.
  const output = execFileSync(
    "cargo",
    ["run", "--quiet", "--offline", "--profile", "prerender", "--features", "ssr", "--bin", "prerender", "--", shellPath],
    { env: { ...process.env, RECOVERY_GUIDE_BASE: base.replace(/\/$/, "") }, maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
  );
  rmSync(shellPath);
  for (const { file, html } of JSON.parse(output.toString())) {
    // The loader's message about a failed start goes there (see startAppAfterFirstPaint).
    if (!/<div (?=[^>]*class="app-banners")(?=[^>]*role="status")/.test(html)) throw new Error(`post-build: ${file} has no banner region for the loader`);
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), html);
  }
}

// ---- 3. Content-Security-Policy, computed from each HTML file as it is now.
//
// Scripts: the app's own files, the wasm (compiling it needs 'wasm-unsafe-eval'), and each inline
// script by its hash; never 'unsafe-inline' or 'unsafe-eval'. Styles: the stylesheet is inlined,
// so only the inline <style> elements by their hash (the one in <noscript> applies when scripts
// are off, and the policy still does). The app sets no style attributes; it changes styles only
// through the CSSOM (`style.setProperty`), which a policy does not govern. Forms may go to this
// site only: before the app has loaded, the header's search is a plain GET to /search.
// Everything else the app loads (its files, icons, manifest, service worker, fetches) is its own.
function securityPolicy({ scripts, styles }) {
  return [
    "default-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...scripts].join(" "),
    styles.length ? ["style-src", ...styles].join(" ") : "style-src 'none'",
    "img-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join("; ");
}

// What only a header can carry: no framing (ignored in a <meta>), no Referer to other sites, no
// guessing of file types, and no use of device features the guide never needs. Not listed, as
// the guide uses them or will: clipboard-write (copying), speech synthesis (reading aloud, which
// needs no permission).
const permissionsPolicy = [
  "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen", "geolocation",
  "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi", "payment", "picture-in-picture",
  "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking", "browsing-topics",
].map((feature) => `${feature}=()`).join(", ");

const hashOf = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const inlineHashes = (html) => ({
  scripts: [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => hashOf(m[1])),
  styles: [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => hashOf(m[1])),
});

function htmlFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith(".html") ? [path] : [];
  });
}

function writeSecurityPolicy() {
  const everyPage = { scripts: new Set(), styles: new Set() };
  for (const file of htmlFiles(dir)) {
    const html = readFileSync(file, "utf8").replace(/^[ \t]*<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?/m, "");
    const hashes = inlineHashes(html);
    hashes.scripts.forEach((h) => everyPage.scripts.add(h));
    hashes.styles.forEach((h) => everyPage.styles.add(h));
    // First in <head> after the character set, before anything that loads or runs.
    const charset = /^([ \t]*)(<meta charset="utf-8">)\n?/im;
    if (!charset.test(html)) throw new Error(`post-build: ${file} has no <meta charset="utf-8"> to put the policy after`);
    const meta = `<meta http-equiv="Content-Security-Policy" content="${securityPolicy(hashes)}">`;
    writeFileSync(file, html.replace(charset, (_, indent, found) => `${indent}${found}\n${indent}${meta}\n`));
  }
  // Netlify and Cloudflare Pages read this file from the root of what they publish; a sub-path
  // build's rule covers only its own paths. Each page's <meta> still applies with it.
  const headerPolicy = securityPolicy({ scripts: [...everyPage.scripts], styles: [...everyPage.styles] });
  writeFileSync(join(dir, "_headers"), [
    "# Written by scripts/post-build.mjs: the pages' Content-Security-Policy, plus what only a header can carry.",
    `${base}*`,
    `  Content-Security-Policy: ${headerPolicy}; frame-ancestors 'none'`,
    "  Referrer-Policy: no-referrer",
    "  X-Content-Type-Options: nosniff",
    `  Permissions-Policy: ${permissionsPolicy}`,
    "",
  ].join("\n"));
}
writeSecurityPolicy();

// ---- 4. Service worker.
for (const old of readdirSync(dir).filter((f) => /^(sw|workbox-.*)\.js(\.map)?$/.test(f))) rmSync(join(dir, old));
const routes = pages.page.filter((p) => p.path && p.path !== "/").map((p) => String(p.path).slice(1));
const { count, size, warnings } = await generateSW({
  globDirectory: dir,
  globPatterns: ["**/*.{html,js,wasm,css,svg,png,webmanifest}"],
  swDest: join(dir, "sw.js"),
  modifyURLPrefix: { "": base },
  // The wasm is several hundred KB; Workbox's default limit is 2 MiB.
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  // Trunk's file names carry a content hash (a 64-bit number in hex, without leading zeros, so
  // sometimes shorter than 16 digits); everything else gets a revision from its content.
  dontCacheBustURLsMatching: /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css|svg)$/,
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

// ---- 5. Compressed copies, made last so they include sw.js (Workbox precaches the originals).
// A file that already has both copies of its current bytes keeps them (only --finish-only on an
// earlier build finds any): brotli at its best takes seconds for the wasm.
const compressible = /\.(html|js|css|wasm|svg|webmanifest)$/;
const hasCopiesOf = (path, bytes) => {
  try {
    return gunzipSync(readFileSync(`${path}.gz`)).equals(bytes) && brotliDecompressSync(readFileSync(`${path}.br`)).equals(bytes);
  } catch {
    return false;
  }
};
const compress = (folder) => {
  const entries = readdirSync(folder, { withFileTypes: true });
  const names = new Set(entries.map((entry) => entry.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) compress(path);
    // A copy of a file that is no longer there, or no longer compressed, goes.
    else if (/\.(br|gz)$/.test(entry.name)) {
      const original = entry.name.slice(0, -3);
      if (!names.has(original) || !compressible.test(original)) rmSync(path);
    } else if (compressible.test(entry.name)) {
      const bytes = readFileSync(path);
      if (hasCopiesOf(path, bytes)) continue;
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
    }
  }
};
compress(dir);
console.log(`post-build: ${routes.length} prerendered route pages, 404.html, manifest, sw.js precaching ${count} files (${(size / 1024).toFixed(0)} KB) under ${base}, .br and .gz copies`);

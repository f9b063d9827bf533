// Makes the app's PNG icons from the one source image, public/icons/icon.svg, and the installed
// app's shortcut icons (a long press on its icon: "Get help now", "My plan") from the shapes below,
// with Chromium (the browser the tests already use, so no image library is needed). Run after
// changing any of them:
//   node scripts/icons.mjs
import { chromium } from "@playwright/test";
import { chromePath } from "./lib/chrome.mjs";
import { readFileSync } from "node:fs";

const svg = readFileSync("public/icons/icon.svg", "utf8");
const background = "#1f5f5b"; // the icon's own background, so the maskable icon is full-bleed
const browser = await chromium.launch({ executablePath: chromePath, args: ["--no-sandbox", "--disable-gpu"] });

async function render(file, size, html) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;width:${size}px;height:${size}px;overflow:hidden">${html}</body></html>`);
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: true });
  await page.close();
}

const image = (scale) => `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}" style="display:block;width:${scale}%;height:${scale}%;margin:${(100 - scale) / 2}%">`;
await render("icon-192.png", 192, image(100));
await render("icon-512.png", 512, image(100));
// Maskable: launchers crop to a circle or squircle; keep the picture inside the middle 80%.
await render("maskable-512.png", 512, `<div style="background:${background};width:100%;height:100%;overflow:hidden">${image(72)}</div>`);
// Shortcuts: the icon's colours, a heart for help and a list for the plan, simple enough to read at
// the 48 px or so a launcher shows them.
const shortcut = (shape) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="96" height="96"><rect width="64" height="64" rx="14" fill="${background}"/>${shape}</svg>`;
await render("shortcut-help-96.png", 96, shortcut('<path d="M32 50 L16.5 34.5 A9.5 9.5 0 0 1 32 22 A9.5 9.5 0 0 1 47.5 34.5 Z" fill="#f7f3ec"/>'));
await render(
  "shortcut-plan-96.png",
  96,
  shortcut('<rect x="19" y="14" width="26" height="36" rx="4" fill="#f7f3ec"/><path d="M25 25h14M25 32h14M25 39h9" stroke="#1f5f5b" stroke-width="3" stroke-linecap="round"/>'),
);
await browser.close();
console.log("icons written to public/icons/");

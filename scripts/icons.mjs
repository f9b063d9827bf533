// Makes the app's PNG icons from the one source image, public/icons/icon.svg, with Chromium (the
// browser the tests already use, so no image library is needed). Run after changing the SVG:
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
await browser.close();
console.log("icons written to public/icons/");

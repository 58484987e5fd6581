// Real Chromium for browser tests: Debian's build (playwright-core cannot download its own
// here), and the pages every browser check visits.

import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const HOME = "/";
export const ARTICLE = "/news/20210105/stem-cell-donation/";
export const COLUMN = "/news/";

/** One page of every kind the site has: the browser checks (axe in every reading mode, CSP
 *  console) visit each. */
export const KEY_PAGES = [HOME, ARTICLE, COLUMN, "/search/", "/404.html"];

export const READING_MODES = ["en", "zh", "both"] as const;
export type ReadingMode = (typeof READING_MODES)[number];

/** Phone and desktop widths the layout is checked and photographed at. */
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--headless=new",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

// The pages every browser check visits, the sizes they are seen at (Chromium itself:
// chromium.ts), and axe, run on a page as the checks run it.

import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";
import { expect } from "vitest";

export const HOME = "/";
/** Pairs, a figure (a chart drawn for the sample) and a credit line. */
export const ARTICLE = "/news/20230928/metro-line-15-extension/";
export const COLUMN = "/news/";
/** Search results for a query in each language. */
export const SEARCH_EN = "/search/?q=hospital";
export const SEARCH_ZH = `/search/?q=${encodeURIComponent("郑州")}`;

/** One page of every kind the site has: the browser checks (axe in every reading mode, CSP
 *  console) visit each. */
export const KEY_PAGES = [HOME, ARTICLE, COLUMN, "/search/", "/404.html"];

export const READING_MODES = ["en", "zh", "both"] as const;
export type ReadingMode = (typeof READING_MODES)[number];

/** Phone and desktop widths the layout is checked and photographed at. */
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Waits until every CSS transition and animation on the page has ended. A colour measured
 *  halfway through one is neither the colour before nor the one after: a pressed button
 *  fading from paper to red has, for 0.15 s, grey text on pink. */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => Promise.allSettled(document.getAnimations().map((a) => a.finished)));
}

/** Rules axe leaves off by default that the site is held to: `target-size` is WCAG 2.2's
 *  2.5.8 (targets of 24 by 24 CSS px, or room around them), which Lighthouse checks. */
const EXTRA_RULES = { "target-size": { enabled: true } };

type Axe = { run(context: Document, options: { rules?: object; runOnly?: string[] }): Promise<AxeResults> };

/** axe's violations on `page` once it has settled, one line each: every rule the site is held
 *  to, or only `rules`. axe arrives as an inline script, which the site's own policy rightly
 *  refuses: open the page with `bypassCSP`. */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  await settled(page);
  await page.addScriptTag({ path: AXE });
  const options = rules ? { runOnly: rules } : { rules: EXTRA_RULES };
  const results = await page.evaluate((options) => (window as unknown as { axe: Axe }).axe.run(document, options), options);
  expect(results.passes.length).toBeGreaterThan(rules ? 0 : 10);
  return results.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

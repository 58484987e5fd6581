// The pages every browser check visits, and the sizes they are seen at (Chromium itself:
// src/chromium.ts).

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

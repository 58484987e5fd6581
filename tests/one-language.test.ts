// An article written in one language reads as one column at a comfortable measure in "Both"
// on a desktop, not as the left (or right) half of a bilingual page with the other half
// empty; a bilingual article keeps its pairs side by side. Measured in real Chromium on the
// lines the browser actually sets.

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DESKTOP } from "./helpers/browser.ts";
import { buildTestSite } from "./helpers/build.ts";
import { launchChromium } from "./helpers/chromium.ts";
import { serveFolder, type StaticServer } from "./helpers/static-server.ts";

/** tests/fixtures/one-language: English text with a bilingual subhead, a picture and a
 *  bilingual photo credit, and Chinese text alone. */
const ENGLISH_ONLY = "/news/20240510/river-path-reopens/";
const CHINESE_ONLY = "/news/20240511/library-night-hours/";
/** A sample article with pairs and one English paragraph that stands alone. */
const BILINGUAL = "/international/20230608/budapest-cargo-flights/";

let browser: Browser;
let fixtures: StaticServer;
let sample: StaticServer;
let page: Page;

beforeAll(async () => {
  const dir = await buildTestSite({ QIAO_ARTICLES_DIR: "tests/fixtures/one-language" });
  [browser, fixtures, sample] = await Promise.all([launchChromium(), serveFolder(dir), serveFolder(inject("siteDir"))]);
  page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
});

afterAll(async () => {
  await Promise.all([browser?.close(), fixtures?.close(), sample?.close()]);
});

interface TextColumn {
  /** The left edge and width of every paragraph of body text. */
  boxes: { x: number; width: number }[];
  /** Characters on each line of a paragraph that is followed by another (a paragraph's last
   *  line is as short as its text), trailing spaces left out. */
  lineLengths: number[];
}

/** Opens `url` in "Both" and reads the body text's boxes and the lines Chromium set. */
async function textColumn(url: string): Promise<TextColumn> {
  await page.goto(url);
  await page.click('.reading-mode button[data-reading="both"]');
  return page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll<HTMLElement>(".article-body p:not(.caption):not(.lang-note)")];
    const lineLengths: number[] = [];
    for (const p of paragraphs) {
      const text = p.textContent ?? "";
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      const lines: string[] = [];
      let top: number | undefined;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let i = 0; i < node.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getBoundingClientRect();
          if (top === undefined || rect.top > top + 2) lines.push("");
          top = rect.top;
          lines[lines.length - 1] += node.data[i];
        }
      }
      if (lines.join("") !== text) throw new Error("lines do not add up to the paragraph");
      lineLengths.push(...lines.slice(0, -1).map((line) => [...line.trimEnd()].length));
    }
    return { boxes: paragraphs.map((p) => ({ x: p.getBoundingClientRect().x, width: p.getBoundingClientRect().width })), lineLengths };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Every paragraph in one column, centred on the page as the header above it is. */
function expectOneCentredColumn({ boxes }: TextColumn) {
  expect(boxes.length).toBeGreaterThan(2);
  for (const box of boxes) {
    expect(box.x).toBeCloseTo(boxes[0]!.x, 0);
    expect(Math.abs(box.x + box.width / 2 - DESKTOP.width / 2)).toBeLessThan(10);
  }
}

describe(`an article in one language, in "Both" at ${DESKTOP.width} px`, () => {
  it("in English alone reads as one centred column of about 65-75 characters a line", async () => {
    const column = await textColumn(fixtures.url + ENGLISH_ONLY);
    expectOneCentredColumn(column);
    expect(column.lineLengths.length).toBeGreaterThan(5);
    expect(median(column.lineLengths)).toBeGreaterThanOrEqual(65);
    expect(median(column.lineLengths)).toBeLessThanOrEqual(75);
    // Its bilingual subhead and credit do not make it an article that translates.
    expect(await page.locator(".article-body .pair").count()).toBe(2);
    expect(await page.locator(".lang-note").count()).toBe(0);
  });

  it("in Chinese alone reads as one centred column of 35-40 Han characters a line", async () => {
    const column = await textColumn(fixtures.url + CHINESE_ONLY);
    expectOneCentredColumn(column);
    expect(column.lineLengths.length).toBeGreaterThan(3);
    for (const length of column.lineLengths) {
      expect(length).toBeGreaterThanOrEqual(35);
      expect(length).toBeLessThanOrEqual(40);
    }
  });

  it("while a bilingual article keeps each pair side by side across the page", async () => {
    await textColumn(sample.url + BILINGUAL);
    const pair = page.locator(".article-body .pair").first();
    const [en, zh] = await Promise.all([pair.locator(":scope > :lang(en)").boundingBox(), pair.locator(":scope > :lang(zh)").boundingBox()]);
    expect(zh!.y).toBeCloseTo(en!.y, 0);
    expect(zh!.x).toBeGreaterThan(en!.x + en!.width);
    expect(zh!.x + zh!.width - en!.x).toBeGreaterThan(DESKTOP.width * 0.8);
  });
});

describe("an article in one language on paper", () => {
  it("spans the page as a bilingual one does", async () => {
    const printed = async (url: string) => {
      await page.goto(url);
      await page.emulateMedia({ media: "print" });
      const width = await page.locator(".article").evaluate((el) => el.getBoundingClientRect().width);
      await page.emulateMedia({ media: "screen" });
      return width;
    };
    expect(await printed(fixtures.url + ENGLISH_ONLY)).toBe(await printed(sample.url + BILINGUAL));
  });
});

// Every control and link a reader can touch is big enough to hit with a finger (WCAG 2.2,
// 2.5.8: at least 24 by 24 CSS px) and overlaps no other, measured in real Chromium on one
// page of every kind, at phone and desktop widths, in both themes; axe's own target-size
// rule (off by default, checked by Lighthouse) agrees.

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ARTICLE, axeViolations, COLUMN, DESKTOP, HOME, PHONE, SEARCH_EN, settled } from "./helpers/browser.ts";
import { launchChromium } from "./helpers/chromium.ts";
import { serveFolder, type StaticServer } from "./helpers/static-server.ts";

/** One page of every kind; the paired article also ends in related blocks headed by links. */
const PAGES = [HOME, ARTICLE, "/international/20230608/budapest-cargo-flights/", COLUMN, SEARCH_EN, "/404.html"];
const MIN = 24;

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveFolder(inject("siteDir"))]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

interface Target {
  name: string;
  box: { x: number; y: number; width: number; height: number };
}

/** Every target a reader can see: links, buttons, fields, summaries, focusable elements. A
 *  link inside a sentence is left out, as WCAG leaves it out: its height is the line's. */
function visibleTargets(page: Page): Promise<Target[]> {
  return page.evaluate(() => {
    const isInline = (el: Element) => getComputedStyle(el).display === "inline";
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])";
    /** Words in the element's block that are not in a target: a sentence around it. */
    const inSentence = (el: Element) => {
      let block = el.parentElement;
      while (block && isInline(block)) block = block.parentElement;
      const walker = document.createTreeWalker(block ?? el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement!.closest(selector) && /\p{L}/u.test(node.textContent ?? "")) return isInline(el);
      }
      return false;
    };
    return [...document.querySelectorAll(selector)]
      .filter((el) => el.checkVisibility({ visibilityProperty: true }) && !inSentence(el))
      .map((el) => {
        const { x, y, width, height } = el.getBoundingClientRect();
        const label = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40) || el.getAttribute("aria-label") || "";
        return { name: `<${el.localName}${el.getAttribute("href") ? ` href="${el.getAttribute("href")}"` : ""}> ${label}`, box: { x, y, width, height } };
      });
  });
}

function overlap(a: Target["box"], b: Target["box"]): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

for (const colorScheme of ["light", "dark"] as const) {
  for (const viewport of [PHONE, DESKTOP]) {
    describe(`touch targets at ${viewport.width} px, ${colorScheme} theme`, () => {
      let page: Page;
      beforeAll(async () => {
        page = await (await browser.newContext({ viewport, colorScheme, bypassCSP: true })).newPage();
      });
      afterAll(() => page?.context().close());

      for (const sitePath of PAGES) {
        it(`${sitePath}: every target is at least ${MIN} x ${MIN} px and overlaps no other`, async () => {
          const response = await page.goto(server.url + sitePath);
          expect(response?.status()).toBe(200);
          if (sitePath === SEARCH_EN) await page.waitForSelector("#search-results li");
          // Related blocks and far search results are laid out when scrolled to
          // (content-visibility: auto): lay them out now, as a reader scrolling would.
          await page.addStyleTag({ content: "* { content-visibility: visible !important; }" });
          await settled(page);
          const targets = await visibleTargets(page);
          expect(targets.length).toBeGreaterThan(10);
          const small = targets.filter((t) => t.box.width < MIN || t.box.height < MIN).map((t) => `${t.name}: ${t.box.width.toFixed(1)} x ${t.box.height.toFixed(1)}`);
          expect(small).toEqual([]);
          const overlapping = targets.flatMap((a, i) => targets.slice(i + 1).filter((b) => overlap(a.box, b.box) > 1).map((b) => `${a.name} / ${b.name}`));
          expect(overlapping).toEqual([]);
          expect(await axeViolations(page, ["target-size"])).toEqual([]);
        });
      }
    });
  }
}

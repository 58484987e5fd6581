// The built sample site in real Chromium: accessible in every reading mode, the mode
// remembered across pages, no sideways scrolling on a phone, no Content-Security-Policy
// violation, a print layout of text and the QR code a phone can read, the page's own QR
// control and search box at work; screenshots for a person to review, each checked for
// what a reader would see at once.

import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./helpers/chromium.ts";
import { ARTICLE, axeViolations, COLUMN, DESKTOP, HOME, KEY_PAGES, PHONE, READING_MODES, SEARCH_EN, SEARCH_ZH, settled, type ReadingMode } from "./helpers/browser.ts";
import { TEST_SITE_URL } from "./helpers/build.ts";
import { readQrPng as readQr } from "./helpers/read-qr.ts";
import { pagePaths, pageUrl } from "./helpers/site-snapshot.ts";
import { serveFolder, type StaticServer } from "./helpers/static-server.ts";

const siteDir = inject("siteDir");
const SCREENSHOTS = "tests/.output/screenshots";
/** An A4 sheet in CSS pixels (96 per inch), for the print layout. */
const A4 = { width: 794, height: 1123 };
/** A sample article with pairs, an English paragraph that stands alone, related blocks and
 *  no credits, in another column than ARTICLE, which has credits and a figure. */
const PAIRED = "/international/20230608/budapest-cargo-flights/";
/** A sample article with two bilingual subheads between its pairs. */
const SUBHEADS = "/energy/20251218/bus-depot-night-shift/";

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveFolder(siteDir)]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

/** One page, in a browser context of its own, for the enclosing describe block. */
function pageFor(options: BrowserContextOptions = {}): () => Page {
  let page: Page;
  beforeAll(async () => {
    page = await (await browser.newContext(options)).newPage();
  });
  afterAll(() => page?.context().close());
  return () => page;
}

async function open(page: Page, sitePath: string) {
  const response = await page.goto(server.url + sitePath);
  expect(response?.status(), sitePath).toBe(200);
  if (sitePath.startsWith("/search/?q=")) await page.waitForSelector("#search-results li");
}


async function chooseMode(page: Page, mode: ReadingMode) {
  await page.click(`.reading-mode button[data-reading="${mode}"]`);
  expect(await page.getAttribute("html", "data-reading")).toBe(mode);
  // The buttons ease into their new colours (0.15 s): what is checked next is the page once
  // settled, not a frame halfway, whose contrast axe would rightly refuse.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
}

describe("accessibility", () => {
  // axe arrives as an inline script, which the site's own policy rightly refuses.
  const page = pageFor({ bypassCSP: true });

  for (const sitePath of KEY_PAGES) {
    for (const mode of READING_MODES) {
      it(`${sitePath} in reading mode "${mode}" has no axe violations`, async () => {
        await open(page(), sitePath);
        await chooseMode(page(), mode);
        expect(await axeViolations(page())).toEqual([]);
      });
    }
  }

  it("is judged on the colours a reader sees once a mode button has faded to pressed", async () => {
    // The fade lasts 0.15 s; slowed down, axe would land in it every time and read grey
    // text on pink (a colour pair no reader sees for long) unless it waits for the end.
    await open(page(), COLUMN);
    await chooseMode(page(), "en");
    await page().addStyleTag({ content: ".reading-mode button { transition-duration: 2s !important; }" });
    await chooseMode(page(), "zh");
    expect(await axeViolations(page())).toEqual([]);
  });
});

describe("accessibility in the dark theme", () => {
  // The dark theme keeps the light one's contrast: axe checks every colour pair again.
  const page = pageFor({ bypassCSP: true, colorScheme: "dark" });

  for (const sitePath of [...KEY_PAGES, PAIRED, SEARCH_ZH]) {
    for (const mode of ["both", "zh"] as const) {
      it(`${sitePath} in reading mode "${mode}" has no axe violations`, async () => {
        await open(page(), sitePath);
        await chooseMode(page(), mode);
        expect(await page().evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(true);
        expect(await page().evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe("rgb(253, 252, 249)");
        expect(await axeViolations(page())).toEqual([]);
      });
    }
  }
});

describe("untranslated paragraphs", () => {
  const page = pageFor({ viewport: DESKTOP });
  const note = () => page().locator(".single.only-en > .lang-note").first();

  it("are marked where the translation would be in Both, in Chinese in 中文, and not at all in English", async () => {
    await open(page(), PAIRED);
    await chooseMode(page(), "both");
    expect((await note().innerText()).trim()).toBe("English only 仅英文");
    // Beside the paragraph, in the Chinese half: the empty half explains itself.
    const [noteBox, paragraphBox] = await Promise.all([note().boundingBox(), page().locator(".single.only-en > p:not(.lang-note)").first().boundingBox()]);
    expect(noteBox!.x).toBeGreaterThan(paragraphBox!.x + paragraphBox!.width);
    await chooseMode(page(), "zh");
    expect((await note().innerText()).trim()).toBe("仅英文");
    await chooseMode(page(), "en");
    expect(await note().isVisible()).toBe(false);
  });
});

describe("subheads", () => {
  const page = pageFor({ bypassCSP: true, viewport: DESKTOP });
  const heading = (lang: string) => page().locator(`.article-body .subhead > h2[lang="${lang}"]`).first();
  const boxes = () => Promise.all([heading("en").boundingBox(), heading("zh-CN").boundingBox()]);

  it("keep the outline axe expects in every reading mode", async () => {
    await open(page(), SUBHEADS);
    for (const mode of READING_MODES) {
      await chooseMode(page(), mode);
      expect(await axeViolations(page()), mode).toEqual([]);
    }
  });

  it("read side by side in Both on a desktop, stacked on a phone, and alone in each language's mode", async () => {
    await page().setViewportSize(DESKTOP);
    await open(page(), SUBHEADS);
    await chooseMode(page(), "both");
    let [en, zh] = await boxes();
    expect(zh!.x).toBeGreaterThan(en!.x + en!.width);
    expect(Math.abs(zh!.y - en!.y)).toBeLessThan(1);
    // Larger than the text under it, and set apart from the text before it.
    const size = (selector: string) => page().$eval(selector, (el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await size('.subhead > h2[lang="en"]')).toBeGreaterThan(await size('.article-body p[lang="en"]'));
    await page().setViewportSize(PHONE);
    [en, zh] = await boxes();
    expect(zh!.y).toBeGreaterThanOrEqual(en!.y + en!.height);
    expect(Math.abs(zh!.x - en!.x)).toBeLessThan(1);
    await chooseMode(page(), "en");
    expect([await heading("en").isVisible(), await heading("zh-CN").isVisible()]).toEqual([true, false]);
    await chooseMode(page(), "zh");
    expect([await heading("en").isVisible(), await heading("zh-CN").isVisible()]).toEqual([false, true]);
  });
});

describe("nothing moves while a page loads", () => {
  const page = pageFor({ viewport: PHONE });

  for (const sitePath of [HOME, PAIRED, SEARCH_EN]) {
    it(`${sitePath} has no layout shift`, async () => {
      await open(page(), sitePath);
      await page().waitForTimeout(200);
      const shift = await page().evaluate(
        () =>
          new Promise<number>((resolve) => {
            let total = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as unknown as { value: number }[]) total += entry.value;
            }).observe({ type: "layout-shift", buffered: true });
            setTimeout(() => resolve(total), 100);
          }),
      );
      expect(shift).toBeLessThan(0.01);
    });
  }
});

describe("reading mode", () => {
  it("a mode chosen on one page holds on the next", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await open(page, ARTICLE);
    await chooseMode(page, "zh");
    await open(page, PAIRED);
    expect(await page.getAttribute("html", "data-reading")).toBe("zh");
    expect(await page.getAttribute('.reading-mode button[data-reading="zh"]', "aria-pressed")).toBe("true");
    // The English half of a pair hides; an English paragraph that stands alone stays.
    expect(await page.isVisible(".pair > :lang(en)")).toBe(false);
    expect(await page.isVisible(".pair > :lang(zh-CN)")).toBe(true);
    expect(await page.isVisible(".single > p:lang(en)")).toBe(true);
    await open(page, HOME);
    expect(await page.getAttribute("html", "data-reading")).toBe("zh");
    expect(await page.isVisible('.brand [lang="en"]')).toBe(false);
    await context.close();
  });

  it("without JavaScript both languages show and the control stays hidden", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await open(page, PAIRED);
    expect(await page.getAttribute("html", "data-reading")).toBeNull();
    expect(await page.isVisible(".pair > :lang(en)")).toBe(true);
    expect(await page.isVisible(".pair > :lang(zh-CN)")).toBe(true);
    expect(await page.isVisible(".reading-mode")).toBe(false);
    await context.close();
  });
});

describe("phone layout", () => {
  const page = pageFor({ viewport: PHONE });

  for (const file of pagePaths(siteDir)) {
    const sitePath = pageUrl(file);
    it(`${sitePath} does not scroll sideways at ${PHONE.width} px`, async () => {
      await open(page(), sitePath);
      const { scrollWidth, clientWidth } = await page().evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(clientWidth).toBe(PHONE.width);
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    });
  }
});

type Box = { x: number; y: number; width: number; height: number };

/** The grey levels of a region of a PNG (the whole image without `box`). */
async function greys(png: Buffer, box?: Box): Promise<{ mean: number; spread: number; dominant: number }> {
  let image = sharp(png);
  if (box) image = image.extract({ left: Math.round(box.x), top: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) });
  const pixels = await image.greyscale().raw().toBuffer();
  const counts = new Array<number>(256).fill(0);
  for (const value of pixels) counts[value]!++;
  const mean = pixels.reduce((sum, value) => sum + value, 0) / pixels.length;
  const spread = Math.sqrt(pixels.reduce((sum, value) => sum + (value - mean) ** 2, 0) / pixels.length);
  return { mean, spread, dominant: counts.indexOf(Math.max(...counts)) };
}

describe("screenshots for review", () => {
  // Each is also checked for what a reader would see at once: the whole page, in the theme
  // asked for, with the thing the page is for (the lead story, the headline, the first
  // result) drawn on the first screen.
  const shots = [
    ["home", HOME, "light", ".lead-story-title"],
    ["article", PAIRED, "light", ".headline"],
    ["search-zh", SEARCH_ZH, "light", "#search-results > li"],
    ["search-en", SEARCH_EN, "light", "#search-results > li"],
    ["home-dark", HOME, "dark", ".lead-story-title"],
    ["article-dark", PAIRED, "dark", ".headline"],
    ["search-zh-dark", SEARCH_ZH, "dark", "#search-results > li"],
  ] as const;
  for (const [name, sitePath, colorScheme, main] of shots) {
    for (const [size, viewport] of [["phone", PHONE], ["desktop", DESKTOP]] as const) {
      it(`${name} at ${viewport.width} px shows its ${main} on the first screen, in the ${colorScheme} theme (written to ${SCREENSHOTS})`, async () => {
        const context = await browser.newContext({ viewport, colorScheme });
        const page = await context.newPage();
        await open(page, sitePath);
        await settled(page);
        await mkdir(SCREENSHOTS, { recursive: true });
        const png = await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size}.png`), fullPage: true });
        const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
        const box = (await page.locator(main).first().boundingBox())!;
        await context.close();

        const { width, height } = await sharp(png).metadata();
        expect(width).toBe(viewport.width);
        // The whole page, longer than a screen: not a screenful, not a page cut short.
        expect(height).toBe(pageHeight);
        expect(height).toBeGreaterThan(viewport.height);
        // The paper is the theme's: near white, or near black.
        const whole = await greys(png);
        if (colorScheme === "light") expect(whole.dominant).toBeGreaterThan(230);
        else expect(whole.dominant).toBeLessThan(40);
        // What the page is for starts on the first screen, and is drawn there: text, not an
        // empty or one-coloured box.
        expect(box.y).toBeLessThan(viewport.height - 48);
        const first = { ...box, height: Math.min(box.height, viewport.height - box.y) };
        const drawn = await greys(png, first);
        expect(drawn.spread).toBeGreaterThan(20);
        expect(Math.abs(drawn.dominant - whole.dominant)).toBeLessThan(10);
      });
    }
  }
});

describe("Content-Security-Policy", () => {
  const page = pageFor();
  let violations: string[];
  beforeAll(() => {
    page().on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page().on("pageerror", (error) => violations.push(error.message));
  });

  for (const sitePath of KEY_PAGES) {
    it(`${sitePath} loads and runs with no policy violation`, async () => {
      violations = [];
      await open(page(), sitePath);
      await chooseMode(page(), "en");
      expect(violations).toEqual([]);
    });
  }

  it("refuses a script injected into a page, and says so in the console", async () => {
    violations = [];
    await open(page(), ARTICLE);
    const ran = await page().evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "document.documentElement.dataset.injected = 'ran'";
      document.head.append(script);
      return document.documentElement.dataset.injected ?? "refused";
    });
    expect(ran).toBe("refused");
    expect(violations.join("\n")).toMatch(/script-src/);
  });
});

describe("print", () => {
  const page = pageFor({ viewport: A4 });
  const displayOf = (selector: string) => page().$eval(selector, (el) => getComputedStyle(el).display);

  it("prints headline, byline, text and credits, without navigation or related blocks", async () => {
    await open(page(), ARTICLE);
    await page().emulateMedia({ media: "print" });
    for (const hidden of [".masthead", ".columns-nav", ".reading-mode", ".related", ".site-footer"]) {
      expect(await displayOf(hidden), hidden).toBe("none");
    }
    for (const shown of [".headline", ".byline", ".article-body p", ".article-body figure img", ".credits"]) {
      expect(await page().isVisible(shown), shown).toBe(true);
    }
    await mkdir(SCREENSHOTS, { recursive: true });
    await page().screenshot({ path: path.join(SCREENSHOTS, "article-print.png"), fullPage: true });
  });

  it("prints the article's QR code, closed on screen, without its summary, and a phone reads the printed code", async () => {
    await open(page(), ARTICLE);
    await page().emulateMedia({ media: "screen" });
    expect(await page().isVisible(".qr .qr-code svg")).toBe(false);
    await page().emulateMedia({ media: "print" });
    expect(await page().isVisible(".qr summary")).toBe(false);
    expect(await readQr(await page().locator(".qr .qr-code").screenshot())).toBe(`${TEST_SITE_URL}${ARTICLE}`);
  });

  it("never prints the search box: its own rule hides it, wherever it sits", async () => {
    await open(page(), ARTICLE);
    await page().emulateMedia({ media: "print" });
    // The masthead around it is hidden too; the box's own computed display shows its rule.
    expect(await displayOf(".search-box")).toBe("none");
  });
});

describe("the Scan QR Code control", () => {
  const page = pageFor({ viewport: PHONE });

  it("opens to a code a phone reads as the article's own address", async () => {
    await open(page(), ARTICLE);
    const code = page().locator(".qr .qr-code");
    expect(await code.isVisible()).toBe(false);
    await page().click(".qr summary");
    expect(await code.isVisible()).toBe(true);
    expect(await readQr(await code.screenshot())).toBe(`${TEST_SITE_URL}${ARTICLE}`);
  });
});

describe("the search box on every page", () => {
  const page = pageFor({ viewport: PHONE });

  it("takes a query from an article to its results", async () => {
    await open(page(), ARTICLE);
    await page().fill("#site-search", "hospital");
    await page().press("#site-search", "Enter");
    await page().waitForURL(`${server.url}${SEARCH_EN}`);
    await page().waitForSelector("#search-results li");
    expect(await page().inputValue("#search-q")).toBe("hospital");
    expect(await page().locator("#search-results > li").count()).toBeGreaterThan(0);
  });
});

// The built sample site in real Chromium: accessible in every reading mode, the mode
// remembered across pages, no sideways scrolling on a phone, no Content-Security-Policy
// violation, a print layout of text only; screenshots for a person to review.

import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./helpers/chromium.ts";
import { ARTICLE, axeViolations, DESKTOP, HOME, KEY_PAGES, PHONE, READING_MODES, SEARCH_EN, SEARCH_ZH, type ReadingMode } from "./helpers/browser.ts";
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

describe("screenshots for review", () => {
  const shots = [
    ["home", HOME, "light"],
    ["article", PAIRED, "light"],
    ["search-zh", SEARCH_ZH, "light"],
    ["search-en", SEARCH_EN, "light"],
    ["home-dark", HOME, "dark"],
    ["article-dark", PAIRED, "dark"],
    ["search-zh-dark", SEARCH_ZH, "dark"],
  ] as const;
  for (const [name, sitePath, colorScheme] of shots) {
    for (const [size, viewport] of [["phone", PHONE], ["desktop", DESKTOP]] as const) {
      it(`${name} at ${viewport.width} px is written to ${SCREENSHOTS}`, async () => {
        const context = await browser.newContext({ viewport, colorScheme });
        const page = await context.newPage();
        await open(page, sitePath);
        await mkdir(SCREENSHOTS, { recursive: true });
        const file = path.join(SCREENSHOTS, `${name}-${size}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await context.close();
        // A PNG's IHDR holds its width at byte 16: the shot is as wide as the viewport.
        expect((await readFile(file)).readUInt32BE(16)).toBe(viewport.width);
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

  it("prints a QR block's code but not its summary, and never the search box", async () => {
    // The class names the QR and search features use (see assets/site.css, @media print);
    // the search box goes outside the masthead here, so its own rule is what hides it.
    await open(page(), ARTICLE);
    await page().evaluate(() => {
      document.querySelector("main")!.insertAdjacentHTML("afterbegin", '<form class="search-box" role="search"><input type="search" aria-label="q"></form>');
      document.querySelector(".article")!.insertAdjacentHTML("beforeend", '<details class="qr"><summary>Scan QR Code</summary><svg class="qr-code" width="80" height="80" role="img" aria-label="QR"><rect width="80" height="80"></rect></svg></details>');
    });
    await page().emulateMedia({ media: "screen" });
    expect(await page().isVisible(".qr svg")).toBe(false);
    await page().emulateMedia({ media: "print" });
    expect(await page().isVisible(".qr summary")).toBe(false);
    expect(await page().isVisible(".qr svg")).toBe(true);
    expect(await page().isVisible(".search-box")).toBe(false);
  });
});

// Front matter and body text cannot inject markup or script. The fixture corpus
// (tests/fixtures/hostile/) puts <script>, attribute breakouts and script URLs in every
// string an editor writes; its built pages must show all of it as text, run nothing, and
// pass the same gates as the sample site.

import { existsSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_SITE_URL, buildTestSite, tempDir } from "./helpers/build.ts";
import { launchChromium } from "./helpers/chromium.ts";
import { readPage, text, type Doc } from "./helpers/html.ts";
import { brokenReferences } from "./helpers/links.ts";
import { htmlProblems, inlineCodeProblems } from "./helpers/page-checks.ts";
import { pagePaths, pageUrl, readSite } from "./helpers/site-snapshot.ts";
import { serveFolder } from "./helpers/static-server.ts";

const SCRIPT_TAGS = "/news/20240101/script-tags/";
/** The only scripts a page may run: the site's own files, as the build names them (the CMS
 *  at /admin/ included). */
const SITE_SCRIPT = /^\/assets\/(?:reading-mode|search|admin)\.[0-9a-f]{10}\.js$/;
const DOUBLE_QUOTE = "/news/20240102/double-quote-breakout/";
const SINGLE_QUOTE = "/international/20240103/single-quote-breakout/";

let siteDir: string;
beforeAll(async () => {
  siteDir = await buildTestSite({ QIAO_ARTICLES_DIR: "tests/fixtures/hostile" });
});

describe("every page built from hostile content", () => {
  it("runs no script but the site's own, has no event handler and no script URL", async () => {
    const pages = pagePaths(siteDir);
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const file of pages) {
      const doc = await readPage(siteDir, pageUrl(file));
      expect(inlineCodeProblems(doc), file).toEqual([]);
      // Data blocks (JSON-LD, the search page's strings) are never executed; they must parse.
      const data = [...doc.querySelectorAll('script[type="application/ld+json"], script[type="application/json"]')];
      for (const block of data) expect(() => JSON.parse(block.textContent ?? ""), file).not.toThrow();
      const executable = [...doc.querySelectorAll("script")].filter((s) => !data.includes(s));
      for (const script of executable) expect(script.getAttribute("src"), file).toMatch(SITE_SCRIPT);
    }
  });

  it("is valid HTML, so no string broke out of its element or attribute", async () => {
    for (const file of pagePaths(siteDir)) expect(await htmlProblems(path.join(siteDir, file)), file).toEqual([]);
  });

  it("links only to pages and files that exist", async () => {
    expect(brokenReferences(await readSite(siteDir), `${TEST_SITE_URL}/`)).toEqual([]);
  });
});

describe("hostile strings show as text", () => {
  let doc: Doc;
  beforeAll(async () => {
    doc = await readPage(siteDir, SCRIPT_TAGS);
  });

  it("in the title, headline, kicker, source and credits", () => {
    expect(text(doc.querySelector("title"))).toBe('<script>alert("title-en")</script> Fixture headline one · Zhengzhou Window 郑州之窗');
    expect(text(doc.querySelector("h1 .kicker"))).toBe('<script>alert("kicker")</script>');
    expect(text(doc.querySelector('h1 .title [lang="zh-CN"]'))).toBe('<script>alert("title-zh")</script>测试标题一');
    expect(text(doc.querySelector(".byline .source"))).toBe('<script>alert("source")</script>');
    expect(text(doc.querySelector(".credits"))).toBe('<script>alert("credits")</script>(测试 署名)');
  });

  it("in body text, figure captions and alt text", () => {
    const body = text(doc.querySelector(".article-body"));
    expect(body).toContain('<script>alert("body")</script> and <img src=x onerror=alert("body-img")>');
    expect(body).toContain('正文里的标签:<script>alert("正文")</script>');
    expect(text(doc.querySelector("figcaption"))).toBe("<script>alert('caption')</script>");
    expect(doc.querySelector("figure img")?.getAttribute("alt")).toBe('Caption test <script>alert("alt")</script>');
  });

  it("script and data links in body Markdown stay as their Markdown text, not links", () => {
    const body = text(doc.querySelector(".article-body"));
    expect(body).toContain('A [javascript link](javascript:alert("md-link"))');
    expect(body).toContain("[vbscript one](vbscript:msgbox(1))");
    expect(body).toContain("[data image link](data:image/png;base64,iVBORw0KGgo=)");
    expect(doc.querySelectorAll(".article-body a")).toHaveLength(0);
  });

  it("in the summaries of the teasers that list them", async () => {
    const home = await readPage(siteDir, "/");
    const column = await readPage(siteDir, "/news/");
    const summaries = [...home.querySelectorAll(".teaser-summary, .lead-story-summary"), ...column.querySelectorAll(".teaser-summary")].map((p) => text(p));
    expect(summaries).toContain('<script>alert("summary-en")</script> Fixture summary one. <script>alert("summary-zh")</script>测试摘要一。');
  });

  it("attribute breakouts with \" and ' stay inside their text", async () => {
    const double = await readPage(siteDir, DOUBLE_QUOTE);
    expect(text(double.querySelector("h1 .kicker"))).toBe('" onmouseover="alert(1)');
    expect(text(double.querySelector(".credits"))).toBe('(测试" onmouseover="alert(1))');
    expect(double.querySelector("figure img")?.getAttribute("alt")).toBe('" onmouseover="alert(1)');
    const single = await readPage(siteDir, SINGLE_QUOTE);
    expect(text(single.querySelector("title"))).toBe(
      "Fixture headline three '><img src=x onerror=alert(1)></title><script>alert(1)</script> · Zhengzhou Window 郑州之窗",
    );
    expect(text(single.querySelector(".byline .source"))).toBe("'><img src=x onerror=alert(1)>");
    expect(text(single.querySelector(".article-body"))).toContain("{{ 7 * 7 }} and {% raw %}");
    expect(single.querySelectorAll("img")).toHaveLength(1); // the figure's own, no injected one
  });
});

describe("in a browser", () => {
  let browser: Browser;
  afterAll(() => browser?.close());

  it("no hostile page opens a dialog, even with its policy off and the pointer over every element", async () => {
    const server = await serveFolder(siteDir);
    browser = await launchChromium();
    // Without the Content-Security-Policy, so escaping alone has to hold.
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const sitePath of [SCRIPT_TAGS, DOUBLE_QUOTE, SINGLE_QUOTE, "/"]) {
      await page.goto(server.url + sitePath);
      await page.evaluate(() => {
        for (const el of document.querySelectorAll("*")) el.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      });
    }
    await server.close();
    expect(dialogs).toEqual([]);
  });
});

describe("a script URL as an image", () => {
  it("stops the build with a message at the line of each image, and writes nothing", async () => {
    const out = path.join(await tempDir(), "site");
    await expect(buildTestSite({ QIAO_ARTICLES_DIR: "tests/fixtures/hostile-images" }, out)).rejects.toThrow(
      /2024-02-01-script-lead-image\.md:8:1 error image "javascript:alert\(1\)" must be a path under \/assets\/[\s\S]*2024-02-02-data-body-image\.md:12:1 error image "data:image\/svg\+xml;base64,[^"]+" must be a path under \/assets\//,
    );
    expect(existsSync(out)).toBe(false);
  });
});

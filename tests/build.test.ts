// The sample site, built for real and read with an HTML parser.

import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { readParagraphs } from "../src/model/paragraphs.ts";
import { buildTestSite } from "./helpers/build.ts";
import { readPage, text, type Doc } from "./helpers/html.ts";

const siteDir = inject("siteDir");
/** Kicker, pairs and one English paragraph that stands alone (a quote left untranslated). */
const BUDAPEST = "/international/20230608/budapest-cargo-flights/";
/** The newest news article; the two news articles before it. */
const HEATING = "/news/20261125/heating-season-hotline/";
const RAINSTORM = "/news/20260722/rainstorm-preparations/";
const MAY_DAY = "/news/20260506/metro-may-day-record/";
/** Credits and one English paragraph that stands alone. */
const MARATHON = "/news/20251019/zhengzhou-marathon/";

function sourceParagraphs(file: string) {
  return readParagraphs(readFileSync(file, "utf8").split(/^---$/m)[2]!).paragraphs;
}

describe("article page", () => {
  let doc: Doc;
  beforeAll(async () => {
    doc = await readPage(siteDir, BUDAPEST);
  });

  it("is published at /{column}/{YYYYMMDD}/{slug}/", () => {
    expect(doc.querySelector("h1")).not.toBeNull();
  });

  it("shows kicker and headline", () => {
    expect(text(doc.querySelector("h1 .kicker"))).toBe("Zhengzhou International");
    expect(text(doc.querySelector('h1 [lang="en"]:not(.kicker)'))).toBe("New twice-weekly freighter links Zhengzhou airport with Budapest");
    expect(text(doc.querySelector('h1 [lang="zh-CN"]'))).toBe("郑州机场开通至布达佩斯每周两班全货机航线");
  });

  it("shows the date in Beijing time", () => {
    const time = doc.querySelector(".byline time")!;
    expect(time.getAttribute("datetime")).toBe("2023-06-08T09:15:00+08:00");
    expect(text(time)).toBe("2023-06-08 09:15");
    expect(text(doc.querySelector(".byline .source"))).toBe("郑州之窗");
  });

  it("renders the pairs in the order and number of the source", () => {
    const groups = [...doc.querySelectorAll(".article-body > div")].map((div) =>
      [...div.querySelectorAll(":scope > :not(.lang-note)")].map((p) => p.getAttribute("lang")).join("+"),
    );
    expect(groups).toEqual(["en+zh-CN", "en+zh-CN", "en", "en+zh-CN", "en+zh-CN"]);
    const rendered = [...doc.querySelectorAll(".article-body > div > :not(.lang-note)")].map((p) => text(p));
    const source = sourceParagraphs("articles/2023-06-08-budapest-cargo-flights.md").map((p) => p.text.replace(/\s+/g, " "));
    expect(rendered).toEqual(source);
  });

  it("gives every paragraph the lang of its script", () => {
    for (const p of doc.querySelectorAll(".article-body > div > :not(.lang-note)")) {
      const hasHan = /\p{Script=Han}/u.test(p.textContent ?? "");
      expect(p.getAttribute("lang"), text(p)).toBe(hasHan ? "zh-CN" : "en");
    }
  });

  it("marks every piece of Chinese text with lang zh-CN", () => {
    const walker = doc.createTreeWalker(doc.body, 4 /* text nodes */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!/\p{Script=Han}/u.test(node.textContent ?? "")) continue;
      if (node.parentElement?.closest("[aria-hidden]")) continue;
      expect(node.parentElement?.closest("[lang]")?.getAttribute("lang"), node.textContent!).toBe("zh-CN");
    }
  });

  it("lists the latest other news in the Zhengzhou Release block, never the article itself", async () => {
    // The newest news article: the block would open with it if it listed itself.
    const newest = await readPage(siteDir, HEATING);
    const related = newest.querySelector("#related-news")!.closest("section")!;
    const links = [...related.querySelectorAll(".teaser a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual([RAINSTORM, MAY_DAY]);
  });

  it("offers the reading-mode control, hidden until its script runs", () => {
    const control = doc.querySelector(".reading-mode")!;
    expect(control.hasAttribute("hidden")).toBe(true);
    expect([...control.querySelectorAll("button")].map((b) => b.dataset.reading)).toEqual(["en", "zh", "both"]);
  });
});

describe("credits and English paragraphs that stand alone", () => {
  it("prints the Chinese credit line after the body", async () => {
    const doc = await readPage(siteDir, MARATHON);
    const credits = doc.querySelector(".credits")!;
    expect(text(credits)).toBe("（记者 梁晨/文 记者 孟凡/图）");
    expect(credits.getAttribute("lang")).toBe("zh-CN");
    expect(doc.querySelector(".article-body + .credits")).toBe(credits);
    const alone = doc.querySelectorAll(".article-body > .single > [lang=en]");
    expect([...alone].map((p) => text(p).slice(0, 14))).toEqual(["Winning times:"]);
  });
});

describe("lists", () => {
  it("home page leads with the latest article, then lists the latest by column, newest first", async () => {
    const doc = await readPage(siteDir, "/");
    expect(doc.querySelector(".lead-story h2 a")!.getAttribute("href")).toBe(HEATING);
    const section = doc.querySelector("#home-news")!.closest("section")!;
    expect([...section.querySelectorAll(".teaser-title a")].map((a) => a.getAttribute("href"))).toEqual([
      RAINSTORM,
      MAY_DAY,
      "/news/20260209/city-service-app/",
      MARATHON,
      "/news/20250702/summer-rail-timetable/",
    ]);
  });

  it("column page lists its articles and marks its nav link as current", async () => {
    const doc = await readPage(siteDir, "/news/");
    expect(doc.querySelectorAll(".teaser")).toHaveLength(12);
    expect(doc.querySelector(".teaser-title a")?.getAttribute("href")).toBe(HEATING);
    expect(doc.querySelector('nav a[aria-current="page"]')?.getAttribute("href")).toBe("/news/");
  });

  it("a column longer than a page continues on page 2 with the oldest articles, each page linking the other", async () => {
    const first = await readPage(siteDir, "/news/");
    const second = await readPage(siteDir, "/news/page/2/");
    expect(first.querySelector('.pager a[rel="next"]')?.getAttribute("href")).toBe("/news/page/2/");
    expect(second.querySelector('.pager a[rel="prev"]')?.getAttribute("href")).toBe("/news/");
    expect([...second.querySelectorAll(".teaser-title a")].map((a) => a.getAttribute("href"))).toEqual([
      "/news/20230928/metro-line-15-extension/",
      "/news/20230715/heat-wave-two-weeks/",
      "/news/20230423/library-late-reading-rooms/",
    ]);
  });

  it("an empty column says so in both languages", async () => {
    // Every column of the sample has articles; this fixture has one published article, in news.
    const fixtures = await buildTestSite({ QIAO_ARTICLES_DIR: "tests/fixtures/site" });
    const doc = await readPage(fixtures, "/vision/");
    expect(text(doc.querySelector("main p"))).toBe("No articles yet. 暂无文章。");
  });
});

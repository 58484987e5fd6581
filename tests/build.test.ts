// The sample site, built for real and read with an HTML parser.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { readParagraphs } from "../src/model/paragraphs.ts";
import { buildTestSite, TEST_SITE_URL } from "./helpers/build.ts";
import { readPage, text, type Doc } from "./helpers/html.ts";
import { pagePaths, pageUrl } from "./helpers/site-snapshot.ts";

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

/** The article pages of a built site, as URLs: every page three folders deep. */
function articleUrls(siteDir: string): string[] {
  return pagePaths(siteDir).map(pageUrl).filter((url) => url.split("/").length === 5 && !url.includes("/page/")).sort();
}

describe("article page", () => {
  let doc: Doc;
  beforeAll(async () => {
    doc = await readPage(siteDir, BUDAPEST);
  });

  it("is published at /{column}/{YYYYMMDD}/{slug}/, its canonical address", () => {
    expect(existsSync(path.join(siteDir, "international/20230608/budapest-cargo-flights/index.html"))).toBe(true);
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute("href")).toBe(`${TEST_SITE_URL}${BUDAPEST}`);
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

describe("article URLs", () => {
  it("are /{column}/{YYYYMMDD}/{slug}/ for every published sample: its column, its Beijing day, its file name without the date", () => {
    // Read from the files as an editor reads them: every sample is dated in Beijing time.
    const expected = readdirSync("articles")
      .filter((name) => name.endsWith(".md"))
      .map((name) => ({ name, front: readFileSync(path.join("articles", name), "utf8").split(/^---$/m)[1]! }))
      .filter(({ front }) => !/^draft: true/m.test(front) && !/^date: 2030-/m.test(front))
      .map(({ name, front }) => {
        const column = /^column: (\S+)$/m.exec(front)![1];
        const day = /^date: (\d{4})-(\d{2})-(\d{2}) /m.exec(front)!.slice(1).join("");
        return `/${column}/${day}/${name.replace(/^\d{4}-\d{2}-\d{2}-/, "").replace(/\.md$/, "")}/`;
      });
    expect(expected.length).toBe(35);
    expect(articleUrls(siteDir)).toEqual(expected.sort());
  });

  it("take the day in Beijing, not in UTC, and keep a Chinese slug whole", async () => {
    const dir = await buildTestSite({ QIAO_ARTICLES_DIR: "tests/fixtures/urls" });
    // 00:30 on 1 January in Beijing is still 31 December in UTC; so is 16:45Z on the 31st.
    expect(articleUrls(dir)).toEqual([
      "/news/20240101/first-train/",
      "/vision/20240101/bells-at-midnight/",
      "/vision/20240210/春节庙会/",
    ]);
    const fair = await readPage(dir, "/vision/20240210/春节庙会/");
    expect(fair.querySelector('link[rel="canonical"]')!.getAttribute("href")).toBe(`${TEST_SITE_URL}/vision/20240210/%E6%98%A5%E8%8A%82%E5%BA%99%E4%BC%9A/`);
    expect(fair.querySelector(".byline time")!.getAttribute("datetime")).toBe("2024-02-10T09:00:00+08:00");
    const column = await readPage(dir, "/vision/");
    expect([...column.querySelectorAll(".teaser-title a")].map((a) => a.getAttribute("href"))).toEqual([
      "/vision/20240210/春节庙会/",
      "/vision/20240101/bells-at-midnight/",
    ]);
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

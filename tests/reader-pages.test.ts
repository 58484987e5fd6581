// What a reader sees on the front page and in an article with untranslated paragraphs, on the
// real built sample site, and the lists behind them (src/site/listings.ts, publication.ts).

import { describe, expect, inject, it } from "vitest";
import site from "../src/config/site.ts";
import type { Article } from "../src/model/article.ts";
import { frontPage } from "../src/site/listings.ts";
import { markUntranslated } from "../src/site/untranslated.ts";
import { readPage, text } from "./helpers/html.ts";

const siteDir = inject("siteDir");
/** The newest sample article: no summary, no picture. */
const NEWEST = "/news/20261125/heating-season-hotline/";
/** Pairs and one English paragraph that stands alone. */
const PAIRED = "/international/20230608/budapest-cargo-flights/";

function article(url: string, column: string, day: number, extra: Partial<Article> = {}): Article {
  return { url, column, date: new Date(Date.UTC(2025, 0, day)), title: { en: url, zh: url }, draft: false, blocks: [], paragraphs: [], ...extra } as unknown as Article;
}

describe("the front page's lists", () => {
  const newestFirst = [
    article("/news/c/", "news", 3, { image: { src: "/assets/images/a.jpg", alt: "A picture" } }),
    article("/vision/b/", "vision", 2),
    article("/news/a/", "news", 1),
  ];

  it("leads with the latest story and its picture, and does not repeat it in its column", () => {
    const page = frontPage(newestFirst, site);
    expect(page.lead?.url).toBe("/news/c/");
    expect(page.lead?.image?.alt).toBe("A picture");
    expect(page.sections.map((s) => [s.column, s.teasers.map((t) => t.url)])).toEqual([
      ["news", ["/news/a/"]],
      ["vision", ["/vision/b/"]],
    ]);
  });

  it("leaves out a column whose only story is the lead, and an empty archive has no lead", () => {
    expect(frontPage(newestFirst.slice(0, 2), site).sections.map((s) => s.column)).toEqual(["vision"]);
    expect(frontPage([], site)).toEqual({ sections: [] });
  });
});

describe("the front page", () => {
  it("leads with the newest story: both headlines, and its opening pair when it has no summary", async () => {
    const home = await readPage(siteDir, "/");
    const lead = home.querySelector(".lead-story")!;
    expect(lead.querySelector("h2 a")!.getAttribute("href")).toBe(NEWEST);
    expect(lead.querySelectorAll('h2 [lang="en"], h2 [lang="zh-CN"]')).toHaveLength(2);
    expect(lead.querySelector('.lead-story-opening.pair > p[lang="en"]')).not.toBeNull();
    expect(lead.querySelector('.lead-story-opening.pair > p[lang="zh-CN"]')).not.toBeNull();
  });

  it("has a section per column, each with its latest headlines in both languages, and a way to the column", async () => {
    const home = await readPage(siteDir, "/");
    const sections = [...home.querySelectorAll(".home-section")];
    expect(sections.map((s) => s.querySelector("h2 a")!.getAttribute("href"))).toEqual(Object.keys(site.columns).map((c) => `/${c}/`));
    for (const section of sections) {
      const teasers = [...section.querySelectorAll(".teaser")];
      expect(teasers.length).toBeGreaterThan(0);
      expect(teasers.length).toBeLessThanOrEqual(site.homePerColumn);
      expect(teasers.map((t) => t.querySelector("a")!.getAttribute("href"))).not.toContain(NEWEST);
      // Both languages wherever the article has both headlines (a few samples have one).
      const bilingual = teasers.filter((t) => t.querySelector('.teaser-title .both > [lang="en"] + [lang="zh-CN"]'));
      expect(bilingual.length, text(section)).toBeGreaterThanOrEqual(teasers.length - 2);
      // Summaries only for each section's first story: the rest are headlines.
      expect(teasers.slice(1).flatMap((t) => [...t.querySelectorAll(".teaser-summary")])).toEqual([]);
    }
  });
});

describe("paragraphs without translation", () => {
  it("say so in both languages, each in its own lang, where a translation would be", async () => {
    const page = await readPage(siteDir, PAIRED);
    const alone = [...page.querySelectorAll(".article-body .single")];
    expect(alone.length).toBeGreaterThan(0);
    for (const block of alone) {
      expect(block.classList.contains("only-en")).toBe(true);
      const note = block.querySelector(".lang-note")!;
      expect(note.querySelector('[lang="en"]')!.textContent).toBe("English only");
      expect(note.querySelector('[lang="zh-CN"]')!.textContent).toBe("仅英文");
      expect(block.querySelector(':scope > p[lang="en"]:not(.lang-note)')).not.toBeNull();
    }
  });

  it("are marked only as body text in an article that translates: never captions or pictures", () => {
    const p = (lang: "en" | "zh", html: string, caption = false) => ({ text: "", lang, line: 1, solo: false, caption, langForced: false, html });
    const en = p("en", '<p lang="en">Text</p>');
    const zh = p("zh", '<p lang="zh-CN">文字</p>');
    const blocks = [
      { kind: "pair" as const, en, zh },
      { kind: "single" as const, paragraph: p("zh", '<p lang="zh-CN">只有中文</p>') },
      { kind: "single" as const, paragraph: p("en", '<p lang="en" class="caption">Photo</p>', true) },
      { kind: "single" as const, paragraph: p("en", '<figure lang="en"><img src="/a.jpg" alt="a"></figure>') },
    ];
    expect(markUntranslated(blocks).map((b) => b.only)).toEqual([undefined, "zh", undefined, undefined]);
    // An article written in one language is not missing anything paragraph by paragraph.
    expect(markUntranslated(blocks.slice(1)).map((b) => b.only)).toEqual([undefined, undefined, undefined]);
  });
});

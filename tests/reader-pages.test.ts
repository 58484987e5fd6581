// What a reader sees on the front page and in an article with untranslated paragraphs, on the
// real built sample site, and the lists behind them (src/site/listings.ts, publication.ts).

import { describe, expect, inject, it } from "vitest";
import site from "../src/config/site.ts";
import type { Article } from "../src/model/article.ts";
import { loadArticles } from "../src/model/load-articles.ts";
import type { ParagraphKind } from "../src/model/paragraphs.ts";
import { frontPage } from "../src/site/listings.ts";
import { assemblePublication } from "../src/site/publication.ts";
import { describeArticle } from "../src/site/seo.ts";
import { markUntranslated } from "../src/site/untranslated.ts";
import { testOptions } from "./helpers/build.ts";
import { readPage, text } from "./helpers/html.ts";

const siteDir = inject("siteDir");
/** The newest sample article: no summary, no picture. */
const NEWEST = "/news/20261125/heating-season-hotline/";
/** Pairs and one English paragraph that stands alone. */
const PAIRED = "/international/20230608/budapest-cargo-flights/";
/** Two bilingual subheads between its pairs. */
const SUBHEADS = "/energy/20251218/bus-depot-night-shift/";

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

describe("what opens an article: its lead story's lines, its page description", () => {
  const rendered = (kind: ParagraphKind, lang: "en" | "zh", html: string) => ({ text: "", lang, line: 1, solo: false, kind, langForced: false, html });
  it("is its first text, not a subhead, caption or picture before it", () => {
    const opening = { kind: "pair" as const, en: rendered("text", "en", "<p>Opening</p>"), zh: rendered("text", "zh", "<p>开头</p>") };
    const blocks = [
      { kind: "single" as const, paragraph: rendered("figure", "en", "<figure></figure>") },
      { kind: "pair" as const, en: rendered("subhead", "en", "<h2>Heading</h2>"), zh: rendered("subhead", "zh", "<h2>标题</h2>") },
      opening,
    ];
    const { lead } = frontPage([article("/news/a/", "news", 1, { blocks })], site);
    expect(lead).toMatchObject({ opening: "<p>Opening</p><p>开头</p>", openingIsPair: true });
  });
  it("describes the page by its first text, else by whatever comes first", () => {
    const heading = rendered("subhead", "en", '<h2 lang="en">Every bus</h2>');
    expect(describeArticle({ paragraphs: [heading, rendered("text", "en", '<p lang="en">When the last bus &amp; crew</p>')] })).toBe("When the last bus & crew");
    expect(describeArticle({ paragraphs: [heading] })).toBe("Every bus");
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

  it("has its lead's article page, for the picture, even in a preview's render of another article", async () => {
    const { articles } = await loadArticles("articles", site.columns);
    const other = articles.find((a) => a.url === PAIRED)!;
    const publication = assemblePublication(articles, site, testOptions({}, { preview: true, changedArticles: [other.file] }));
    expect(publication.articles.map((a) => a.url)).toEqual([PAIRED]);
    expect(publication.home.lead?.url).toBe(NEWEST);
    expect(publication.home.leadPage?.url).toBe(NEWEST);
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

  it("are marked only as body text in an article that translates: never captions, subheads or pictures", () => {
    const p = (lang: "en" | "zh", html: string, kind: ParagraphKind = "text") => ({ text: "", lang, line: 1, solo: false, kind, langForced: false, html });
    const en = p("en", '<p lang="en">Text</p>');
    const zh = p("zh", '<p lang="zh-CN">文字</p>');
    const blocks = [
      { kind: "pair" as const, en, zh },
      { kind: "single" as const, paragraph: p("zh", '<p lang="zh-CN">只有中文</p>') },
      { kind: "single" as const, paragraph: p("en", '<p lang="en" class="caption">Photo</p>', "caption") },
      { kind: "single" as const, paragraph: p("en", '<figure lang="en"><img src="/a.jpg" alt="a"></figure>', "figure") },
      { kind: "single" as const, paragraph: p("en", '<h2 lang="en">Stick to the post</h2>', "subhead") },
    ];
    expect(markUntranslated(blocks).map((b) => b.only)).toEqual([undefined, "zh", undefined, undefined, undefined]);
    // An article written in one language is not missing anything paragraph by paragraph.
    expect(markUntranslated(blocks.slice(1)).map((b) => b.only)).toEqual([undefined, undefined, undefined, undefined]);
    // Nor is English text with a bilingual caption or subhead beside it.
    const captions = { kind: "pair" as const, en: p("en", '<p lang="en" class="caption">Photo</p>', "caption"), zh: p("zh", '<p lang="zh-CN" class="caption">摄影</p>', "caption") };
    const english = { kind: "single" as const, paragraph: p("en", '<p lang="en">Text</p>') };
    expect(markUntranslated([english, captions, english]).map((b) => b.only)).toEqual([undefined, undefined, undefined]);
  });
});

describe("subheads", () => {
  it("are h2 headings of the article, each half in its own lang, a pair side by side", async () => {
    const page = await readPage(siteDir, SUBHEADS);
    const pairs = [...page.querySelectorAll(".article-body .subhead")];
    expect(pairs.map((p) => [p.className, [...p.children].map((h) => [h.tagName, h.getAttribute("lang"), text(h)])])).toEqual([
      ["pair subhead", [["H2", "en", "Every bus, every night"], ["H2", "zh-CN", "每一辆车，每一个夜晚"]]],
      ["pair subhead", [["H2", "en", "Ready before dawn"], ["H2", "zh-CN", "天亮之前"]]],
    ]);
    expect(page.querySelectorAll(".article-body h2")).toHaveLength(4);
  });

  it("sit in the outline under the headline and before the related blocks, no level skipped", async () => {
    const page = await readPage(siteDir, SUBHEADS);
    const outline = [...page.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => ({ level: Number(h.tagName[1]), text: text(h), body: h.closest(".article-body") !== null }));
    expect(outline.filter((h) => h.level === 1)).toHaveLength(1);
    expect(outline[0]!.level).toBe(1);
    outline.forEach((h, i) => i > 0 && expect(h.level, h.text).toBeLessThanOrEqual(outline[i - 1]!.level + 1));
    expect(outline.slice(1, 5).map((h) => [h.level, h.body])).toEqual(Array(4).fill([2, true]));
    expect(outline.slice(5).some((h) => h.body)).toBe(false);
    expect(outline.slice(5).map((h) => h.level)).toContain(2);
  });
});

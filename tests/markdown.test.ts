import { readFileSync } from "node:fs";
import path from "node:path";
import { globSync } from "tinyglobby";
import { describe, expect, it } from "vitest";
import site from "../src/config/site.ts";
import { parseArticle } from "../src/model/article.ts";
import { figureHtml, isPlainProse, renderParagraph, renderWithMarkdownIt } from "../src/model/markdown.ts";
import { readParagraphs } from "../src/model/paragraphs.ts";
import { syntheticArticle } from "./bench/synthetic-corpus.ts";

const articleFilesSync = (dir: string) => globSync("**/*.md", { cwd: dir }).map((f) => path.join(dir, f));

describe("a paragraph becomes HTML", () => {
  it("puts the paragraph's lang on its element", () => {
    expect(renderParagraph({ text: "你好 *郑州*", lang: "zh" })).toBe('<p lang="zh-CN">你好 <em>郑州</em></p>\n');
  });
  it("turns an image with a title into a figure with a caption", () => {
    expect(renderParagraph({ text: '![Donors at the station](/assets/a.jpg "Donors, June 14")', lang: "en" })).toBe(
      '<figure lang="en"><img src="/assets/a.jpg" alt="Donors at the station" loading="lazy" decoding="async"><figcaption>Donors, June 14</figcaption></figure>\n',
    );
  });
  it("keeps links and refuses javascript: targets", () => {
    const html = renderParagraph({ text: "[ok](https://example.org) [bad](javascript:alert(1))", lang: "en" });
    expect(html).toContain('<a href="https://example.org">ok</a>');
    expect(html).not.toMatch(/href="\s*javascript:/i);
  });
  it("refuses data: link targets, pictures included, leaving the Markdown as text", () => {
    const html = renderParagraph({ text: "[a](data:text/html,<b>x</b>) [b](DATA:image/png;base64,iVBORw0KGgo=)", lang: "en" });
    expect(html).not.toMatch(/href=/);
    expect(html).toContain("[b](DATA:image/png;base64,iVBORw0KGgo=)");
  });
  it("escapes raw HTML instead of passing it through", () => {
    const html = renderParagraph({ text: '<script>alert(1)</script><img src=x onerror="alert(1)">', lang: "en" });
    expect(html).not.toMatch(/<script|<img/);
  });
  it("wraps multi-block Markdown in one element carrying lang", () => {
    expect(renderParagraph({ text: "Intro:\n\n- one", lang: "en" })).toMatch(/^<div lang="en">/);
  });
  it("marks a caption as one, in its language, plain or not", () => {
    expect(renderParagraph({ text: "记者 胡嘉文 摄影", lang: "zh", kind: "caption" })).toBe('<p lang="zh-CN" class="caption">记者 胡嘉文 摄影</p>\n');
    expect(renderParagraph({ text: "Photo by *Owen Carter*", lang: "en", kind: "caption" })).toBe('<p lang="en" class="caption">Photo by <em>Owen Carter</em></p>\n');
  });
});

describe("the model says what each paragraph is", () => {
  const body = (text: string) => {
    const { article, problems } = parseArticle(`---\ntitle:\n  en: Night shift\ncolumn: news\ndate: 2026-01-05\n---\n\n${text}\n`, "a.md", { columns: site.columns, defaults: { source: "郑州之窗" } });
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    return article!.paragraphs;
  };
  it("renders a subhead as an h2 in its language", () => {
    expect(body("## Stick to the post\n\n## 坚守岗位 *夜班*").map((p) => [p.kind, p.html])).toEqual([
      ["subhead", '<h2 lang="en">Stick to the post</h2>\n'],
      ["subhead", '<h2 lang="zh-CN">坚守岗位 <em>夜班</em></h2>\n'],
    ]);
  });
  it("gives a figure its picture, and no other paragraph one", () => {
    const [figure, text] = body('![The depot at night](/assets/a%20b.jpg "Buses & trams")\n\nText with ![an icon](/assets/i.png) in it.');
    expect(figure).toMatchObject({ kind: "figure", figure: { src: "/assets/a%20b.jpg", alt: "The depot at night", caption: "Buses & trams" } });
    expect(figure!.html).toBe(figureHtml(figure!.figure!, "en"));
    expect(text).toMatchObject({ kind: "text" });
    expect(text!.figure).toBeUndefined();
  });
});

describe("plain prose skips markdown-it and comes out the same", () => {
  const same = (text: string, lang: "en" | "zh" = "en") => expect(renderParagraph({ text, lang }), text).toBe(renderWithMarkdownIt({ text, lang }));

  it("for every paragraph of the sample archive and of a synthetic one", () => {
    const texts = [
      ...articleFilesSync("articles").flatMap((file) => readParagraphs(readFileSync(file, "utf8").split(/\n---\n/).slice(1).join("\n---\n")).paragraphs),
      ...Array.from({ length: 200 }, (_, i) => syntheticArticle(i, ["news"]).text).flatMap((text) => readParagraphs(text.split(/\n---\n/)[1]!).paragraphs),
    ];
    expect(texts.filter((p) => isPlainProse(p.text)).length).toBeGreaterThan(texts.length / 2);
    for (const p of texts) same(p.text, p.lang);
  });

  it("for text that looks like Markdown but only in the middle of a line", () => {
    for (const text of ["Year-on-year growth of 1.74 percent (up from 1.2).", "He said: 2 + 2 = 4, 100% sure!", '“Quotes” and "quotes" and \'apostrophes\'', "郑州市民 (记者 王某) 说:“好!”", "A line\nand its continuation", "Ends with a number 3.", "Price: $5 # not a heading"]) {
      expect(isPlainProse(text), text).toBe(true);
      same(text);
    }
  });

  it("and leaves whatever Markdown could read another way to markdown-it", () => {
    for (const text of ["# Heading", "- item", "+ item", "1. first", "2) second", "Title\n===", "Title\n---", "a *b*", "a_b_c", "[x](y)", "x<y", "a &amp; b", "~~gone~~", "a | b\n--|--\n1 | 2", "line  \nbreak", "    code", "back\\slash", "`code`"]) {
      expect(isPlainProse(text), text).toBe(false);
      same(text);
    }
  });
});

// The article file as the CMS reads and writes it (src/editor/pairs/article-draft.ts):
// opened and saved unchanged, every article gives the same bytes; an edit changes only the
// lines it touched, whatever the file's line ends, BOM, indentation or comments.

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import site from "../src/config/site.ts";
import { parseArticle } from "../src/model/article.ts";
import { newClaims } from "../src/editor/import/file-names.ts";
import { importPage, type ImportRun } from "../src/editor/import/import-page.ts";
import { FrontMatterError, readArticleFile, writeArticleFile, type ArticleDraft } from "../src/editor/pairs/article-draft.ts";
import { CHANNEL_DIR, channelDumps } from "./helpers/channel-fixtures.ts";

const ARTICLES = path.resolve(import.meta.dirname, "../articles");
const samples = readdirSync(ARTICLES).filter((f) => f.endsWith(".md")).sort();
const sample = (name: string) => readFileSync(path.join(ARTICLES, name), "utf8");

/** What the importer writes for each channel dump fixture. */
function importedFiles(): Array<[string, string]> {
  const run: ImportRun = {
    dump: { kickers: site.kickers, relatedHeaders: Object.values(site.columns).flatMap((c) => [c.en, c.zh]) },
    column: "news",
    columns: site.columns,
    defaults: { source: "郑州之窗" },
    out: "articles",
    now: new Date("2026-01-01T00:00:00Z"),
    force: false,
    claims: newClaims(),
    existing: () => undefined,
  };
  return channelDumps().map((dump) => {
    const { write } = importPage(dump, dump, readFileSync(path.join(CHANNEL_DIR, dump)), run);
    return [dump, write!.text];
  });
}

/** The line numbers (1-based) where two texts differ, lines compared one to one from the
 *  top and from the bottom, so an inserted or removed line shows as itself. */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split(/(?<=\n)/);
  const b = after.split(/(?<=\n)/);
  let top = 0;
  while (top < a.length && top < b.length && a[top] === b[top]) top++;
  let bottom = 0;
  while (bottom < a.length - top && bottom < b.length - top && a[a.length - 1 - bottom] === b[b.length - 1 - bottom]) bottom++;
  return { removed: a.slice(top, a.length - bottom), added: b.slice(top, b.length - bottom) };
}

const edit = (text: string, change: Partial<ArticleDraft>) => writeArticleFile({ ...readArticleFile(text), ...change });

describe("opening an article and saving it unchanged writes the same bytes", () => {
  it.each(samples)("sample article %s", (name) => {
    const text = sample(name);
    expect(writeArticleFile(readArticleFile(text))).toBe(text);
  });

  it.each(importedFiles())("the importer's article for %s", (_, text) => {
    expect(writeArticleFile(readArticleFile(text))).toBe(text);
  });

  const variants: Record<string, (text: string) => string> = {
    "CRLF line ends": (t) => t.replace(/\n/g, "\r\n"),
    "a byte order mark": (t) => `\uFEFF${t}`,
    "BOM and CRLF": (t) => `\uFEFF${t.replace(/\n/g, "\r\n")}`,
    "full-width indented paragraphs": (t) => t.replace(/\n\n(?=[^\n-])/g, "\n\n\u3000\u3000"),
    "no final line end": (t) => t.replace(/\n+$/, ""),
    "three final line ends": (t) => t.replace(/\n*$/, "\n\n\n"),
    "blank lines of spaces between paragraphs": (t) => t.replace(/\n\n(?=[^\n-])/g, "\n \u3000\n"),
  };
  it.each(Object.keys(variants))("every sample article with %s", (variant) => {
    for (const name of samples) {
      const text = variants[variant]!(sample(name));
      expect(writeArticleFile(readArticleFile(text)), name).toBe(text);
    }
  });
});

const README_EXAMPLE = `---
title:
  en: "Lantern Festival: 30,000 lanterns light up the Jinshui River"  # en and/or zh: at least one
  zh: 元宵灯会：三万盏彩灯点亮金水河畔            # (quote a headline that holds ": ")
kicker: Spring in Zhengzhou                    # optional; shown as "kicker丨headline"
column: vision                                 # a key of \`columns\` in src/config/site.ts
date: 2025-02-12 22:15:00                      # Beijing time unless an offset is given
tags: [Lantern Festival, lanterns]             # optional
layout_hint: wide                              # a key the CMS does not know
image:                                         # optional lead image
  src: /assets/images/sample/lantern-show.jpg
  alt: Red lanterns with gold tassels hanging under a full moon
draft: true                                    # optional: only \`npm start\` shows it
---

Wednesday was the Lantern Festival.

周三是元宵节。
`;

describe("reading an article into typed fields", () => {
  it("reads every field the CMS shows, the body as it stands, and the file as read", () => {
    const draft = readArticleFile(README_EXAMPLE);
    expect(draft).toEqual({
      title: { en: "Lantern Festival: 30,000 lanterns light up the Jinshui River", zh: "元宵灯会：三万盏彩灯点亮金水河畔" },
      kicker: "Spring in Zhengzhou",
      column: "vision",
      date: "2025-02-12 22:15:00",
      source: undefined,
      credits: undefined,
      tags: ["Lantern Festival", "lanterns"],
      summary: undefined,
      image: { src: "/assets/images/sample/lantern-show.jpg", alt: "Red lanterns with gold tassels hanging under a full moon", caption: undefined },
      draft: true,
      slug: undefined,
      body: "\nWednesday was the Lantern Festival.\n\n周三是元宵节。\n",
      original: README_EXAMPLE,
    });
  });

  it("gives dates in Beijing time as editors write them, whatever form the file uses", () => {
    const dated = (date: string) => readArticleFile(README_EXAMPLE.replace("2025-02-12 22:15:00", date)).date;
    expect(dated("2025-02-12")).toBe("2025-02-12 00:00:00");
    expect(dated("2025-02-12T14:15:00Z")).toBe("2025-02-12 22:15:00");
    expect(dated("2025-02-12 22:15")).toBe("2025-02-12 22:15:00");
    expect(dated("next Tuesday")).toBe("next Tuesday");
  });

  it("reads front matter it cannot parse as empty fields, and still saves it unchanged", () => {
    const broken = README_EXAMPLE.replace("column: vision", "column: [vision");
    const draft = readArticleFile(broken);
    expect(draft.column).toBe("");
    expect(writeArticleFile(draft)).toBe(broken);
    expect(() => writeArticleFile({ ...draft, column: "news" })).toThrow(FrontMatterError);
  });
});

describe("an edit changes only the lines it touched", () => {
  it("a changed headline rewrites only its value, in its quotes: the comment after it and the other language stay", () => {
    const after = edit(README_EXAMPLE, { title: { ...readArticleFile(README_EXAMPLE).title, en: "Lanterns light up the river" } });
    expect(changedLines(README_EXAMPLE, after)).toEqual({
      removed: ['  en: "Lantern Festival: 30,000 lanterns light up the Jinshui River"  # en and/or zh: at least one\n'],
      added: ['  en: "Lanterns light up the river"  # en and/or zh: at least one\n'],
    });
  });

  it("quotes a new value that a plain one would misread", () => {
    expect(changedLines(README_EXAMPLE, edit(README_EXAMPLE, { kicker: "Spring: in Zhengzhou" })).added).toEqual([
      'kicker: "Spring: in Zhengzhou"                    # optional; shown as "kicker丨headline"\n',
    ]);
    expect(changedLines(README_EXAMPLE, edit(README_EXAMPLE, { kicker: "true" })).added).toEqual([
      'kicker: "true"                    # optional; shown as "kicker丨headline"\n',
    ]);
  });

  it.each([
    ["column", { column: "news" }, ["column: news                                 # a key of `columns` in src/config/site.ts\n"]],
    ["date", { date: "2025-02-13 08:00:00" }, ["date: 2025-02-13 08:00:00                      # Beijing time unless an offset is given\n"]],
    ["tags", { tags: ["Lantern Festival", "lanterns", "Jinshui River"] }, ["tags: [Lantern Festival, lanterns, Jinshui River]             # optional\n"]],
  ] as const)("a changed %s rewrites only its value", (_, change, added) => {
    const after = edit(README_EXAMPLE, change as Partial<ArticleDraft>);
    expect(changedLines(README_EXAMPLE, after).added).toEqual(added);
    expect(changedLines(README_EXAMPLE, after).removed).toHaveLength(1);
  });

  it("a field set for the first time is one new line where the model lists it; a nested one goes inside its block", () => {
    const draft = readArticleFile(README_EXAMPLE);
    expect(changedLines(README_EXAMPLE, edit(README_EXAMPLE, { credits: "（记者 林晓/文）" }))).toEqual({ removed: [], added: ["credits: （记者 林晓/文）\n"] });
    expect(edit(README_EXAMPLE, { credits: "（记者 林晓/文）" })).toContain("date: 2025-02-12 22:15:00                      # Beijing time unless an offset is given\ncredits: （记者 林晓/文）\ntags:");
    const captioned = edit(README_EXAMPLE, { image: { ...draft.image!, caption: "Lanterns under the full moon." } });
    expect(changedLines(README_EXAMPLE, captioned)).toEqual({ removed: [], added: ["  caption: Lanterns under the full moon.\n"] });
    expect(captioned).toContain("full moon\n  caption: Lanterns under the full moon.\ndraft: true");
    const summarised = edit(README_EXAMPLE, { summary: { en: "About 180,000 people came.", zh: "约18万人前来观灯。" } });
    expect(changedLines(README_EXAMPLE, summarised)).toEqual({ removed: [], added: ["summary:\n", "  en: About 180,000 people came.\n", "  zh: 约18万人前来观灯。\n"] });
  });

  it("a field emptied in the form loses its lines: blank text, no tags, draft off", () => {
    expect(changedLines(README_EXAMPLE, edit(README_EXAMPLE, { kicker: "" })).added).toEqual([]);
    expect(changedLines(README_EXAMPLE, edit(README_EXAMPLE, { kicker: " " })).removed).toEqual([
      'kicker: Spring in Zhengzhou                    # optional; shown as "kicker丨headline"\n',
    ]);
    expect(changedLines(README_EXAMPLE, edit(README_EXAMPLE, { draft: false })).removed).toEqual(["draft: true                                    # optional: only `npm start` shows it\n"]);
    expect(changedLines(README_EXAMPLE, edit(README_EXAMPLE, { tags: [] })).removed).toEqual(["tags: [Lantern Festival, lanterns]             # optional\n"]);
  });

  it("takes a field a form left null as empty, as it takes one left blank", () => {
    const nulls = { kicker: null, summary: null, image: null, tags: null, slug: null } as unknown as Partial<ArticleDraft>;
    const blanks = { kicker: "", summary: { en: "", zh: "" }, image: { src: "", alt: "", caption: "" }, tags: [], slug: "" };
    expect(edit(README_EXAMPLE, nulls)).toBe(edit(README_EXAMPLE, blanks));
    expect(readArticleFile(edit(README_EXAMPLE, nulls))).toMatchObject({ kicker: undefined, image: undefined, tags: [] });
  });

  it("keeps comments, keys the CMS does not know, quoting and order through many edits", () => {
    const after = edit(README_EXAMPLE, { kicker: undefined, column: "news", draft: false, slug: "lanterns", tags: ["lanterns"] });
    expect(after).toContain("layout_hint: wide                              # a key the CMS does not know\n");
    expect(after).toContain('  en: "Lantern Festival: 30,000 lanterns light up the Jinshui River"  # en and/or zh: at least one\n');
    expect(after).toContain("image:                                         # optional lead image\n");
    expect(after.indexOf("slug: lanterns")).toBeGreaterThan(after.indexOf("image:"));
    expect(readArticleFile(after)).toMatchObject({ kicker: undefined, column: "news", draft: false, slug: "lanterns", tags: ["lanterns"] });
  });

  it("keeps CRLF line ends and the BOM in the lines it writes", () => {
    const windows = `\uFEFF${README_EXAMPLE.replace(/\n/g, "\r\n")}`;
    const after = edit(windows, { credits: "（记者 林晓/文）", summary: { en: "A summary." }, kicker: "Spring" });
    expect(after.startsWith("\uFEFF---\r\n")).toBe(true);
    expect(after.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(changedLines(windows, after).added).toEqual([
      'kicker: Spring                    # optional; shown as "kicker丨headline"\r\n',
      "column: vision                                 # a key of `columns` in src/config/site.ts\r\n",
      "date: 2025-02-12 22:15:00                      # Beijing time unless an offset is given\r\n",
      "credits: （记者 林晓/文）\r\n",
      "tags: [Lantern Festival, lanterns]             # optional\r\n",
      "summary:\r\n",
      "  en: A summary.\r\n",
    ]);
  });

  it("a date written another way stays as written until the date itself changes", () => {
    const iso = README_EXAMPLE.replace("2025-02-12 22:15:00", "2025-02-12T14:15:00.000Z");
    expect(edit(iso, { kicker: "Spring" })).toContain("date: 2025-02-12T14:15:00.000Z");
    expect(edit(iso, { date: "2025-02-12 23:00:00" })).toContain("date: 2025-02-12 23:00:00                      #");
  });

  it("follows the indentation the file uses for a nested key", () => {
    const wide = README_EXAMPLE.replace(/^ {2}(en|zh|src|alt):/gm, "    $1:");
    expect(changedLines(wide, edit(wide, { image: { ...readArticleFile(wide).image!, caption: "Lanterns." } })).added).toEqual(["    caption: Lanterns.\n"]);
  });

  it("writes the body as given, after the front matter exactly as it was", () => {
    const after = edit(README_EXAMPLE, { body: "\nWednesday was the Lantern Festival in Zhengzhou.\n\n周三是元宵节。\n" });
    expect(changedLines(README_EXAMPLE, after)).toEqual({
      removed: ["Wednesday was the Lantern Festival.\n"],
      added: ["Wednesday was the Lantern Festival in Zhengzhou.\n"],
    });
  });
});

describe("a new article", () => {
  it("is written with the fields in the model's order, then a blank line and the body, and passes the check", () => {
    const text = writeArticleFile({
      title: { en: "A new cycle lane", zh: "新自行车道开通" },
      kicker: "",
      column: "news",
      date: "2026-12-01 09:30:00",
      tags: ["cycling", "transport"],
      summary: { en: "", zh: "" },
      image: { src: "", alt: "", caption: "" },
      draft: true,
      body: "A cycle lane opened.\n\n自行车道开通了。\n",
    });
    expect(text).toBe(
      "---\ntitle:\n  en: A new cycle lane\n  zh: 新自行车道开通\ncolumn: news\ndate: 2026-12-01 09:30:00\ntags: [cycling, transport]\ndraft: true\n---\n\nA cycle lane opened.\n\n自行车道开通了。\n",
    );
    const { article, problems } = parseArticle(text, "articles/2026-12-01-cycle-lane.md", { columns: site.columns, defaults: { source: "郑州之窗" } });
    expect(problems).toEqual([]);
    expect(article!.blocks).toHaveLength(1);
  });

  it("gives a file with no front matter one, keeping its text as the body", () => {
    const text = "Just a paragraph.\n";
    const draft = readArticleFile(text);
    expect(draft.body).toBe(text);
    expect(writeArticleFile(draft)).toBe(text);
    expect(writeArticleFile({ ...draft, title: { en: "Now titled" } })).toBe("---\ntitle:\n  en: Now titled\n---\nJust a paragraph.\n");
  });
});

// The body as the pair editor's rows (src/editor/pairs/rows.ts): read by the model's own
// pairing, written back with exactly the directives the model needs, so that what the
// editor shows is what the site will pair, and every paragraph nobody touched stays as it was.

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import site from "../src/config/site.ts";
import { newClaims } from "../src/editor/import/file-names.ts";
import { importPage, type ImportRun } from "../src/editor/import/import-page.ts";
import { readArticleFile } from "../src/editor/pairs/article-draft.ts";
import {
  addRow,
  mergeRows,
  moveRow,
  blockRows,
  readBody,
  setText,
  settleRows,
  shownText,
  splitRow,
  toggleKind,
  toggleSolo,
  writeBody,
  type Body,
  type Row,
} from "../src/editor/pairs/rows.ts";
import { pairParagraphs, readParagraphs, type Paragraph } from "../src/model/paragraphs.ts";
import { random } from "./bench/synthetic-corpus.ts";
import { CHANNEL_DIR, channelDumps } from "./helpers/channel-fixtures.ts";

const ARTICLES = path.resolve(import.meta.dirname, "../articles");

function importedBodies(): Array<[string, string]> {
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
  return channelDumps().map((dump) => [dump, readArticleFile(importPage(dump, dump, readFileSync(path.join(CHANNEL_DIR, dump)), run).write!.text).body]);
}

/** Every body the project has: the sample articles' and the importer's for each fixture. */
const BODIES: Array<[string, string]> = [
  ...readdirSync(ARTICLES).filter((f) => f.endsWith(".md")).sort().map((f): [string, string] => [f, readArticleFile(readFileSync(path.join(ARTICLES, f), "utf8")).body]),
  ...importedBodies(),
];

/** What a row shows: its kind, each side's text as the model reads it, and {solo}. */
const shown = (rows: readonly Row[]) => rows.map((r) => ({ kind: r.kind, en: shownText(r.kind, r.en.text), zh: shownText(r.kind, r.zh.text), solo: r.solo }));

/** The pairs the real model makes of a body, in the rows' terms: a subhead's text without
 *  its "## ", a figure as text. */
function modelRows(body: string) {
  const { paragraphs, problems } = readParagraphs(body);
  expect(problems).toEqual([]);
  const text = (p: Paragraph | undefined) => (p === undefined ? "" : p.kind === "subhead" ? p.text.replace(/^## /, "") : p.text);
  return pairParagraphs(paragraphs).map((b) => {
    const p = b.kind === "pair" ? b.en : b.paragraph;
    const side = (lang: "en" | "zh") => text(b.kind === "pair" ? b[lang] : b.paragraph.lang === lang ? b.paragraph : undefined);
    return { kind: p.kind === "figure" ? "text" : p.kind, en: side("en"), zh: side("zh"), solo: b.kind === "single" && b.paragraph.solo };
  });
}

/** The same rows as if every paragraph had been typed anew: nothing to copy from the file. */
const typedAnew = (rows: readonly Row[]): Row[] => rows.map((r) => ({ ...r, en: { text: r.en.text }, zh: { text: r.zh.text } }));

const NEW_BODY: Omit<Body, "rows"> = { lead: "", eol: "\n" };

describe("a body read as rows", () => {
  it.each(BODIES)("%s: one row per pair the model makes, and written back it is the same text", (_, body) => {
    const read = readBody(body);
    expect(shown(read.rows)).toEqual(modelRows(body));
    expect(writeBody(read)).toBe(body);
  });

  it.each(BODIES)("%s: typed anew, row by row, it is written exactly as its authors (or the importer) wrote it: no directive the model does not need", (_, body) => {
    const read = readBody(body);
    expect(writeBody({ ...read, rows: typedAnew(read.rows) })).toBe(body);
  });

  it("keeps CRLF, full-width indentation, odd blank lines and a missing final line end", () => {
    const body = "\r\n\u3000\u3000First paragraph,\r\n  on two lines.\r\n\r\n \u3000\r\n第一段。\r\n\r\n\r\n\r\nLast one.";
    const read = readBody(body);
    expect(shown(read.rows)).toEqual([
      { kind: "text", en: "First paragraph,\non two lines.", zh: "第一段。", solo: false },
      { kind: "text", en: "Last one.", zh: "", solo: false },
    ]);
    expect(writeBody(read)).toBe(body);
    // A new paragraph takes the body's own line ends.
    expect(writeBody({ ...read, rows: addRowWith(read.rows, 2, "A new one,\nin two lines.") })).toBe(`${body.slice(0, -"Last one.".length)}Last one.\r\n\r\nA new one,\r\nin two lines.`);
  });
});

function addRowWith(rows: readonly Row[], at: number, en: string): Row[] {
  return setText(addRow(rows, at), at, "en", en);
}

// Texts that test the model's rules: script decides the language, a paragraph with no script
// takes the language before it, a leading {word} would be taken for a directive, Markdown.
const ENGLISH = ["The mayor opened the bridge on Friday.", "Ticket prices rise by 2 yuan.", "2021", "{solo} is a word editors use", "Zhengzhou 郑州 is the capital", "Line one,\nline two.", "A **bold** move", "# Not a subhead", "  indented text  ", "APEC", "{x}"];
const CHINESE = ["市长周五为大桥剪彩。", "票价上涨2元。", "2021", "{zh} 开头的中文", "Hello 你好 world", "第一行，\n第二行。", "\u3000\u3000全角缩进的段落", "APEC会议在郑州召开", "（记者 林晓/摄）"];
/** Pictures never pair: the model shows one alone whatever stands beside it. */
const PICTURES = ["![](/assets/images/a.jpg)", "![The new bridge](/assets/images/b.jpg)", "![新桥](/assets/images/c.jpg \"大桥\")"];

function randomRows(rng: () => number): Row[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)]!;
  return Array.from({ length: Math.floor(rng() * 8) }, (): Row => {
    const [shape, kind] = [rng(), rng()];
    if (kind < 0.1) {
      const side = { text: pick(PICTURES) };
      return shape < 0.5 ? { kind: "text", en: side, zh: { text: "" }, solo: rng() < 0.3 } : { kind: "text", en: { text: "" }, zh: side, solo: rng() < 0.3 };
    }
    return {
      kind: kind < 0.25 ? "caption" : kind < 0.4 ? "subhead" : "text",
      en: { text: shape < 0.3 ? "" : pick(ENGLISH) },
      zh: { text: shape > 0.7 ? "" : shape < 0.1 ? "   " : pick(CHINESE) },
      solo: rng() < 0.3,
    };
  });
}

describe("rows written as a body", () => {
  it("read back through the real model into exactly the pairs the rows show, for 3,000 random row sets", () => {
    const rng = random(27);
    for (let n = 0; n < 3000; n++) {
      const rows = randomRows(rng);
      const body = writeBody({ ...NEW_BODY, rows });
      expect(modelRows(body), body).toEqual(shown(settleRows(rows)));
      expect(shown(readBody(body).rows)).toEqual(shown(settleRows(rows)));
    }
  });

  it("read back into every sample article's pairs after any one row of it is moved, split off or merged", () => {
    const rng = random(2026);
    for (const [name, body] of BODIES) {
      const { rows } = readBody(body);
      for (let n = 0; n < 10 && rows.length > 1; n++) {
        const at = Math.floor(rng() * (rows.length - 1));
        const changed = [moveRow(rows, at, 1), mergeRows(rows, at), toggleSolo(rows, at), toggleKind(rows, at, "caption"), addRowWith(rows, at, "2021")][n % 5]!;
        const written = writeBody({ ...readBody(body), rows: changed });
        expect(modelRows(written), `${name}: ${written}`).toEqual(shown(settleRows(changed)));
      }
    }
  });

  it("writes a subhead row as a pair of ## headings, shown without their Markdown, and one nobody edited as it was", () => {
    const rows: Row[] = [{ kind: "subhead", en: { text: "After the storm" }, zh: { text: "风雨过后" }, solo: false }];
    expect(writeBody({ ...NEW_BODY, rows })).toBe("## After the storm\n\n## 风雨过后\n");
    const read = readBody("##  After the storm ##\n\n## 风雨过后\n");
    expect(shown(read.rows)).toEqual([{ kind: "subhead", en: "After the storm", zh: "风雨过后", solo: false }]);
    expect(writeBody(read)).toBe("##  After the storm ##\n\n## 风雨过后\n");
    expect(writeBody({ ...read, rows: setText(read.rows, 0, "zh", "雨后") })).toBe("##  After the storm ##\n\n## 雨后\n");
    expect(writeBody({ ...read, rows: toggleKind(read.rows, 0, "subhead") })).toBe("After the storm\n\n风雨过后\n");
  });

  it("tells which row each block the model reads came from, where the model cannot pair a row as it shows", () => {
    const rows: Row[] = [
      { kind: "text", en: { text: "The bridge opened." }, zh: { text: "大桥通车。" }, solo: false },
      { kind: "text", en: { text: "" }, zh: { text: "" }, solo: false },
      // A picture beside text: the model shows each alone.
      { kind: "text", en: { text: "![The bridge](/assets/images/bridge.jpg)" }, zh: { text: "图为新桥。" }, solo: false },
      // "## " typed into a text row makes a subhead, which pairs with no text.
      { kind: "text", en: { text: "## Traffic" }, zh: { text: "交通" }, solo: false },
    ];
    expect(blockRows(rows)).toEqual([0, 2, 2, 3, 3]);
    expect(modelRows(writeBody({ ...NEW_BODY, rows })).map((r) => r.kind)).toEqual(["text", "text", "text", "subhead", "text"]);
  });

  it("settles a lone Chinese row after a lone English one as standing alone: only {solo} keeps the model from pairing them", () => {
    const rows: Row[] = [
      { kind: "text", en: { text: "No translation here." }, zh: { text: "" }, solo: false },
      { kind: "text", en: { text: "" }, zh: { text: "这不是上一段的翻译。" }, solo: false },
    ];
    expect(writeBody({ ...NEW_BODY, rows })).toBe("No translation here.\n\n{solo} 这不是上一段的翻译。\n");
    expect(settleRows(rows)[1]!.solo).toBe(true);
  });
});

describe("an edit changes only the paragraphs it touched", () => {
  const body = readArticleFile(readFileSync(path.join(ARTICLES, "2026-11-27-jialu-river-cycle-lane.md"), "utf8")).body;
  const read = readBody(body);
  const lines = (text: string) => text.split("\n");
  const changed = (after: string) => lines(after).flatMap((line, i) => (line === lines(body)[i] ? [] : [line]));

  it("a changed sentence rewrites that paragraph's line and nothing else", () => {
    const after = writeBody({ ...read, rows: setText(read.rows, 2, "en", "Counters at both ends recorded 6,500 bicycles on the first day.") });
    expect(lines(after)).toHaveLength(lines(body).length);
    expect(changed(after)).toEqual(["Counters at both ends recorded 6,500 bicycles on the first day."]);
  });

  it("Chinese typed where the English was gets {en}, and only there", () => {
    const after = writeBody({ ...read, rows: setText(read.rows, 2, "en", "计数器显示首日通行6400辆。") });
    expect(changed(after)).toEqual(["{en} 计数器显示首日通行6400辆。"]);
  });

  it("a directive the paragraph did not need stays through an edit of its text: an edit is no reason to touch it", () => {
    const { rows, ...frame } = readBody("{zh} 第一段。\n\n{en} Second.\n");
    expect(writeBody({ ...frame, rows: setText(rows, 1, "en", "Second, edited.") })).toBe("{zh} 第一段。\n\n{en} Second, edited.\n");
  });

  it("a directive the model does not know stays as it was, for the check to point at, until its paragraph is edited", () => {
    const { rows, ...frame } = readBody("{sollo} 第一段。\n\nSecond.\n");
    expect(writeBody({ ...frame, rows: setText(rows, 1, "en", "Second, edited.") })).toBe("{sollo} 第一段。\n\nSecond, edited.\n");
    expect(writeBody({ ...frame, rows: setText(rows, 0, "zh", "第一段，改过。") })).toBe("第一段，改过。\n\nSecond.\n");
  });

  it("a paragraph that must stand alone after a move gets {solo} on its first line; its text and the blank lines before it stay", () => {
    const indented = "\n\u3000\u3000Alone in English.\n\n  \u3000中文单独一段，\n  第二行。\n";
    const { rows, ...frame } = readBody(indented);
    expect(shown(rows)).toEqual([
      { kind: "text", en: "Alone in English.", zh: "中文单独一段，\n第二行。", solo: false },
    ]);
    const apart = toggleSolo(rows, 0);
    expect(writeBody({ ...frame, rows: apart })).toBe("\n\u3000\u3000Alone in English.\n\n  \u3000{solo} 中文单独一段，\n  第二行。\n");
    expect(writeBody({ ...frame, rows: mergeRows(apart, 0) })).toBe(indented);
  });
});

describe("the row operations", () => {
  const start = (): Body => readBody("\nThe bridge opened on Friday. About 3,000 people crossed it.\n\n大桥周五通车。约3000人走过大桥。\n\nNo translation yet.\n\n{solo} 一张照片。\n");
  const written = (rows: Row[]) => writeBody({ ...start(), rows });

  it("split a pair at each side's cursor: the rest of each side moves to a new row below", () => {
    const { rows } = start();
    expect(written(splitRow(rows, 0, { en: "The bridge opened on Friday.".length, zh: "大桥周五通车。".length }))).toBe(
      "\nThe bridge opened on Friday.\n\n大桥周五通车。\n\nAbout 3,000 people crossed it.\n\n约3000人走过大桥。\n\nNo translation yet.\n\n{solo} 一张照片。\n",
    );
  });

  it("split one side only: the other side stays whole in the upper row", () => {
    const { rows } = start();
    expect(shown(settleRows(splitRow(rows, 0, { en: "The bridge opened on Friday.".length, zh: rows[0]!.zh.text.length })))).toEqual([
      { kind: "text", en: "The bridge opened on Friday.", zh: "大桥周五通车。约3000人走过大桥。", solo: false },
      { kind: "text", en: "About 3,000 people crossed it.", zh: "", solo: false },
      { kind: "text", en: "No translation yet.", zh: "", solo: false },
      { kind: "text", en: "", zh: "一张照片。", solo: true },
    ]);
  });

  it("merge a lone English row with the lone Chinese row below: one pair, no {solo} left", () => {
    const { rows } = start();
    expect(written(mergeRows(rows, 1))).toBe("\nThe bridge opened on Friday. About 3,000 people crossed it.\n\n大桥周五通车。约3000人走过大桥。\n\nNo translation yet.\n\n一张照片。\n");
    expect(shown(mergeRows(rows, 1))[1]).toEqual({ kind: "text", en: "No translation yet.", zh: "一张照片。", solo: false });
  });

  it("merge two pairs: English joined with a space, Chinese without", () => {
    const { rows } = start();
    const pairs = mergeRows(rows, 1);
    expect(shown(mergeRows(pairs, 0))[0]).toEqual({
      kind: "text",
      en: "The bridge opened on Friday. About 3,000 people crossed it. No translation yet.",
      zh: "大桥周五通车。约3000人走过大桥。一张照片。",
      solo: false,
    });
  });

  it("move a row up and down; at either end nothing moves", () => {
    const { rows } = start();
    expect(written(moveRow(rows, 2, -1))).toBe("\nThe bridge opened on Friday. About 3,000 people crossed it.\n\n大桥周五通车。约3000人走过大桥。\n\n{solo} 一张照片。\n\nNo translation yet.\n");
    expect(moveRow(rows, 0, -1)).toEqual(rows);
    expect(moveRow(rows, 2, 1)).toEqual(rows);
  });

  it("mark a pair as standing alone: its two paragraphs become two rows", () => {
    const { rows } = start();
    expect(written(toggleSolo(rows, 0))).toBe("\nThe bridge opened on Friday. About 3,000 people crossed it.\n\n{solo} 大桥周五通车。约3000人走过大桥。\n\nNo translation yet.\n\n{solo} 一张照片。\n");
  });

  it("mark a lone English paragraph as standing alone: {solo} moves to it, the Chinese typed below needs none", () => {
    const rows: Row[] = [
      { kind: "text", en: { text: "No translation yet." }, zh: { text: "" }, solo: false },
      { kind: "text", en: { text: "" }, zh: { text: "一张照片。" }, solo: false },
    ];
    expect(writeBody({ ...NEW_BODY, rows })).toBe("No translation yet.\n\n{solo} 一张照片。\n");
    expect(writeBody({ ...NEW_BODY, rows: toggleSolo(rows, 0) })).toBe("{solo} No translation yet.\n\n一张照片。\n");
  });

  it("mark rows as captions: a bilingual caption pairs, a caption never pairs with body text", () => {
    const { rows } = start();
    expect(written(toggleKind(rows, 0, "caption"))).toBe("\n{caption} The bridge opened on Friday. About 3,000 people crossed it.\n\n{caption} 大桥周五通车。约3000人走过大桥。\n\nNo translation yet.\n\n{solo} 一张照片。\n");
    expect(written(toggleKind(rows, 2, "caption"))).toBe("\nThe bridge opened on Friday. About 3,000 people crossed it.\n\n大桥周五通车。约3000人走过大桥。\n\nNo translation yet.\n\n{solo caption} 一张照片。\n");
    expect(written(toggleKind(toggleKind(rows, 0, "caption"), 0, "caption"))).toBe(writeBody(start()));
  });

  it("add an empty row: nothing is written until it has text", () => {
    const { rows } = start();
    expect(written(addRow(rows, 1))).toBe(writeBody(start()));
    expect(written(addRowWith(rows, 1, "A new paragraph."))).toBe("\nThe bridge opened on Friday. About 3,000 people crossed it.\n\n大桥周五通车。约3000人走过大桥。\n\nA new paragraph.\n\nNo translation yet.\n\n{solo} 一张照片。\n");
  });

  it("leaves the rows it did not change as they were, so the editor redraws only what changed", () => {
    const { rows } = start();
    const moved = moveRow(rows, 1, 1);
    expect(moved[0]).toBe(rows[0]);
    expect(setText(rows, 1, "en", "x")[2]).toBe(rows[2]);
  });
});

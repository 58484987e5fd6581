// Paste to align (src/editor/pairs/align-texts.ts): a whole English text and a whole Chinese
// text become rows of pairs by the importer's own aligner, the close calls marked unsure.

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { alignTexts, pastedParagraphs } from "../src/editor/pairs/align-texts.ts";
import { readArticleFile } from "../src/editor/pairs/article-draft.ts";
import { readBody } from "../src/editor/pairs/rows.ts";

const ARTICLES = path.resolve(import.meta.dirname, "../articles");
const samples = readdirSync(ARTICLES).filter((f) => f.endsWith(".md")).sort();

/** A sample article's body rows (captions aside: they are not running text). */
const textRows = (name: string) => readBody(readArticleFile(readFileSync(path.join(ARTICLES, name), "utf8")).body).rows.filter((r) => r.kind === "text");
const sides = (rows: ReturnType<typeof textRows>) => rows.map((r) => [r.en.text, r.zh.text]);

describe("pasting a whole English text and a whole Chinese text", () => {
  it.each(samples)("%s: its paragraphs, pasted as two texts, align back into the article's own pairs and lone paragraphs", (name) => {
    const rows = textRows(name);
    const english = rows.map((r) => r.en.text).filter(Boolean).join("\n\n");
    const chinese = rows.map((r) => r.zh.text).filter(Boolean).join("\n");
    expect(sides(alignTexts(english, chinese))).toEqual(sides(rows));
  });

  it("marks nothing unsure where every paragraph has a clear translation", () => {
    const rows = textRows("2025-02-12-lantern-festival.md");
    const aligned = alignTexts(rows.map((r) => r.en.text).join("\n\n"), rows.map((r) => r.zh.text).join("\n\n"));
    expect(aligned.filter((r) => r.unsure)).toEqual([]);
  });

  it("marks unsure the rows where a Chinese paragraph could translate either of two English ones, and only those", () => {
    const english = [
      "The new bridge over the Jialu River opened on Friday after two years of work.",
      "The city also opened a park.",
      "The city also opened a library.",
      "About 3,000 people crossed the bridge on its first day, many of them on bicycles.",
    ].join("\n\n");
    const chinese = ["横跨贾鲁河的新桥经过两年施工，于周五通车。", "市里还开放了一处新场馆。", "通车首日约有3000人走过大桥，其中很多人骑自行车。"].join("\n\n");
    const aligned = alignTexts(english, chinese);
    expect(aligned.map((r) => [r.en.text.slice(0, 20), r.zh.text.slice(0, 6), r.unsure ?? false])).toEqual([
      ["The new bridge over ", "横跨贾鲁河的", false],
      ["The city also opened", "", true],
      ["The city also opened", "市里还开放了", true],
      ["About 3,000 people c", "通车首日约有", false],
    ]);
  });

  it("reads a pasted text's paragraphs at blank lines when it has them, else one a line, trimmed as the importer trims", () => {
    expect(pastedParagraphs("\uFEFF  First line,\nsame paragraph.\r\n\r\n\u3000\u3000Second.\n\n\nThird.", "en").map((p) => p.text)).toEqual(["First line, same paragraph.", "Second.", "Third."]);
    expect(pastedParagraphs("第一段。\n\u3000\u3000第二段。\n第三段。\n", "zh").map((p) => p.text)).toEqual(["第一段。", "第二段。", "第三段。"]);
  });
});

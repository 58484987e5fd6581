// Each channel dump fixture imports exactly as expected.json says a perfect import would, and
// the article file written for it reads back, through the normal model, paired the same way.

import { describe, expect, it } from "vitest";
import site from "../src/config/site.ts";
import { parseArticle } from "../src/model/article.ts";
import { beijingDay, beijingTimestamp } from "../src/model/dates.ts";
import type { ImportedBlock } from "../src/editor/import/align.ts";
import { importedArticleText } from "../src/editor/import/article-file.ts";
import { parseChannelDump } from "../src/editor/import/channel-dump.ts";
import { channelDumps, expectedElements, expectedImports, readDump, type ExpectedBlock } from "./helpers/channel-fixtures.ts";

const context = {
  kickers: site.kickers,
  relatedHeaders: Object.values(site.columns).flatMap((c) => [c.en, c.zh]),
};

/** An imported block in expected.json's form. */
function asExpected(block: ImportedBlock): ExpectedBlock {
  const one = (lines: string[]) => (lines.length === 1 ? lines[0]! : lines);
  if (block.kind === "caption") return { caption: { ...(block.en ? { en: block.en } : {}), ...(block.zh ? { zh: block.zh } : {}) } };
  if (block.kind === "subhead") return { subhead: { en: block.en, zh: block.zh } };
  if (block.kind === "pair") return { en: one(block.en), zh: one(block.zh) as string };
  return { [block.lang ?? "en"]: block.text } as ExpectedBlock;
}

describe("every channel dump fixture", () => {
  it("has its expected import, and nothing in the folder goes untested", () => {
    expect(channelDumps()).toEqual(Object.keys(expectedImports).sort());
    expect(channelDumps().length).toBeGreaterThanOrEqual(21);
  });

  describe.each(channelDumps())("%s", (file) => {
    const want = expectedImports[file]!;
    const got = parseChannelDump(readDump(file), { ...context, fileName: file });

    it(`reads headline, kicker, source, date and credits (${want.covers.slice(0, 60)}…)`, () => {
      expect({ title: got.title, kicker: got.kicker, source: got.source, credits: got.credits }).toEqual({
        title: want.title,
        kicker: want.kicker,
        source: want.source,
        credits: want.credits,
      });
      if (want.date) expect(beijingTimestamp(got.date!)).toBe(want.date);
      else if (want.dateFromFileName) expect(beijingDay(got.date!)).toBe(want.dateFromFileName);
      else expect(got.date).toBeUndefined();
    });

    it("reads the body into the expected pairs, lone paragraphs and captions, in order", () => {
      expect(got.blocks.map(asExpected)).toEqual(want.blocks);
    });

    it("writes an article the model reads back paired exactly so, every element in its language", () => {
      const { article, problems } = parseArticle(importedArticleText(got, "news", new Date("2026-01-01T00:00:00Z")), "a.md", {
        columns: site.columns,
        defaults: { source: "郑州之窗" },
      });
      expect(problems.filter((p) => p.severity === "error")).toEqual([]);
      const elements = article!.blocks.flatMap((b) => (b.kind === "pair" ? [b.en, b.zh] : [b.paragraph]));
      expect(elements.map((p) => [p.lang, p.kind === "subhead" ? p.text.replace(/^## /, "") : p.text.replace(/\\\n/g, " "), p.kind])).toEqual(
        expectedElements(want.blocks),
      );
      const pairs = (blocks: ReadonlyArray<{ kind: string }>) => blocks.filter((b) => b.kind === "pair").length;
      expect(pairs(article!.blocks)).toBe(
      pairs(got.blocks) + got.blocks.filter((b) => b.kind === "subhead" || (b.kind === "caption" && b.en && b.zh)).length,
    );
    });
  });
});

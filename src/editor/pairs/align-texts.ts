// Paste to align: a whole English text and a whole Chinese text in, rows out, paired by the
// importer's own aligner (src/editor/import/align.ts) and split into paragraphs by the
// importer's own rules (lines.ts). Where the aligner's choice was close, the row is marked
// unsure, as the importer warns about a run it was unsure of.

import type { Lang } from "../../config/languages.ts";
import { alignRun, type BodyItem } from "../import/align.ts";
import { blankLineSeparated, dumpLines, type DumpLine } from "../import/lines.ts";
import type { Row } from "./rows.ts";

type Text = Extract<BodyItem, { kind: "text" }>;

/** English sentences join with a space when they become one paragraph, Chinese without. */
const JOIN: Record<Lang, string> = { en: " ", zh: "" };

/** The paragraphs of a pasted text: separated by blank lines when it has them, else one a
 *  line (text copied from a web page or a word processor comes either way). */
export function pastedParagraphs(text: string, lang: Lang): Text[] {
  const lines = dumpLines(text);
  const together = blankLineSeparated(lines);
  const groups: DumpLine[][] = [];
  lines.forEach((line, i) => {
    if (together && i > 0 && lines[i - 1]!.group === line.group) groups.at(-1)!.push(line);
    else groups.push([line]);
  });
  return groups.map((group, index) => ({ kind: "text", lang, text: group.map((l) => l.text).join(JOIN[lang]), line: index + 1, group: index }));
}

/**
 * The two texts as rows: pairs where the aligner found a translation, lone paragraphs where
 * it found none, each language in its own order; `unsure` where the aligner's choice was
 * close (another pairing of those paragraphs within the importer's margin of the best).
 */
export function alignTexts(english: string, chinese: string): Row[] {
  const { links, unsure } = alignRun(pastedParagraphs(english, "en"), pastedParagraphs(chinese, "zh"));
  return links.map((link, index): Row => {
    const side = (lang: Lang) => ({ text: link[lang].map((p) => p.text).join(JOIN[lang]) });
    return { kind: "text", en: side("en"), zh: side("zh"), solo: false, ...(unsure[index] && { unsure: true }) };
  });
}

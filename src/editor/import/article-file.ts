// The article file for an import. The model pairs paragraphs by script alone (an English
// paragraph followed by a Chinese one of the same kind), so the body is written for the model
// to pair exactly as the importer decided: each pair as English then its Chinese, `{solo}`
// where a Chinese paragraph must not pair with the English before it, `{caption}` on
// captions, `## ` before each half of a subhead, `{en}`/`{zh}` where the script would guess
// another language.

import { stringify } from "yaml";
import type { Lang } from "../../config/languages.ts";
import { beijingTimestamp } from "../../model/dates.ts";
import { detectLanguage, type ParagraphKind } from "../../model/paragraphs.ts";
import type { ImportedArticle } from "./channel-dump.ts";

// Markdown would read these line starts as headings, quotes, lists, rules or directives; a
// backslash keeps them text (for "1. " it must stand before the dot, for a picture "![" before
// the bracket).
const MARKDOWN_LINE_START = /^(?:#|>|[-+*](?:\s|$)|\{|[-*_=]{3,}\s*$|`{3}|~{3})/;
const ORDERED_LIST_START = /^(\d+)([.)](?:\s|$))/;
const PICTURE_START = /^!\[/;
/** Markdown's hard line break: lines that share one translation stay lines. */
const LINE_BREAK = "\\\n";

function asPlainText(line: string): string {
  if (ORDERED_LIST_START.test(line)) return line.replace(ORDERED_LIST_START, "$1\\$2");
  if (PICTURE_START.test(line)) return `!\\${line.slice(1)}`;
  return MARKDOWN_LINE_START.test(line) ? `\\${line}` : line;
}

type Kind = Exclude<ParagraphKind, "figure">;

interface Out {
  lines: string[];
  /** null: a paragraph whose script says nothing; the model gives it the language before it. */
  lang: Lang | null;
  kind: Kind;
  /** The importer paired it with the paragraph before it. */
  pairs: boolean;
}

function outParagraphs(article: ImportedArticle): Out[] {
  const halves = (kind: Kind, en: string | undefined, zh: string | undefined): Out[] => [
    ...(en !== undefined ? [{ lines: [en], lang: "en" as const, kind, pairs: false }] : []),
    ...(zh !== undefined ? [{ lines: [zh], lang: "zh" as const, kind, pairs: en !== undefined }] : []),
  ];
  return article.blocks.flatMap((block): Out[] => {
    if (block.kind === "pair") {
      return [
        { lines: block.en, lang: "en", kind: "text", pairs: false },
        { lines: block.zh, lang: "zh", kind: "text", pairs: true },
      ];
    }
    if (block.kind === "single") return [{ lines: [block.text], lang: block.lang, kind: "text", pairs: false }];
    return halves(block.kind, block.en, block.zh);
  });
}

// A run of # at the end of a heading closes it (Markdown drops it): a backslash keeps it text.
const HEADING_CLOSE = /(\s)(#+)$/;

/** A paragraph's Markdown, as the kind it is. */
function markdown(p: Out): string {
  if (p.kind === "subhead") return `## ${p.lines[0]!.replace(HEADING_CLOSE, "$1\\$2")}`;
  return p.lines.map(asPlainText).join(LINE_BREAK);
}

/** The body's Markdown: paragraphs with the directives that make the model pair as decided. */
function body(article: ImportedArticle): string {
  let previous: { lang: Lang; kind: Kind; solo: boolean } | undefined;
  return outParagraphs(article)
    .map((p) => {
      const text = markdown(p);
      const words: string[] = p.kind === "caption" ? ["caption"] : [];
      if (p.lang && detectLanguage(text) !== p.lang) words.push(p.lang);
      const lang = p.lang ?? previous?.lang ?? "en";
      const wouldPair = previous?.lang === "en" && lang === "zh" && !previous.solo && previous.kind === p.kind;
      // A paragraph without script takes the language before it: never let it pair.
      const solo = p.lang === null || (wouldPair && !p.pairs);
      if (solo) words.push("solo");
      previous = { lang, kind: p.kind, solo };
      return words.length ? `{${words.join(" ")}} ${text}` : text;
    })
    .join("\n\n");
}

/** The article file for an import, ready for `articles/`; an undated one is a draft dated `now`. */
export function importedArticleText(article: ImportedArticle, column: string, now: Date): string {
  const front = {
    title: article.title,
    ...(article.kicker ? { kicker: article.kicker } : {}),
    column,
    date: beijingTimestamp(article.date ?? now),
    ...(article.source ? { source: article.source } : {}),
    ...(article.credits ? { credits: article.credits } : {}),
    ...(article.date ? {} : { draft: true }),
  };
  // Dates stay plain (2018-06-15 11:53:52): that is how editors write them, and YAML's
  // core schema reads them back as the same text.
  const yaml = stringify(front, { lineWidth: 0 });
  return `---\n${yaml}---\n\n${body(article)}\n`;
}

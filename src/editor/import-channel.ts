// Reads the channel's text dumps (the pages as copied from the portal: see
// ../shared/seeds/) into article files. Pure: text in, article text and a report out.
//
// A dump looks like:
//   • Scan QR Code
//   Zheng Energy丨郑州市临床供血全部来自无偿献血
//   郑州之窗2018-06-15 11:53:52
//   <paragraphs, English then Chinese>
//   (记者 李京儒 通讯员 张予/文 记者 丁友明/图)
//   Zhengzhou Release
//   <related links: dropped>

import { stringify } from "yaml";
import { beijingTimestamp, parseBeijingDate } from "../model/dates.ts";
import { detectLanguage } from "../model/paragraphs.ts";

export interface ImportedArticle {
  title: { en?: string; zh?: string };
  kicker?: string;
  source?: string;
  /** Missing when the dump has no timestamp line. */
  date?: Date;
  credits?: string;
  paragraphs: string[];
  warnings: string[];
}

const QR_LINE = /^[•·*\-\s]*Scan QR Code\s*$/i;
const RELATED_BLOCK = /^(Zhengzhou Release|Zhengzhou Vision)\s*$/i;
const KICKER_SEPARATOR = /\s*[丨|｜]\s*/;
const LATIN_KICKER = /^([A-Za-z][A-Za-z'’&.\- ]*?)\s+(?=\p{Script=Han})/u;
const TIMESTAMP = /^(.*?)\s*(\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*$/;
const CREDIT_LINE = /^[（(]\s*(?:记者|通讯员|编辑|责编|责任编辑|来源|文|图|摄影|摄)[^)）]*[)）]$/;
const PHOTO_PLACEHOLDER = /^[[【(（]?\s*(?:图片|图|photo|image)\s*[\]】)）]?$/i;
// Markdown would read these line starts as headings, quotes, lists or directives; a
// backslash keeps them text (for "1. " it must stand before the dot).
const MARKDOWN_LINE_START = /^(?:#|>|[-+*]\s|\{)/;
const ORDERED_LIST_START = /^(\d+)([.)]\s)/;

function asPlainText(line: string): string {
  if (ORDERED_LIST_START.test(line)) return line.replace(ORDERED_LIST_START, "$1\\$2");
  return MARKDOWN_LINE_START.test(line) ? `\\${line}` : line;
}

/** Strips what copy-paste adds: a BOM, CR, non-breaking and full-width spaces at line ends. */
function cleanLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ""));
}

function splitHeadline(line: string, knownKickers: readonly string[]): { kicker?: string; headline: string; guessed: boolean } {
  const [before, ...after] = line.split(KICKER_SEPARATOR);
  if (after.length) return { kicker: before || undefined, headline: after.join(" "), guessed: false };
  const known = knownKickers.find((k) => line.toLowerCase().startsWith(`${k.toLowerCase()} `));
  if (known) return { kicker: line.slice(0, known.length), headline: line.slice(known.length).trim(), guessed: false };
  const latin = LATIN_KICKER.exec(line);
  if (latin) return { kicker: latin[1], headline: line.slice(latin[0].length), guessed: true };
  return { headline: line, guessed: false };
}

export function parseChannelText(text: string, knownKickers: readonly string[] = []): ImportedArticle {
  const warnings: string[] = [];
  const lines = cleanLines(text).filter((line) => !QR_LINE.test(line));
  const end = lines.findIndex((line) => RELATED_BLOCK.test(line));
  const content = (end < 0 ? lines : lines.slice(0, end)).filter(Boolean);

  const headlineLine = content.shift() ?? "";
  const { kicker, headline, guessed } = splitHeadline(headlineLine, knownKickers);
  if (guessed) warnings.push(`kicker "${kicker}" guessed from the headline line: check it`);
  const title = detectLanguage(headline) === "zh" ? { zh: headline } : { en: headline };
  if (!headline) warnings.push("no headline found");

  let source: string | undefined;
  let date: Date | undefined;
  const stamp = TIMESTAMP.exec(content[0] ?? "");
  const parsed = stamp ? parseBeijingDate(stamp[2]!) : undefined;
  if (stamp && parsed instanceof Date) {
    content.shift();
    source = stamp[1] || undefined;
    date = parsed;
  } else {
    warnings.push("no timestamp line (such as 郑州之窗2018-06-15 11:53:52): dated now and marked as a draft");
  }

  let credits: string | undefined;
  const paragraphs: string[] = [];
  for (const line of content) {
    if (CREDIT_LINE.test(line)) {
      if (credits) warnings.push(`a second credit line was kept as a paragraph: ${line}`);
      else {
        credits = line;
        continue;
      }
    }
    if (PHOTO_PLACEHOLDER.test(line)) {
      warnings.push(`dropped a photo placeholder: "${line}"`);
      continue;
    }
    paragraphs.push(asPlainText(line));
  }
  if (!paragraphs.length) warnings.push("no body paragraphs found");
  return { title, kicker, source, date, credits, paragraphs, warnings };
}

/** The article file for an import, ready for `articles/`. */
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
  return `---\n${yaml}---\n\n${article.paragraphs.join("\n\n")}\n`;
}

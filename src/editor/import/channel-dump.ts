// Reads one of the channel's text dumps (a page of the portal copied as text) into the parts
// of an article. Pure: text in, an ImportedArticle out, with a warning for every guess.
//
// A dump looks like:
//   • Scan QR Code            (and sometimes the pop-up's "×Close")
//   Zheng Energy丨郑州市临床供血全部来自无偿献血
//   郑州之窗2018-06-15 11:53:52
//   <paragraphs: English, then its Chinese; captions and photo credits between them>
//   (记者 李京儒 通讯员 张予/文 记者 丁友明/图)
//   Zhengzhou Release
//   <related links: dropped>
// Some dumps are the body alone: the headline, then paragraphs, nothing else.

import { beijingDay } from "../../model/dates.ts";
import { detectLanguage } from "../../model/paragraphs.ts";
import { alignBody, type BodyItem, type ImportedBlock } from "./align.ts";
import { isGlossedLabel, isHeadingShaped, isSentencePair, lineLanguage, splitBilingual, type BilingualLine } from "./bilingual-line.ts";
import { lineRole, repeatedLines } from "./captions.ts";
import { dateFromFileName } from "./file-date.ts";
import { splitHeadline } from "./headline.ts";
import { translationScore } from "./likelihood.ts";
import { blankLineSeparated, dumpLines, type DumpLine } from "./lines.ts";
import { pageParts, relatedKickers } from "./page.ts";

/** What an import warns about; the summary counts warnings by these. */
export type WarningKind =
  | "needs a date"
  | "dated from file name"
  | "dated from --date"
  | "timestamp and file name differ"
  | "kicker guessed"
  | "pairing unsure"
  | "photo placeholder dropped"
  | "headline looks like a paragraph";

export interface ImportWarning {
  kind: WarningKind;
  message: string;
}

export interface ImportedArticle {
  title: { en?: string; zh?: string };
  kicker?: string;
  source?: string;
  /** Missing when neither the dump, its file name nor --date gives one. */
  date?: Date;
  credits?: string;
  blocks: ImportedBlock[];
  warnings: ImportWarning[];
}

export interface DumpContext {
  /** Kickers the site knows (site.kickers); the page's related blocks add their own. */
  kickers: readonly string[];
  /** Column names that head the related blocks ("Zhengzhou Release", "郑州发布"). */
  relatedHeaders: readonly string[];
  /** The dump's file name, which may carry its date (…20190412…). */
  fileName?: string;
  /** The date for dumps that give none (`--date`). */
  date?: Date;
}

// A line split into English and Chinese must look like a translation to be one; otherwise
// it stays whole ("The sign reads 郑州欢迎你" is English quoting Chinese).
const BILINGUAL_LINE_MIN_SCORE = -3;
/** Longer than any headline: the dump's first line is then text, and the headline missing. */
const HEADLINE_MAX = 150;
const SENTENCE_END = /[。！？.!?]$/;

/** A line under the headline, above the timestamp, in the language the headline lacks and
 *  shaped like a headline, is the headline's other language ("English title" / "中文标题"). */
function otherTitle(title: ImportedArticle["title"], lines: readonly DumpLine[]): ImportedArticle["title"] | undefined {
  const [line] = lines;
  if (lines.length !== 1 || line!.text.length > HEADLINE_MAX || SENTENCE_END.test(line!.text)) return undefined;
  const lang = detectLanguage(line!.text);
  return lang && !title[lang] ? { ...title, [lang]: line!.text } : undefined;
}

/** English and its Chinese on one line, when the halves look like a translation. */
function translatedLine(text: string): BilingualLine | null {
  const both = splitBilingual(text);
  return both && translationScore(both.en, both.zh) > BILINGUAL_LINE_MIN_SCORE ? both : null;
}

/** A caption's text under its language; a bilingual caption line keeps both halves. */
function caption(line: DumpLine, describes: boolean): BodyItem {
  const both = translatedLine(line.text);
  return { kind: "caption", ...(both ?? { [lineLanguage(line.text) ?? "en"]: line.text }), describes, line: line.line };
}

/** A section heading on two lines, English then its Chinese ("Stick to the post" / "坚守岗位"). */
function headingOnTwoLines(en: DumpLine, zh: DumpLine): BilingualLine | undefined {
  const line = { en: en.text, zh: zh.text };
  const shaped = lineLanguage(en.text) === "en" && lineLanguage(zh.text) === "zh" && isHeadingShaped(line);
  return shaped && translationScore(line.en, line.zh) > BILINGUAL_LINE_MIN_SCORE ? line : undefined;
}

/**
 * Body lines as the aligner's items; the credit lines and dropped placeholders aside. A short
 * bilingual line that ends like a label ("Stick to the post 坚守岗位", on one line or two) is a
 * section's subhead when text follows it; otherwise it is a photo's caption, as it is when its
 * credit or another caption follows (the photo itself did not survive the dump).
 */
function bodyItems(lines: readonly DumpLine[], warnings: ImportWarning[]): { items: BodyItem[]; credits: string[] } {
  const repeated = repeatedLines(lines.map((l) => l.text));
  const roles = lines.map((l) => lineRole(l.text) ?? (repeated.has(l.text) ? "photo-credit" : null));
  const textAt = (i: number) => i < lines.length && roles[i] === null;
  const items: BodyItem[] = [];
  const credits: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const [line, role] = [lines[i]!, roles[i]];
    if (role === "credits") credits.push(line.text);
    else if (role === "placeholder") {
      warnings.push({ kind: "photo placeholder dropped", message: `line ${line.line}: dropped the photo placeholder "${line.text}"` });
    } else if (role) items.push(caption(line, role === "caption"));
    else {
      const both = translatedLine(line.text);
      const twoLines = !both && textAt(i + 1) && textAt(i + 2) ? headingOnTwoLines(line, lines[i + 1]!) : undefined;
      if (twoLines) {
        items.push({ kind: "subhead", ...twoLines, line: line.line });
        i++;
      } else if (both && isSentencePair(both)) items.push({ kind: "pair", ...both, line: line.line });
      else if (both) {
        const heading = isHeadingShaped(both) && textAt(i + 1);
        items.push(heading ? { kind: "subhead", ...both, line: line.line } : { kind: "caption", ...both, describes: true, line: line.line });
      } else {
        const alone = isGlossedLabel(line.text);
        items.push({ kind: "text", lang: lineLanguage(line.text), text: line.text, line: line.line, group: line.group, ...(alone ? { alone } : {}) });
      }
    }
  }
  return { items, credits };
}

/** The date: the dump's timestamp, else a date in the file name, else --date. */
function dateOf(stamp: Date | undefined, context: DumpContext, warnings: ImportWarning[]): Date | undefined {
  const named = context.fileName ? dateFromFileName(context.fileName) : undefined;
  if (stamp) {
    if (named && beijingDay(named) !== beijingDay(stamp)) {
      warnings.push({
        kind: "timestamp and file name differ",
        message: `the timestamp says ${beijingDay(stamp)}, the file name ${beijingDay(named)}: used the timestamp`,
      });
    }
    return stamp;
  }
  if (named) {
    warnings.push({ kind: "dated from file name", message: `no timestamp line: dated ${beijingDay(named)} from the file name` });
    return named;
  }
  if (context.date) {
    warnings.push({ kind: "dated from --date", message: `no timestamp line: dated ${beijingDay(context.date)} from --date` });
    return context.date;
  }
  warnings.push({
    kind: "needs a date",
    message: "no date in the dump or its file name: imported as a draft dated now; set its date (or import it with --date YYYY-MM-DD)",
  });
  return undefined;
}

export function parseChannelDump(text: string, context: DumpContext): ImportedArticle {
  const warnings: ImportWarning[] = [];
  const lines = dumpLines(text);
  const parts = pageParts(lines, context.relatedHeaders);

  const headlineText = parts.headline?.text ?? "";
  const headline = splitHeadline(headlineText, [...context.kickers, ...relatedKickers(parts.related)]);
  if (headline.guessedKicker) {
    warnings.push({ kind: "kicker guessed", message: `kicker "${headline.kicker}" told from the headline line's form: check it` });
  }
  if (headlineText.length > HEADLINE_MAX) {
    warnings.push({ kind: "headline looks like a paragraph", message: `the headline is ${headlineText.length} characters long: is the dump's headline missing?` });
  }

  const title = otherTitle(headline.title, parts.belowHeadline);
  const date = dateOf(parts.timestamp?.date, context, warnings);
  // Anything else between headline and timestamp is text: kept, whatever it is.
  const { items, credits } = bodyItems([...(title ? [] : parts.belowHeadline), ...parts.body], warnings);
  const together = blankLineSeparated(parts.body);
  const { blocks, unsure } = alignBody(items, (a, b) => together && a.group === b.group);
  for (const u of unsure) {
    warnings.push({
      kind: "pairing unsure",
      message: `lines ${u.lines[0]}-${u.lines[1]}: ${u.english} English and ${u.chinese} Chinese paragraphs; unsure which translates which: check the pairs`,
    });
  }

  return {
    title: title ?? headline.title,
    kicker: headline.kicker,
    source: parts.timestamp?.source,
    date,
    credits: credits.length ? credits.join(" ") : undefined,
    blocks,
    warnings,
  };
}

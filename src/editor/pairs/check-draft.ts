// What `npm run check` says of a draft, each problem tied to the form field or the body row
// it concerns: the same model code (parseArticle: front-matter validation, directives, the
// editorial warnings) run on the very text a save would write.

import type { Column } from "../../config/site.ts";
import { parseArticle } from "../../model/article.ts";
import { pairParagraphs, readParagraphs } from "../../model/paragraphs.ts";
import type { Severity } from "../../model/problems.ts";
import { FrontMatterError, readArticleFile, SUB_KEYS, writeArticleFile, type ArticleDraft } from "./article-draft.ts";

export interface CheckContext {
  /** The file's path as `npm run check` names it (articles/2025-02-12-lantern-festival.md):
   *  the slug comes from it. */
  file: string;
  columns: Record<string, Column>;
  /** The article folder's defaults (articles/articles.json). */
  defaults?: Record<string, unknown>;
  /** Whether a local image exists (a site path such as /assets/images/a.jpg); without it,
   *  images are not looked for. */
  imageExists?: (sitePath: string) => boolean;
}

/** What a problem is about: a front-matter field ("title", "image.alt"), a row of the body
 *  (its index among the rows the body reads as), the body as a whole, or the file. */
export type ProblemTarget = { field: string } | { row: number } | { body: true } | { file: true };

export interface DraftProblem {
  severity: Severity;
  /** The message `npm run check` prints. */
  message: string;
  /** Where in the written file it is, as the check prints it. */
  line: number;
  col: number;
  target: ProblemTarget;
}

/** A problem beside a row of the pair editor. */
export interface RowNote {
  row: number;
  severity: Severity;
  message: string;
}

const FIELD_PATHS = new Set(Object.entries(SUB_KEYS).flatMap(([key, subs]) => (key ? subs.map((sub) => `${key}.${sub}`) : subs)));

/** Lines of each key and nested key of the front matter, from the written file. */
function fieldLines(text: string): Array<{ field: string; from: number; to: number }> {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const closing = lines.findIndex((l, i) => i > 0 && l.startsWith("---"));
  const found: Array<{ field: string; from: number; to: number }> = [];
  let parent: string | undefined;
  lines.slice(1, closing < 0 ? lines.length : closing).forEach((line, i) => {
    const key = /^( *)([a-z]+):/.exec(line);
    if (!key) return;
    const lineNo = i + 2;
    if (key[1] === "") parent = key[2];
    const field = key[1] === "" ? key[2]! : `${parent}.${key[2]}`;
    for (const open of found.filter((f) => f.to === Infinity && (key[1] === "" || f.field.includes(".")))) open.to = lineNo - 1;
    found.push({ field, from: lineNo, to: Infinity });
  });
  return found;
}

/** The field a message names ("missing required key "column"", "\"date\" is not a date"). */
function namedField(message: string): string | undefined {
  return [...message.matchAll(/"([a-z]+(?:\.[a-z]+)?)"/g)].map((m) => m[1]!).find((name) => FIELD_PATHS.has(name));
}

/**
 * Every problem `npm run check` would print for the file a save of `draft` writes, tied to
 * its field or row. Errors refuse the save; warnings are for the editor to look at.
 */
export function checkDraft(draft: ArticleDraft, context: CheckContext): DraftProblem[] {
  let text: string;
  try {
    text = writeArticleFile(draft);
  } catch (error) {
    if (!(error instanceof FrontMatterError)) throw error;
    return [{ severity: "error", message: error.message, line: 1, col: 1, target: { file: true } }];
  }
  const { problems } = parseArticle(text, context.file, context);
  const written = readArticleFile(text);
  // Without front matter the whole file reads as body, and the one error is the file's.
  const head = text.slice(0, text.length - written.body.length);
  const bodyFirstLine = head.replace(/^\uFEFF/, "") === "" ? Infinity : head.split(/\r\n|\r|\n/).length;
  const { paragraphs } = readParagraphs(written.body, bodyFirstLine);
  const rowLines = pairParagraphs(paragraphs).map((b) => (b.kind === "pair" ? [b.en.line, b.zh.line] : [b.paragraph.line]));
  const fields = fieldLines(text);
  return problems.map(({ severity, message, line, col }): DraftProblem => {
    const target = ((): ProblemTarget => {
      if (line >= bodyFirstLine) {
        const row = rowLines.findIndex((lines) => lines.includes(line));
        return row >= 0 ? { row } : { body: true };
      }
      const field = namedField(message) ?? fields.filter((f) => f.from <= line && line <= f.to).at(-1)?.field;
      return field ? { field } : { file: true };
    })();
    return { severity, message, line, col, target };
  });
}

/** The problems that refuse a save: what would make `npm run check` fail. */
export function saveErrors(problems: readonly DraftProblem[]): DraftProblem[] {
  return problems.filter((p) => p.severity === "error");
}

/** The problems about rows, for the pair editor to show beside them. */
export function rowNotes(problems: readonly DraftProblem[]): RowNote[] {
  return problems.flatMap((p) => ("row" in p.target ? [{ row: p.target.row, severity: p.severity, message: p.message }] : []));
}

// The body of an article as the pair editor shows it: one row per pair, English on the left
// and Chinese on the right; a paragraph that stands alone is a row with one side empty. The
// rows are read by the model's own pairing (src/model/paragraphs.ts), and written back with
// the directives ({en}, {zh}, {solo}, {caption}) that make the model pair them exactly so:
// editors never type a directive.
//
// Writing keeps every paragraph nobody changed byte for byte (its indentation, line ends,
// directive, the blank lines before it), so a body read and written unchanged is the same
// text, and an edit changes only the paragraphs it touched.

import type { Lang } from "../../config/languages.ts";
import { markdownKind } from "../../model/markdown.ts";
import { detectLanguage, pairParagraphs, readParagraphs, splitParagraphs, type Paragraph, type ParagraphKind } from "../../model/paragraphs.ts";

/** Body text (a picture too: the model tells a figure by its Markdown), a photo caption or
 *  credit (`{caption}`), or a subhead (`## `). Rows of a kind pair only within it. */
export type RowKind = "text" | "caption" | "subhead";

/** Where a side's paragraph came from, so that it can be written back unchanged. */
export interface SideSource {
  /** The paragraph's lines in the body, from its first character to its last (no line end). */
  raw: string;
  /** Its text as the model read it ("## Lanterns" for a subhead). */
  text: string;
  /** Its text as the row showed it ("Lanterns"). */
  shown: string;
  /** The directive the model took from its start (`{zh solo} `), or "". */
  directive: string;
  /** What stood between it and the paragraph before it (line ends, blank lines). */
  gap: string;
}

export interface Side {
  /** The paragraph's Markdown without directive (a subhead's without its "## "); "" when
   *  the side is empty. */
  text: string;
  source?: SideSource;
}

export interface Row {
  kind: RowKind;
  en: Side;
  zh: Side;
  /** Marked `{solo}`: never pairs. A Chinese paragraph that stands alone on purpose says so,
   *  and the check then does not ask where its English went. */
  solo: boolean;
  /** Paste to align was unsure of this pairing (align-texts.ts); an edit of the row clears
   *  it. Never written to the file. */
  unsure?: boolean;
}

/** A body as rows, with what surrounds its paragraphs. */
export interface Body {
  rows: Row[];
  /** Before the first paragraph (the blank line after the front matter). */
  lead: string;
  /** After the last paragraph (the file's final line end, or none); undefined when the body
   *  had no paragraph at all. */
  trail?: string;
  /** The line end new text uses: the body's own. */
  eol: string;
}

export const LANGS_IN_ROW: readonly Lang[] = ["en", "zh"];

const EMPTY_SIDE: Side = { text: "" };

export function emptyRow(kind: RowKind = "text"): Row {
  return { kind, en: EMPTY_SIDE, zh: EMPTY_SIDE, solo: false };
}

/** A side's text as the model would read it back: each line without its indentation and
 *  trailing spaces, blank lines left out (a blank line would start another paragraph). */
export function paragraphText(text: string): string {
  return splitParagraphs(text).map((p) => p.text).join("\n");
}

/** A side's text as a row of `kind` writes it: a subhead is one line. */
export function shownText(kind: RowKind, text: string): string {
  const lines = paragraphText(text);
  return kind === "subhead" ? lines.replace(/\n/g, " ") : lines;
}

/** The text of a subhead without its Markdown: "## Lanterns ##" is "Lanterns". */
function headingOf(text: string): string {
  return text.replace(/^##[ \t]+/, "").replace(/[ \t]+#+$/, "").trim();
}

/** What the model makes of a side's text written for a row of `kind`. */
function writtenKind(kind: RowKind, shown: string): ParagraphKind {
  if (kind === "subhead") return "subhead";
  const made = markdownKind(shown);
  return made === "text" && kind === "caption" ? "caption" : made;
}

const rowKindOf = (kind: ParagraphKind): RowKind => (kind === "caption" || kind === "subhead" ? kind : "text");

/** The model pairs an English and a Chinese paragraph only of one kind, and never pictures. */
const pairable = (a: ParagraphKind, b: ParagraphKind) => a === b && a !== "figure";

export function isEmptyRow(row: Row): boolean {
  return paragraphText(row.en.text) === "" && paragraphText(row.zh.text) === "";
}

/** Reads a body (the Markdown after the front matter) into rows. */
export function readBody(body: string): Body {
  const eol = /\r\n|\r|\n/.exec(body)?.[0] ?? "\n";
  // Offsets of each line's start and of its end before the line end.
  const starts: number[] = [0];
  const ends: number[] = [];
  for (const m of body.matchAll(/\r\n|\r|\n/g)) {
    ends.push(m.index);
    starts.push(m.index + m[0].length);
  }
  ends.push(body.length);

  const raws = new Map(splitParagraphs(body).map((p) => [p.line, p]));
  const { paragraphs } = readParagraphs(body);
  let previousEnd: number | undefined;
  const lead = paragraphs.length ? body.slice(0, starts[paragraphs[0]!.line - 1]) : body;
  const sources = new Map<Paragraph, SideSource>();
  for (const p of paragraphs) {
    const split = raws.get(p.line)!;
    const start = starts[p.line - 1]!;
    const end = ends[p.line - 1 + split.text.split("\n").length - 1]!;
    sources.set(p, {
      raw: body.slice(start, end),
      text: p.text,
      shown: p.kind === "subhead" ? headingOf(p.text) : p.text,
      directive: split.text.slice(0, split.text.length - p.text.length),
      gap: previousEnd === undefined ? "" : body.slice(previousEnd, start),
    });
    previousEnd = end;
  }
  const side = (p: Paragraph): Side => ({ text: sources.get(p)!.shown, source: sources.get(p) });
  const rows = pairParagraphs(paragraphs).map((block): Row => {
    if (block.kind === "pair") return { kind: rowKindOf(block.en.kind), en: side(block.en), zh: side(block.zh), solo: false };
    const p = block.paragraph;
    return { kind: rowKindOf(p.kind), en: p.lang === "en" ? side(p) : EMPTY_SIDE, zh: p.lang === "zh" ? side(p) : EMPTY_SIDE, solo: p.solo };
  });
  return { rows, lead, trail: previousEnd === undefined ? undefined : body.slice(previousEnd), eol };
}

/** A paragraph to write: a side of a row, with the language and kind the row gives it. */
interface Out {
  side: Side;
  /** Its text for the model ("## " before a subhead). */
  text: string;
  lang: Lang;
  kind: ParagraphKind;
  single: boolean;
  solo: boolean;
  /** The row it comes from. */
  row: number;
}

function outParagraphs(rows: readonly Row[]): Out[] {
  return rows.flatMap((row, index) => {
    const sides = LANGS_IN_ROW.map((lang) => ({ lang, side: row[lang], shown: shownText(row.kind, row[lang].text) })).filter((s) => s.shown !== "");
    return sides.map(({ lang, side, shown }): Out => {
      const source = side.source;
      // A subhead nobody edited keeps its Markdown as it was written ("##  Lanterns ##").
      const unchanged = source?.shown === shown && (source.text !== source.shown) === (row.kind === "subhead");
      const text = unchanged ? source.text : row.kind === "subhead" ? `## ${shown}` : shown;
      return { side, text, lang, kind: writtenKind(row.kind, shown), single: sides.length === 1, solo: sides.length === 1 && row.solo, row: index };
    });
  });
}

/** Whether the model would take the start of `text` for a directive. */
function startsLikeDirective(text: string): boolean {
  return readParagraphs(text).paragraphs[0]?.text !== text;
}

const wordsOf = (directive: string): string[] => directive.replace(/[{}]/g, " ").trim().split(/\s+/).filter(Boolean);

/**
 * Rows as the written body reads back, for rows the model can pair as they show: empty rows
 * gone, a pair never {solo}, a Chinese paragraph that stands alone right after an English
 * one that does too marked {solo} (only that keeps the two apart), and a picture marked as
 * a caption a picture still (it is what its Markdown makes it). A picture beside text in one
 * row, or "## " typed into a text row, the model reads its own way: `blockRows` says which
 * row each of its blocks came from.
 */
export function settleRows(rows: readonly Row[]): Row[] {
  const kept = rows.filter((row) => !isEmptyRow(row));
  return kept.map((row, i) => {
    const solo = !isPair(row) && (row.solo || soloForced(kept, i));
    const lone = isPair(row) ? undefined : paragraphText(row.en.text) === "" ? row.zh : row.en;
    const kind = lone ? rowKindOf(writtenKind(row.kind, shownText(row.kind, lone.text))) : row.kind;
    return solo === row.solo && kind === row.kind ? row : { ...row, solo, kind };
  });
}

export function isPair(row: Row): boolean {
  return paragraphText(row.en.text) !== "" && paragraphText(row.zh.text) !== "";
}

/** A lone Chinese row after a lone English one it could pair with, neither marked: the
 *  model would pair them unless the Chinese is marked {solo}. */
export function soloForced(rows: readonly Row[], index: number): boolean {
  const row = rows[index]!;
  const previous = rows.slice(0, index).filter((r) => !isEmptyRow(r)).at(-1);
  const alone = (r: Row, lang: Lang) => paragraphText(r[lang].text) !== "" && paragraphText(r[lang === "en" ? "zh" : "en"].text) === "";
  return (
    previous !== undefined && alone(row, "zh") && alone(previous, "en") && !previous.solo &&
    pairable(writtenKind(previous.kind, shownText(previous.kind, previous.en.text)), writtenKind(row.kind, shownText(row.kind, row.zh.text)))
  );
}

/** The body's Markdown for rows, and the paragraphs it holds, in order. */
function written(body: Body): { text: string; out: Out[] } {
  const out = outParagraphs(body.rows);
  const pieces: string[] = [];
  let previous: Out | undefined;
  for (const [index, p] of out.entries()) {
    const words: string[] = p.kind === "caption" ? ["caption"] : [];
    const guessed = detectLanguage(p.text) ?? previous?.lang ?? "en";
    const source = p.side.source;
    const keptLang = source && wordsOf(source.directive).includes(p.lang);
    if (guessed !== p.lang || keptLang) words.push(p.lang);
    const wouldPair = previous !== undefined && previous.lang === "en" && !previous.solo && pairable(previous.kind, p.kind);
    p.solo ||= p.single && p.lang === "zh" && wouldPair;
    if (p.solo) words.push("solo");
    if (words.length === 0 && startsLikeDirective(p.text)) words.push(p.lang);
    pieces.push(index === 0 ? body.lead : (source?.gap || body.eol + body.eol));
    pieces.push(paragraphSource(p.text, words, source, body.eol));
    previous = p;
  }
  pieces.push(out.length === 0 ? "" : (body.trail ?? body.eol));
  return { text: pieces.join(""), out };
}

/**
 * The body's Markdown for rows: every paragraph with the directives the model needs to pair
 * it as the rows do, and no more; a paragraph whose text and directive are unchanged is
 * written exactly as it was read, with the blank lines that stood before it.
 */
export function writeBody(body: Body): string {
  return written(body).text;
}

/** For each block the model reads in the written rows (the rows `npm run check` numbers),
 *  the index of the row its first paragraph came from. */
export function blockRows(rows: readonly Row[]): number[] {
  const { text, out } = written({ rows: [...rows], lead: "", eol: "\n" });
  const { paragraphs } = readParagraphs(text);
  return pairParagraphs(paragraphs).map((block) => out[paragraphs.indexOf(block.kind === "pair" ? block.en : block.paragraph)]!.row);
}

/** A paragraph's text in the body: as it was read when nothing changed, with only its
 *  directive replaced when the text is the same, else written anew. */
function paragraphSource(text: string, words: readonly string[], source: SideSource | undefined, eol: string): string {
  const known = (directive: string) => wordsOf(directive).filter((w) => ["en", "zh", "solo", "caption"].includes(w));
  // Words kept in the order the editor wrote them, new ones after.
  const ordered = source ? [...known(source.directive).filter((w) => words.includes(w)), ...words.filter((w) => !known(source.directive).includes(w))] : [...words];
  const directive = ordered.length ? `{${ordered.join(" ")}} ` : "";
  if (source && source.text === text) {
    const same = known(source.directive).length === ordered.length && ordered.every((w) => known(source.directive).includes(w));
    if (same) return source.raw;
    if (source.directive) return source.raw.replace(source.directive, directive);
    const at = source.raw.search(/[^ \t\u3000]/);
    return source.raw.slice(0, at) + directive + source.raw.slice(at);
  }
  return directive + text.split("\n").join(eol);
}

// Row operations: each returns new rows and leaves the rows it did not change as they were
// (the same objects), so the editor can tell which rows to redraw.

/** `rows` with the text of one side of one row replaced. */
export function setText(rows: readonly Row[], index: number, lang: Lang, text: string): Row[] {
  return rows.map((row, i) => (i === index ? { ...row, [lang]: { ...row[lang], text }, unsure: undefined } : row));
}

/** An empty row inserted at `index`. */
export function addRow(rows: readonly Row[], index: number, kind: RowKind = "text"): Row[] {
  return [...rows.slice(0, index), emptyRow(kind), ...rows.slice(index)];
}

/** Where each side of a row is cut: a character offset into its text (its length: nothing
 *  moves down from that side). */
export type Cut = Record<Lang, number>;

/** The row cut in two at `cut`: what stands before each side's cut stays, the rest goes to
 *  a new row below, of the same kind. */
export function splitRow(rows: readonly Row[], index: number, cut: Cut): Row[] {
  const row = rows[index]!;
  const head = (lang: Lang): Side => ({ ...row[lang], text: row[lang].text.slice(0, cut[lang]).trimEnd() });
  const tail = (lang: Lang): Side => ({ text: row[lang].text.slice(cut[lang]).trimStart() });
  const first: Row = { kind: row.kind, en: head("en"), zh: head("zh"), solo: row.solo };
  const second: Row = { kind: row.kind, en: tail("en"), zh: tail("zh"), solo: false };
  return [...rows.slice(0, index), first, second, ...rows.slice(index + 1)];
}

/** English joins with a space, Chinese without one, as each language's sentences do. */
const JOIN: Record<Lang, string> = { en: " ", zh: "" };

/** The row and the one below it made one: each side's texts joined, a lone English
 *  paragraph and a lone Chinese one below it becoming a pair. */
export function mergeRows(rows: readonly Row[], index: number): Row[] {
  const [upper, lower] = [rows[index]!, rows[index + 1]];
  if (!lower) return [...rows];
  const side = (lang: Lang): Side => {
    const [a, b] = [upper[lang], lower[lang]];
    if (paragraphText(b.text) === "") return a;
    if (paragraphText(a.text) === "") return b;
    return { ...a, text: a.text.trimEnd() + JOIN[lang] + b.text.trimStart() };
  };
  const merged: Row = { kind: upper.kind, en: side("en"), zh: side("zh"), solo: false };
  merged.solo = !isPair(merged) && (upper.solo || lower.solo);
  return [...rows.slice(0, index), merged, ...rows.slice(index + 2)];
}

/** The row moved one place up (-1) or down (1); at either end, nothing moves. */
export function moveRow(rows: readonly Row[], index: number, by: -1 | 1): Row[] {
  const to = index + by;
  if (to < 0 || to >= rows.length) return [...rows];
  const moved = [...rows];
  [moved[index], moved[to]] = [moved[to]!, moved[index]!];
  return moved;
}

/** "Stands alone": a pair becomes its two paragraphs, each a row of its own; a lone
 *  paragraph is marked {solo}, or unmarked. */
export function toggleSolo(rows: readonly Row[], index: number): Row[] {
  const row = rows[index]!;
  if (!isPair(row)) return rows.map((r, i) => (i === index ? { ...row, solo: !row.solo } : r));
  const english: Row = { kind: row.kind, en: row.en, zh: EMPTY_SIDE, solo: false };
  const chinese: Row = { kind: row.kind, en: EMPTY_SIDE, zh: row.zh, solo: true };
  return [...rows.slice(0, index), english, chinese, ...rows.slice(index + 1)];
}

/** A caption row becomes body text again, any other row a caption. */
export function toggleKind(rows: readonly Row[], index: number, kind: Exclude<RowKind, "text">): Row[] {
  return rows.map((row, i) => (i === index ? { ...row, kind: row.kind === kind ? "text" : kind } : row));
}

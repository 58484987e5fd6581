// Paragraph pairing: the heart of a bilingual article. An article body is a run of
// paragraphs separated by blank lines; an English paragraph followed by a Chinese one is
// a pair (the Chinese translates the English), anything else stands alone.
//
// Language is decided by script, not position, so a Chinese paragraph with a missing
// English partner is not mistaken for a translation. Editors override the guess with a
// directive at the start of a paragraph: `{en}`, `{zh}`, `{solo}` (never pair), or both,
// e.g. `{zh solo}`. Each paragraph also has a kind: body text, a photo caption or credit
// (`{caption}`), a subhead (a `## ` heading) or a figure (nothing but one image). A paragraph
// pairs only with one of its own kind (a bilingual caption, a bilingual subhead), never with
// the text around it; a figure never pairs: a picture is the same in both languages.

import type { Lang } from "../config/languages.ts";
import { markdownKind, type ParagraphKind } from "./markdown.ts";

export type { Lang, ParagraphKind };

export interface Paragraph {
  /** Markdown source without the directive. */
  text: string;
  lang: Lang;
  /** 1-based line in the article file where the paragraph starts. */
  line: number;
  /** Set by the `{solo}` directive: never pair this paragraph. */
  solo: boolean;
  /** Body text; a photo caption or credit (the `{caption}` directive); a subhead (a `## `
   *  heading on one line); a figure (a paragraph that is only an image). */
  kind: ParagraphKind;
  /** True when a directive, not the script, chose the language. */
  langForced: boolean;
}

export type Block<P extends Paragraph = Paragraph> =
  | { kind: "pair"; en: P; zh: P }
  | { kind: "single"; paragraph: P };

export interface DirectiveProblem {
  line: number;
  col: number;
  message: string;
}

// URLs inside links and images are Latin but say nothing about the prose's language.
const MARKDOWN_TARGET = /\]\([^)]*\)/g;
const DIRECTIVE = /^\{([a-z][a-z ]*)\}[ \t\u3000]*/;
const DIRECTIVE_WORDS = new Set(["en", "zh", "solo", "caption"]);
// Blank means nothing but white space, including the full-width space editors paste from Word.
const BLANK_LINE = /^[\s\u3000]*$/;

function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK Unified Ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // Extension A
    (code >= 0xf900 && code <= 0xfaff) || // Compatibility Ideographs
    (code >= 0x20000 && code <= 0x323af) || // Extensions B-H
    code === 0x3007 // 〇
  );
}

function isLatinLetter(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x1e00 && code <= 0x1eff)
  );
}

export interface ScriptCounts {
  han: number;
  latinLetters: number;
  latinWords: number;
}

/** Han characters, Latin letters and Latin words, in one pass: this runs on every
 *  paragraph of every article, so it avoids regular expressions and allocations. */
export function scriptCounts(text: string): ScriptCounts {
  const counts = { han: 0, latinLetters: 0, latinWords: 0 };
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      code = text.codePointAt(i)!;
      i++;
    }
    const latin = isLatinLetter(code);
    if (latin) {
      counts.latinLetters++;
      if (!inWord) counts.latinWords++;
    } else if (isHan(code)) counts.han++;
    inWord = latin;
  }
  return counts;
}

/**
 * The share of Han characters among script units, where a unit is one Han character or one
 * Latin word (a Han character carries about as much as an English word). Null when the text
 * has neither, e.g. "2021" or an image without a caption.
 */
export function hanShare(text: string): number | null {
  const { han, latinWords } = scriptCounts(text.includes("](") ? text.replace(MARKDOWN_TARGET, "]") : text);
  return han + latinWords === 0 ? null : han / (han + latinWords);
}

/** The language a paragraph is written in, by script; null when the script says nothing. */
export function detectLanguage(text: string): Lang | null {
  const share = hanShare(text);
  if (share === null) return null;
  return share >= 0.5 ? "zh" : "en";
}

interface RawParagraph {
  text: string;
  line: number;
}

/** Splits a body into paragraphs at blank lines, remembering where each one starts. */
export function splitParagraphs(body: string, firstLine = 1): RawParagraph[] {
  const paragraphs: RawParagraph[] = [];
  let current: string[] = [];
  let start = firstLine;
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  lines.forEach((line, index) => {
    if (BLANK_LINE.test(line)) {
      if (current.length) paragraphs.push({ text: current.join("\n"), line: start });
      current = [];
    } else {
      if (!current.length) start = firstLine + index;
      // Full-width indentation is how the channel's editors start a paragraph; it is not
      // Markdown, and would otherwise turn into a code block or stray spaces.
      current.push(line.replace(/^[ \t\u3000]+/, "").trimEnd());
    }
  });
  if (current.length) paragraphs.push({ text: current.join("\n"), line: start });
  return paragraphs;
}

/** What the Markdown makes a paragraph; `{caption}` marks text as a caption (a picture or a
 *  heading stays what it is). */
function paragraphKind(text: string, captionDirective: boolean): ParagraphKind {
  const kind = markdownKind(text);
  return kind === "text" && captionDirective ? "caption" : kind;
}

/**
 * Reads a body into language-tagged paragraphs. A paragraph whose script says nothing
 * takes the language of the paragraph before it (English at the start).
 */
export function readParagraphs(
  body: string,
  firstLine = 1,
): { paragraphs: Paragraph[]; problems: DirectiveProblem[] } {
  const problems: DirectiveProblem[] = [];
  const paragraphs: Paragraph[] = [];
  for (const raw of splitParagraphs(body, firstLine)) {
    const directive = DIRECTIVE.exec(raw.text);
    const words = directive ? directive[1]!.split(/\s+/).filter(Boolean) : [];
    for (const word of words.filter((w) => !DIRECTIVE_WORDS.has(w))) {
      problems.push({
        line: raw.line,
        col: 1,
        message: `unknown paragraph directive "{${word}}": use {en}, {zh}, {solo} or {caption}`,
      });
    }
    const text = directive ? raw.text.slice(directive[0].length) : raw.text;
    if (text.trim() === "") continue;
    const forced = words.includes("zh") ? "zh" : words.includes("en") ? "en" : null;
    const lang = forced ?? detectLanguage(text) ?? paragraphs.at(-1)?.lang ?? "en";
    paragraphs.push({
      text,
      lang,
      line: raw.line,
      solo: words.includes("solo"),
      kind: paragraphKind(text, words.includes("caption")),
      langForced: forced !== null,
    });
  }
  return { paragraphs, problems };
}

function pairable(en: Paragraph, zh: Paragraph): boolean {
  return en.kind === zh.kind && en.kind !== "figure";
}

/** Pairs each English paragraph with the Chinese paragraph right after it: body with body,
 *  caption with caption, subhead with subhead; figures stand alone. */
export function pairParagraphs<P extends Paragraph>(paragraphs: readonly P[]): Block<P>[] {
  const blocks: Block<P>[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const current = paragraphs[i]!;
    const next = paragraphs[i + 1];
    if (current.lang === "en" && next?.lang === "zh" && !current.solo && !next.solo && pairable(current, next)) {
      blocks.push({ kind: "pair", en: current, zh: next });
      i++;
    } else {
      blocks.push({ kind: "single", paragraph: current });
    }
  }
  return blocks;
}

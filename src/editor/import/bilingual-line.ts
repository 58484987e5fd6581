// One line holding English and then its Chinese ("The best viewing time lasts until late April.
// 最佳观赏期将持续到四月下旬。"): where the English ends and the Chinese begins. A bracketed
// aside belongs to its line: "John Smith (航空经济专家)" is an English name with its title in
// Chinese, not a name and its translation.

import type { Lang } from "../../config/languages.ts";
import { detectLanguage, hanShare, scriptCounts } from "../../model/paragraphs.ts";

export interface BilingualLine {
  en: string;
  zh: string;
}

// Where Chinese text may start: a Han character, Chinese opening punctuation, or digits that
// run into Han (10月16日).
const CHINESE_START = /[\p{Script=Han}“《（【「『]|\d[\d.,]*(?=\p{Script=Han})/uy;
const ENGLISH_SENTENCE_END = /[.!?…"”’')]$/;
const CHINESE_SENTENCE_END = /[。！？!?…”」』）)]$/;

const OPENING = "(（[【〔《";
const CLOSING = ")）]】〕》";
/** Bracketed asides, innermost first: "(航空经济专家)", "（刘先生）", "《黄河》". */
const ASIDE = /[(（[【〔《][^()（）[\]【】〔〕《》]*[)）\]】〕》]/g;

/** The text without its bracketed asides. */
function withoutAsides(text: string): string {
  const rest = text.replace(ASIDE, " ");
  return rest === text ? text : withoutAsides(rest);
}

/** Whether the text is one bracketed aside and nothing else. */
const isAside = (text: string) => OPENING.includes(text[0]!) && withoutAsides(text).trim() === "";

/** The language of a line by the script of its own words, outside any bracketed aside (a name
 *  glossed in the other script keeps its line's language); null when the script says nothing. */
export function lineLanguage(text: string): Lang | null {
  return detectLanguage(withoutAsides(text)) ?? detectLanguage(text);
}

/** A label is a few words: "Wang Lei", "Stick to the post 坚守岗位". */
const LABEL_MAX = { words: 8, han: 16 };
const isShort = (text: string) => {
  const counts = scriptCounts(text);
  return counts.latinWords <= LABEL_MAX.words && counts.han <= LABEL_MAX.han;
};
const SENTENCE_END = /[.!?。！？…]$/;

/** A name or label glossed in the other script, on a line of its own ("Wang Lei (防汛工程师)",
 *  a speaker before their quote): in both languages already, it translates nothing and
 *  nothing translates it. */
export function isGlossedLabel(text: string): boolean {
  const own = withoutAsides(text).trim();
  const ownLang = detectLanguage(own);
  const asideLang = detectLanguage((text.match(ASIDE) ?? []).join(" "));
  return ownLang !== null && asideLang !== null && ownLang !== asideLang && !SENTENCE_END.test(own) && isShort(own);
}

/** For each place between two characters (before character i), whether it is inside a
 *  bracketed aside. Only brackets that close count: one left open ("(see chart", ":(") is no
 *  aside, and must not keep the rest of its line from being split. */
function insideAsides(text: string): boolean[] {
  const inside = new Array<boolean>(text.length + 1).fill(false);
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (OPENING.includes(text[i]!)) open.push(i);
    else if (CLOSING.includes(text[i]!) && open.length) inside.fill(true, open.pop()! + 1, i + 1);
  }
  return inside;
}

/** The English and Chinese halves of a line that holds both, English first; null for a line
 *  in one language (a Chinese name inside English, or English words inside Chinese, stay). */
export function splitBilingual(text: string): BilingualLine | null {
  const counts = scriptCounts(text);
  if (counts.han < 2 || counts.latinWords < 2) return null;
  const inside = insideAsides(text);
  for (let i = 1; i < text.length; i++) {
    const before = text[i - 1]!;
    // Never inside brackets: an aside belongs to the line around it.
    if (inside[i]) continue;
    CHINESE_START.lastIndex = i;
    if (!CHINESE_START.test(text) || /[\p{Script=Han}\d]/u.test(before)) continue;
    const en = text.slice(0, i).trim();
    const zh = text.slice(i).trim();
    if (isAside(zh)) continue;
    // English may name a Chinese name (Mr. Liu (刘先生)); Chinese may name a Latin one (CBD).
    if (scriptCounts(en).latinWords < 2 || (hanShare(withoutAsides(en)) ?? 0) > 0.35) continue;
    // The first start that leaves a Chinese rest is the split.
    if ((hanShare(zh) ?? 0) >= 0.75 && scriptCounts(zh).han >= 2) return { en, zh };
  }
  return null;
}

/** A bilingual line whose halves end like sentences is text; one whose halves end like
 *  labels is a heading or a caption. */
export function isSentencePair(line: BilingualLine): boolean {
  return ENGLISH_SENTENCE_END.test(line.en) || CHINESE_SENTENCE_END.test(line.zh);
}

const CLAUSE_END = /[,，:：;；、]$/;

/** Whether the halves are shaped like a section heading: short, and ending like a label, not
 *  a sentence or a clause. (Whether it heads text is for the lines after it to say.) */
export function isHeadingShaped(line: BilingualLine): boolean {
  return !isSentencePair(line) && !CLAUSE_END.test(line.en) && !CLAUSE_END.test(line.zh) && isShort(line.en) && isShort(line.zh);
}

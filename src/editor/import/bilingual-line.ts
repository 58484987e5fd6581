// One line holding English and then its Chinese ("The best viewing time lasts until late April.
// 最佳观赏期将持续到四月下旬。"): where the English ends and the Chinese begins.

import { hanShare, scriptCounts } from "../../model/paragraphs.ts";

export interface BilingualLine {
  en: string;
  zh: string;
}

// Where Chinese text may start: a Han character, Chinese opening punctuation, or digits that
// run into Han (10月16日).
const CHINESE_START = /[\p{Script=Han}“《（【「『]|\d[\d.,]*(?=\p{Script=Han})/uy;
const ENGLISH_SENTENCE_END = /[.!?…"”’')]$/;
const CHINESE_SENTENCE_END = /[。！？!?…”」』）)]$/;

/** The English and Chinese halves of a line that holds both, English first; null for a line
 *  in one language (a Chinese name inside English, or English words inside Chinese, stay). */
export function splitBilingual(text: string): BilingualLine | null {
  const counts = scriptCounts(text);
  if (counts.han < 2 || counts.latinWords < 2) return null;
  for (let i = 1; i < text.length; i++) {
    CHINESE_START.lastIndex = i;
    if (!CHINESE_START.test(text) || /[\p{Script=Han}\d]/u.test(text[i - 1]!)) continue;
    const en = text.slice(0, i).trim();
    const zh = text.slice(i).trim();
    // English may name a Chinese name (Mr. Liu (刘先生)); Chinese may name a Latin one (CBD).
    if (scriptCounts(en).latinWords < 2 || (hanShare(en) ?? 0) > 0.35) continue;
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

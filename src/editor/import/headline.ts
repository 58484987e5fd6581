// The headline line of a dump: "Kicker丨标题", "Kicker 丨标题", "Kicker 标题" (no bar), an
// English-only or Chinese-only headline, or "English title 中文标题" on one line.

import { detectLanguage } from "../../model/paragraphs.ts";
import { splitBilingual } from "./bilingual-line.ts";

export interface Headline {
  kicker?: string;
  title: { en?: string; zh?: string };
  /** The kicker was told from the line's form, not found among the known ones. */
  guessedKicker: boolean;
}

const BAR = /\s*[丨|｜]\s*/;
// A kicker is a label of a few words ("What stands for Zhengzhou"); an English title says
// more. A shorter English part before a Chinese title is taken as a kicker, with a warning.
const TITLE_WORDS = 5;
const HEADLINE_START = /^\s*[\p{Script=Han}\d“《]/u;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** A title in the languages it holds; a one-line "English 中文" title of some words is both. */
function titleOf(text: string): Headline["title"] {
  const both = splitBilingual(text);
  if (both && words(both.en) >= TITLE_WORDS) return both;
  return detectLanguage(text) === "zh" ? { zh: text } : { en: text };
}

/** Splits a headline line; `kickers` are those known to the site and seen on the page. */
export function splitHeadline(line: string, kickers: readonly string[]): Headline {
  const text = line.replace(/^[丨|｜]\s*/, "");
  const bar = BAR.exec(text);
  if (bar) {
    const kicker = text.slice(0, bar.index);
    return { kicker, title: titleOf(text.slice(bar.index + bar[0].length)), guessedKicker: false };
  }
  // A known kicker is one only before a Chinese headline: "Zhengzhou International Airport
  // opens a route" is an English headline.
  const lower = text.toLowerCase();
  const known = kickers.find((k) => lower.startsWith(`${k.toLowerCase()}`) && HEADLINE_START.test(text.slice(k.length)));
  if (known) return { kicker: text.slice(0, known.length), title: titleOf(text.slice(known.length).trim()), guessedKicker: false };
  const both = splitBilingual(text);
  if (both && words(both.en) < TITLE_WORDS) return { kicker: both.en, title: { zh: both.zh }, guessedKicker: true };
  return { title: titleOf(text), guessedKicker: false };
}

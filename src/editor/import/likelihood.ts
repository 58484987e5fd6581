// How likely a Chinese paragraph translates an English one, from what a translation keeps:
// its length (Latin letters per Han character, as in Gale and Church's aligner), its numbers,
// its Latin names, its quotation. Pure, so the aligner can weigh many candidate pairings.
//
// The score is a log-likelihood ratio: above 0 the pair looks like a translation, below 0 like
// two unrelated paragraphs; a faithful translation of a long paragraph scores 2 to 8.

import { scriptCounts } from "../../model/paragraphs.ts";
import { chineseNumbers, englishNumbers, matchedMentions } from "./numbers.ts";

// Measured on this project's own paired paragraphs: letters per Han character average 3.1, and
// the log of the ratio spreads by 0.16. The spread allowed is wider, for looser translations.
const LOG_LETTERS_PER_HAN = Math.log(3.1);
const LOG_RATIO_SPREAD = 0.4;
/** Short texts vary more: a few characters of wording shift the ratio a lot. */
const SHORT_TEXT_VARIANCE = 2;

const LATIN_NAME = /[A-Za-z][A-Za-z0-9]*(?:[-.&+][A-Za-z0-9]+)*|\d+[A-Za-z]+\b/g;
const HAN_RUN = /\p{Script=Han}{2,}/gu;
const QUOTE = /["“”「」『』]/;

export interface TranslationEvidence {
  score: number;
  /** Numbers both mention, and numbers only one of them does. */
  sharedNumbers: number;
  unmatchedNumbers: number;
}

/** The length term: highest when the ratio is the usual one, falling with the square of the
 *  distance, as a normal distribution's log density does. */
function lengthScore(letters: number, han: number): number {
  if (letters === 0 || han === 0) return -12;
  const variance = LOG_RATIO_SPREAD ** 2 + SHORT_TEXT_VARIANCE / (han + letters / 3);
  const z = (Math.log(letters / han) - LOG_LETTERS_PER_HAN) / Math.sqrt(variance);
  return Math.max(-12, 1.5 - (z * z) / 2);
}

/** Shared items count for, items only one side has count against, both within limits. */
function overlapScore(shared: number, unmatched: number, per: number, against: number, cap: number): number {
  return Math.min(cap, shared * per) - Math.min(cap, unmatched * against);
}

export function translationEvidence(en: string, zh: string): TranslationEvidence {
  const letters = scriptCounts(en).latinLetters;
  const han = scriptCounts(zh).han;
  let score = lengthScore(letters, han);

  const enNumbers = englishNumbers(en);
  const zhNumbers = chineseNumbers(zh);
  // Counted from both sides: two English "8"s do not both match one Chinese 8.
  const matchedEn = matchedMentions(enNumbers, zhNumbers);
  const matchedZh = matchedMentions(zhNumbers, enNumbers);
  const sharedNumbers = Math.min(matchedEn, matchedZh);
  const unmatchedNumbers = enNumbers.length - matchedEn + zhNumbers.length - matchedZh;
  score += overlapScore(sharedNumbers, unmatchedNumbers, 1.5, 0.6, 4.5);

  // Latin names a Chinese text keeps (CBD, APEC, 5G) and Chinese names an English one keeps.
  const enLower = en.toLowerCase();
  const names = [...zh.matchAll(LATIN_NAME)].map((m) => m[0].toLowerCase());
  const hanNames = [...en.matchAll(HAN_RUN)].map((m) => m[0]);
  const keptNames = names.filter((n) => enLower.includes(n)).length + hanNames.filter((n) => zh.includes(n)).length;
  score += overlapScore(keptNames, names.length + hanNames.length - keptNames, 1.5, 1, 3);

  // A quotation is translated as a quotation.
  if (QUOTE.test(en) !== QUOTE.test(zh)) score -= 1;
  else if (QUOTE.test(en)) score += 0.5;

  return { score, sharedNumbers, unmatchedNumbers };
}

/** The score alone: how likely `zh` translates `en` (log-likelihood ratio). */
export function translationScore(en: string, zh: string): number {
  return translationEvidence(en, zh).score;
}

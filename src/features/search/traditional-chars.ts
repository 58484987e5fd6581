// The characters opencc's traditional-to-simplified conversion (the t→cn preset the search
// page loads) may change, as a table small enough to load for every Chinese query: a reader
// who types simplified Chinese, as most do, then never downloads the converter, twenty
// times the table's size.
// assets/search-query.js (traditionalTest) reads the table.

import TSCharacters from "opencc-js/dict/TSCharacters";
import TSPhrases from "opencc-js/dict/TSPhrases";

export interface TraditionalTable {
  /** The code point of the bitmap's first bit. */
  first: number;
  /** Base64 bitmap: bit i (least significant first) set when code point first + i may change. */
  bits: string;
  /** Characters outside the bitmap that may change. */
  others: string;
}

/** opencc-js's t→cn conversion: its phrases, then its characters (opencc-js preset t2cn). */
const T2CN_DICTIONARIES = [TSPhrases, TSCharacters];

// CJK Extension A and the Unified Ideographs: all but a few dozen of the characters.
const FIRST = 0x3400;
const LAST = 0x9fff;

/** Every character that a "source replacement" entry replaces with another. */
export function changedCharacters(dictionaries: readonly string[]): Set<string> {
  const changed = new Set<string>();
  for (const entry of dictionaries.flatMap((d) => d.split("|"))) {
    const [source = "", replacement = ""] = entry.split(" ");
    const from = [...source];
    const to = [...replacement];
    // A phrase of another length may change any of its characters.
    from.forEach((char, i) => (from.length !== to.length || char !== to[i]) && changed.add(char));
  }
  return changed;
}

let table: TraditionalTable | undefined;

/** The table, made once per process: Eleventy asks for it on every render, and the preview
 *  renders on every save. */
export function traditionalTable(): TraditionalTable {
  return (table ??= tableOf(changedCharacters(T2CN_DICTIONARIES)));
}

function tableOf(changed: Set<string>): TraditionalTable {
  const bitmap = new Uint8Array(Math.ceil((LAST - FIRST + 1) / 8));
  let others = "";
  for (const char of [...changed].sort()) {
    const i = char.codePointAt(0)! - FIRST;
    if (i >= 0 && i <= LAST - FIRST) bitmap[i >> 3]! |= 1 << (i & 7);
    else others += char;
  }
  return { first: FIRST, bits: Buffer.from(bitmap).toString("base64"), others };
}

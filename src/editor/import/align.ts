// Which Chinese paragraph translates which English one. The dump gives the paragraphs in
// order, English before its Chinese; the script says each one's language. Where that leaves a
// choice (EN EN ZH ZH, two English lines sharing one Chinese paragraph, a Chinese paragraph
// whose English is missing), a small dynamic-programming alignment in the manner of Gale and
// Church weighs the possible pairings by how likely each pair is a translation, keeping each
// language in its own order. Captions never take part; they keep their place around the pairs.

import type { Lang } from "../../config/languages.ts";
import { translationScore } from "./likelihood.ts";

/** A line of the body, as the aligner sees it. */
export type BodyItem =
  | { kind: "text"; lang: Lang | null; text: string; line: number; group: number }
  /** English and its Chinese on one line: a pair already. */
  | { kind: "pair"; en: string; zh: string; line: number }
  | { kind: "caption"; en?: string; zh?: string; describes: boolean; line: number };

export type ImportedBlock =
  | { kind: "pair"; en: string[]; zh: string[] }
  /** A paragraph that stands alone; `lang` null when its script says nothing ("2021"). */
  | { kind: "single"; lang: Lang | null; text: string }
  | { kind: "caption"; en?: string; zh?: string };

export interface Unsure {
  /** First and last dump line of the stretch the aligner was unsure about. */
  lines: [number, number];
  english: number;
  chinese: number;
}

type Text = Extract<BodyItem, { kind: "text" }>;

// Costs, in the units of translationScore (a log-likelihood ratio). A paragraph left alone
// costs LONE, so two adjacent paragraphs pair unless their score is below -2 * LONE: the
// position is strong evidence. A pair costs DISTANCE for each paragraph between its English
// and its Chinese, up to FAR: a translation follows its English unless something pushed it
// away, and past a few paragraphs (a page of all English, then all Chinese) distance says
// nothing more.
// Merging two lines under one translation costs MERGE, less when the dump kept them in one
// paragraph (no blank line between them). Tuned on runs made from the sample archive.
const LONE = 1.5;
const DISTANCE = 0.75;
const FAR = 2;
const MERGE = 1.5;
const MERGE_THREE = 3.5;
const SAME_PARAGRAPH_BONUS = 1.5;
/** Below this margin between the best pairing and the next best, the importer warns. */
export const UNSURE_MARGIN = 1.5;

interface Link {
  en: number;
  zh: number;
}
const LINKS: readonly Link[] = [
  { en: 1, zh: 1 },
  { en: 1, zh: 0 },
  { en: 0, zh: 1 },
  { en: 2, zh: 1 },
  { en: 1, zh: 2 },
  { en: 3, zh: 1 },
];

interface Entry {
  cost: number;
  link?: Link;
  from?: Entry;
}

/**
 * Aligns one run of English paragraphs followed by Chinese ones: the pairings in order, and
 * how much worse the next best pairing would be.
 */
export function alignRun(
  en: readonly Text[],
  zh: readonly Text[],
  sameParagraph: (a: Text, b: Text) => boolean = () => false,
): { links: Array<{ en: Text[]; zh: Text[] }>; margin: number } {
  const scores = new Map<string, number>();
  const linkCost = (i: number, j: number, link: Link): number => {
    if (link.en === 0 || link.zh === 0) return LONE;
    const ens = en.slice(i, i + link.en);
    const zhs = zh.slice(j, j + link.zh);
    const key = `${i},${j},${link.en},${link.zh}`;
    if (!scores.has(key)) {
      scores.set(key, translationScore(ens.map((p) => p.text).join(" "), zhs.map((p) => p.text).join("")));
    }
    // The run is all its English, then all its Chinese.
    const between = en.length - (i + link.en) + j;
    const cost = -scores.get(key)! + DISTANCE * Math.min(between, FAR);
    const merged = link.en + link.zh - 2;
    if (merged === 0) return cost;
    const lines = link.en > 1 ? ens : zhs;
    const together = lines.every((p, k) => k === 0 || sameParagraph(lines[k - 1]!, p));
    return cost + (merged === 1 ? MERGE : MERGE_THREE) - (together ? SAME_PARAGRAPH_BONUS : 0);
  };

  // cells[i][j]: the two cheapest ways to align the first i English and j Chinese paragraphs.
  const cells: Entry[][][] = Array.from({ length: en.length + 1 }, () => Array.from({ length: zh.length + 1 }, () => []));
  cells[0]![0] = [{ cost: 0 }];
  for (let i = 0; i <= en.length; i++) {
    for (let j = 0; j <= zh.length; j++) {
      const candidates: Entry[] = [];
      for (const link of LINKS) {
        const pi = i - link.en;
        const pj = j - link.zh;
        if (pi < 0 || pj < 0) continue;
        for (const from of cells[pi]![pj]!) {
          // A lone English paragraph and a lone Chinese one can come in either order; count
          // them once (English first), or the two orders would look like a close call.
          if (link.en === 1 && link.zh === 0 && from.link?.en === 0 && from.link.zh === 1) continue;
          candidates.push({ cost: from.cost + linkCost(pi, pj, link), link, from });
        }
      }
      if (i + j > 0) cells[i]![j] = candidates.sort((a, b) => a.cost - b.cost).slice(0, 2);
    }
  }
  const [best, next] = cells[en.length]![zh.length]!;
  const links: Array<{ en: Text[]; zh: Text[] }> = [];
  let i = en.length;
  let j = zh.length;
  for (let entry: Entry | undefined = best; entry?.link; entry = entry.from) {
    i -= entry.link.en;
    j -= entry.link.zh;
    links.unshift({ en: en.slice(i, i + entry.link.en), zh: zh.slice(j, j + entry.link.zh) });
  }
  return { links, margin: next ? next.cost - best!.cost : Infinity };
}

/** Runs of English paragraphs followed by Chinese ones; a line pair or a paragraph whose
 *  script says nothing stands in a run of its own. */
function runs(items: readonly (Text | Extract<BodyItem, { kind: "pair" }>)[]): Array<typeof items[number][]> {
  const found: Array<typeof items[number][]> = [];
  let current: typeof items[number][] = [];
  const close = () => {
    if (current.length) found.push(current);
    current = [];
  };
  for (const item of items) {
    if (item.kind === "pair" || item.lang === null) {
      close();
      found.push([item]);
      continue;
    }
    const last = current.at(-1);
    if (item.lang === "en" && last?.kind === "text" && last.lang === "zh") close();
    current.push(item);
  }
  close();
  return found;
}

/**
 * The body as blocks in reading order: pairs, paragraphs that stand alone, captions. Each
 * language keeps its own order; a caption keeps its place among the body paragraphs, except
 * that it never splits a pair (it follows the pair it stood inside).
 */
export function alignBody(
  items: readonly BodyItem[],
  sameParagraph?: (a: Text, b: Text) => boolean,
): { blocks: ImportedBlock[]; unsure: Unsure[] } {
  const body = items.filter((item) => item.kind !== "caption");
  const position = new Map(body.map((item, index) => [item, index]));
  const captions = pairCaptions(items);

  const aligned: Array<{ block: ImportedBlock; at: number }> = [];
  const unsure: Unsure[] = [];
  for (const run of runs(body)) {
    const first = run[0]!;
    if (first.kind === "pair") {
      aligned.push({ block: { kind: "pair", en: [first.en], zh: [first.zh] }, at: position.get(first)! });
      continue;
    }
    const texts = run as Text[];
    // A paragraph whose script says nothing stands in a run of its own, on the English side.
    const { links, margin } = alignRun(texts.filter((t) => t.lang !== "zh"), texts.filter((t) => t.lang === "zh"), sameParagraph);
    if (margin < UNSURE_MARGIN) {
      unsure.push({
        lines: [first.line, texts.at(-1)!.line],
        english: texts.filter((t) => t.lang === "en").length,
        chinese: texts.filter((t) => t.lang === "zh").length,
      });
    }
    for (const link of links) {
      const at = Math.min(...[...link.en, ...link.zh].map((t) => position.get(t)!));
      const lone = link.en[0] ?? link.zh[0]!;
      aligned.push({
        block: link.en.length && link.zh.length
          ? { kind: "pair", en: link.en.map((t) => t.text), zh: link.zh.map((t) => t.text) }
          : { kind: "single", lang: lone.lang, text: lone.text },
        at,
      });
    }
  }

  const blocks: ImportedBlock[] = [];
  let next = 0;
  for (const { block, at } of aligned) {
    while (next < captions.length && captions[next]!.after <= at) blocks.push(captions[next++]!.block);
    blocks.push(block);
  }
  blocks.push(...captions.slice(next).map((c) => c.block));
  return { blocks, unsure };
}

/** Captions with the number of body paragraphs before them; an English caption that
 *  describes a photo followed by a Chinese one that translates it become one bilingual caption. */
function pairCaptions(items: readonly BodyItem[]): Array<{ block: ImportedBlock; after: number }> {
  const captions: Array<{ block: ImportedBlock; after: number }> = [];
  let bodyBefore = 0;
  items.forEach((item, index) => {
    if (item.kind !== "caption") {
      bodyBefore++;
      return;
    }
    const previous = items[index - 1];
    const last = captions.at(-1);
    if (
      previous?.kind === "caption" && previous.describes && item.describes && last &&
      previous.en && !previous.zh && item.zh && !item.en && translationScore(previous.en, item.zh) > 0
    ) {
      last.block = { kind: "caption", en: previous.en, zh: item.zh };
      return;
    }
    captions.push({ block: { kind: "caption", en: item.en, zh: item.zh }, after: bodyBefore });
  });
  return captions;
}

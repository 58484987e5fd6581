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
  /** `alone`: a line that pairs with nothing (a name glossed in the other script). */
  | { kind: "text"; lang: Lang | null; text: string; line: number; group: number; alone?: boolean }
  /** English and its Chinese on one line: a pair already. */
  | { kind: "pair"; en: string; zh: string; line: number }
  /** A section heading in both languages: a pair already, and a border no pairing crosses. */
  | { kind: "subhead"; en: string; zh: string; line: number }
  | { kind: "caption"; en?: string; zh?: string; describes: boolean; line: number };

export type ImportedBlock =
  | { kind: "pair"; en: string[]; zh: string[] }
  | { kind: "subhead"; en: string; zh: string }
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
const UNSURE_MARGIN = 1.5;

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

type LinkCost = (i: number, j: number, link: Link) => number;

/** What linking the English paragraphs from `i` with the Chinese ones from `j` costs. */
function linkCosts(en: readonly Text[], zh: readonly Text[], sameParagraph: (a: Text, b: Text) => boolean): LinkCost {
  const scores = new Map<string, number>();
  return (i, j, link) => {
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
}

const isLoneChinese = (link: Link) => link.en === 0 && link.zh === 1;
const isLoneEnglish = (link: Link) => link.en === 1 && link.zh === 0;

/**
 * Aligns one run of English paragraphs followed by Chinese ones: the pairings in order, how
 * much worse the next best pairing would be, and by link whether the choice there was close
 * (an alignment within UNSURE_MARGIN of the best pairs its paragraphs otherwise).
 *
 * A state is how many English and Chinese paragraphs are aligned so far, and whether the
 * last link left a Chinese paragraph alone: a lone English paragraph may not follow that
 * (the two can come in either order; counting both orders would make every pair of lone
 * paragraphs look like a close call). The cheapest way into every state and out of it to
 * the end give, for each state, the cheapest alignment through it: the next best alignment
 * passes through some state the best does not, and where that alignment is close, it shows
 * which of the best's links it changes.
 */
export function alignRun(
  en: readonly Text[],
  zh: readonly Text[],
  sameParagraph: (a: Text, b: Text) => boolean = () => false,
): { links: Array<{ en: Text[]; zh: Text[] }>; margin: number; unsure: boolean[] } {
  const linkCost = linkCosts(en, zh, sameParagraph);
  const columns = zh.length + 1;
  const state = (i: number, j: number, lone: number) => (i * columns + j) * 2 + lone;
  const size = (en.length + 1) * columns * 2;
  const into = { cost: new Float64Array(size).fill(Infinity), from: new Int32Array(size).fill(-1), link: new Int8Array(size) };
  const out = { cost: new Float64Array(size).fill(Infinity), to: new Int32Array(size).fill(-1), link: new Int8Array(size) };
  const moves = (i: number, j: number, lone: number) =>
    LINKS.flatMap((link, k) =>
      (lone && isLoneEnglish(link)) || i + link.en > en.length || j + link.zh > zh.length
        ? []
        : [{ k, link, next: state(i + link.en, j + link.zh, isLoneChinese(link) ? 1 : 0) }],
    );

  into.cost[state(0, 0, 0)] = 0;
  for (let i = 0; i <= en.length; i++) {
    for (let j = 0; j <= zh.length; j++) {
      for (const lone of [0, 1]) {
        const s = state(i, j, lone);
        if (into.cost[s] === Infinity) continue;
        for (const { k, link, next } of moves(i, j, lone)) {
          const cost = into.cost[s]! + linkCost(i, j, link);
          if (cost < into.cost[next]!) [into.cost[next], into.from[next], into.link[next]] = [cost, s, k];
        }
      }
    }
  }
  out.cost[state(en.length, zh.length, 0)] = out.cost[state(en.length, zh.length, 1)] = 0;
  for (let i = en.length; i >= 0; i--) {
    for (let j = zh.length; j >= 0; j--) {
      for (const lone of [0, 1]) {
        const s = state(i, j, lone);
        for (const { k, link, next } of moves(i, j, lone)) {
          const cost = linkCost(i, j, link) + out.cost[next]!;
          if (cost < out.cost[s]!) [out.cost[s], out.to[s], out.link[s]] = [cost, next, k];
        }
      }
    }
  }

  /** The cheapest alignment through state `s`: its links as "from-state:link" keys, and the
   *  states it passes. */
  const through = (s: number): { keys: string[]; states: number[] } => {
    const keys: string[] = [];
    const states = [s];
    for (let t = s; into.from[t]! >= 0; t = into.from[t]!) {
      keys.unshift(`${into.from[t]}:${into.link[t]}`);
      states.push(into.from[t]!);
    }
    for (let t = s; out.to[t]! >= 0; t = out.to[t]!) {
      keys.push(`${t}:${out.link[t]}`);
      states.push(out.to[t]!);
    }
    return { keys, states };
  };
  const best = out.cost[state(0, 0, 0)]!;
  const { keys: bestKeys, states: bestStates } = through(state(0, 0, 0));
  const onBest = new Set(bestStates);
  let margin = Infinity;
  const doubted = new Set<string>();
  for (let s = 0; s < size; s++) {
    const total = into.cost[s]! + out.cost[s]!;
    if (total === Infinity) continue;
    // The cheapest alignment through a state the best does not pass differs from it.
    if (!onBest.has(s)) margin = Math.min(margin, total - best);
    if (total - best >= UNSURE_MARGIN) continue;
    const other = new Set(through(s).keys);
    const changed = bestKeys.filter((key) => !other.has(key));
    if (changed.length) margin = Math.min(margin, total - best);
    for (const key of changed) doubted.add(key);
  }

  let i = 0;
  let j = 0;
  const links = bestKeys.map((key) => {
    const link = LINKS[Number(key.split(":")[1])]!;
    const aligned = { en: en.slice(i, i + link.en), zh: zh.slice(j, j + link.zh) };
    [i, j] = [i + link.en, j + link.zh];
    return aligned;
  });
  return { links, margin, unsure: bestKeys.map((key) => doubted.has(key)) };
}

type Whole = Extract<BodyItem, { kind: "pair" | "subhead" }>;

/** Runs of English paragraphs followed by Chinese ones; a line pair, a subhead, a line that
 *  pairs with nothing or a paragraph whose script says nothing stands in a run of its own. */
function runs(items: readonly (Text | Whole)[]): Array<typeof items[number][]> {
  const found: Array<typeof items[number][]> = [];
  let current: typeof items[number][] = [];
  const close = () => {
    if (current.length) found.push(current);
    current = [];
  };
  for (const item of items) {
    if (item.kind !== "text" || item.lang === null || item.alone) {
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
 * The body as blocks in reading order: pairs, subheads, paragraphs that stand alone, captions.
 * Each language keeps its own order; a caption keeps its place among the body paragraphs,
 * except that it never splits a pair (it follows the pair it stood inside).
 */
export function alignBody(
  items: readonly BodyItem[],
  sameParagraph?: (a: Text, b: Text) => boolean,
): { blocks: ImportedBlock[]; unsure: Unsure[] } {
  const body = items.filter((item): item is Text | Whole => item.kind !== "caption");
  const position = new Map(body.map((item, index) => [item, index]));
  const captions = pairCaptions(items);

  const aligned: Array<{ block: ImportedBlock; at: number }> = [];
  const unsure: Unsure[] = [];
  for (const run of runs(body)) {
    const first = run[0]!;
    if (first.kind !== "text") {
      const block: ImportedBlock = first.kind === "pair" ? { kind: "pair", en: [first.en], zh: [first.zh] } : { kind: "subhead", en: first.en, zh: first.zh };
      aligned.push({ block, at: position.get(first)! });
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

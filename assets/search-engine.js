// The site's search as the search worker (search-worker.js) and the tests run it: which
// indexes a query opens, and a check of each query word before Pagefind answers.
//
// Pagefind 1.6 answers on a "best effort" (upstream issues #329, #793, #780): a query word
// that no indexed word begins with is left out of the search without a word, or answered by
// the longest indexed word it begins with ("xuejing" by "xue", "雪景" by 雪). So each term is
// first looked up alone in every index part it may be in, and holds there when the part
// has it (its stem, for English: "donated" holds where "donation" is) or a word that begins
// with it (a reader may still be typing: "hospi" holds where "hospital" is). A term that
// holds nowhere is left out of the search, and the answer says which words found nothing.
// A part is searched only for terms that all hold in it, so Pagefind never fills a gap.
//
// An index part is a tier of one language's index: the archive, and the recent tier the build
// writes beside it until the two are merged again (src/features/search/tiers.ts). Archive
// records that a newer one replaces are masked. Each language's tiers share one Pagefind
// instance, each tier marked by a filter of its own (`mergeFilter`), so one search can ask for
// the tiers whose terms all hold.

import { stem } from "porter2";
import { fold, indexesFor, indexesOf, isPhrase, queryWords, retryable, segmentChinese } from "./search-query.js";

/** Pagefind searches every metadata field too. Ours are there to be shown (dates, column
 *  keys...), so only each index's own headline counts; without this, a column name found
 *  every article in the column. Field names: src/features/search/records.ts. */
const DISPLAY_ONLY = { title_en: 0, title_zh: 0, kicker: 0, kicker_lang: 0, column_key: 0, date: 0, lang: 0 };
const META_WEIGHTS = {
  en: { ...DISPLAY_ONLY, title_en: 5 },
  zh: { ...DISPLAY_ONLY, title_zh: 5 },
};

/** The filter that tells the tiers of a tiered index apart. */
const TIER = "tier";

/**
 * Pagefind's script keeps the first WebAssembly module it loads for every index opened after
 * it, whichever build the next index names. So every index gets the English build, whose
 * stemmer English needs (Chinese needs none), from one address, downloaded once: a reader
 * whose first query is Chinese keeps finding "donation" by "donated" afterwards.
 */
export function withOneWasm(fetch, wasmUrl) {
  return (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    return fetch(/\/wasm\.[\w-]+\.pagefind$/.test(url) ? wasmUrl : input, init);
  };
}

/** Whether a word of a hit's text is the term, a longer word it begins, or a word holding it
 *  (Pagefind indexes the parts of "e-mail" and of Chinese compounds: 山 in 嵩山). English
 *  words are compared by their stems, as Pagefind stems both (Snowball's English, which
 *  porter2 implements): "served" begins "service", both "serv…". A shorter word the term
 *  begins with, Pagefind's best effort, is none of these. */
function wordHolds(word, term, lang) {
  const folded = fold(word);
  const wanted = fold(term);
  if (folded.includes(wanted)) return true;
  if (lang !== "en") return false;
  const stemmed = stem(wanted);
  return folded.split(/[^\p{L}\p{N}]+/u).some((part) => stem(part).startsWith(stemmed));
}

/** The words a hit matched, as Pagefind counts words in its text. The hit's own word
 *  positions, not the fragment's: Pagefind shares one fragment object between searches. */
async function matchedWords(hit) {
  const { raw_content: text } = await hit.data();
  const words = text.includes("\u200b") ? text.split("\u200b") : text.split(/[\r\n\s]+/);
  return hit.words.map((at) => words[at] ?? "");
}

/**
 * The site's search. `loadPagefind()` loads pagefind.js; `loadTiers()` the tiers file the
 * build writes: `{ recent: [langs with a recent tier], masked: { en: [ids], zh: [ids] } }`.
 * `bundles[lang]` is each language's archive (or only) index, `recent[lang]` its recent tier.
 *
 * Answers `{ hits, langs, onePerArticle, missing, searched }` for a query: the hits, best first;
 * the languages an article must match in (both for a query with words of both scripts, none
 * when either will do); whether each article is at most one hit; the words of the query that
 * found nothing (as typed) and the query searched instead (when some did).
 */
export function searchEngine(loadPagefind, { baseUrl, bundles, recent, loadTiers }) {
  const settings = (lang) => ({ baseUrl, excerptLength: 30, ranking: { metaWeights: META_WEIGHTS[lang] } });

  // One index opens at a time: two WebAssembly loads at once would leave one index pointing
  // into the memory of a module Pagefind has replaced.
  let opening = Promise.resolve();
  const open = async (lang) => {
    const [pagefind, tiers] = await Promise.all([loadPagefind(), loadTiers()]);
    const tiered = tiers.recent.includes(lang);
    const mark = (tier) => (tiered ? { mergeFilter: { [TIER]: tier } } : {});
    // noWorker: Pagefind's own web worker would be a second copy of its code to download;
    // this already runs in a worker.
    const instance = pagefind.createInstance({ basePath: bundles[lang], noWorker: true, ...settings(lang), ...mark("archive") });
    if (tiered) await instance.mergeIndex(recent[lang], { ...settings(lang), ...mark("recent") });
    else await instance.search(""); // returns once the index and the WebAssembly are loaded
    return { instance, tiers: tiered ? ["archive", "recent"] : ["archive"], masked: new Set(tiers.masked[lang]) };
  };
  const indexes = Object.fromEntries(
    Object.keys(bundles).map((lang) => [
      lang,
      retryable(() => {
        const opened = opening.then(() => open(lang));
        opening = opened.catch(() => {});
        return opened;
      }),
    ]),
  );

  /** Hits of `query` in the given tiers of an index: those that matched text (display
   *  fields score 0) and that no newer record replaces, each record once (an article whose
   *  text did not change is the same record, by the same id, in both tiers). */
  const hitsIn = async (index, query, tiers) => {
    const filters = tiers.length < index.tiers.length ? { [TIER]: tiers.length === 1 ? tiers[0] : { any: tiers } } : {};
    const { results } = await index.instance.search(query, { filters });
    return onceEach(results.filter((hit) => hit.score > 0 && !index.masked.has(hit.id)));
  };

  /** Hits of an exact phrase, or of a word (its stem) itself, in one tier: never of a longer
   *  word it begins. */
  const exactHits = new Map();
  const exactIn = (lang, index, tier, words) => {
    const key = `${lang}\t${tier}\t${words}`;
    if (!exactHits.has(key)) exactHits.set(key, forgetFailure(exactHits, key, hitsIn(index, `"${words}"`, [tier])));
    return exactHits.get(key);
  };

  /** Whether a term holds in one tier of an index, and its hits there. */
  const lookUp = async (lang, index, tier, term) => {
    const hits = await hitsIn(index, term, [tier]);
    if (!hits.length) return { holds: false, hits };
    // The index has the term's stem: "donated" holds where only "donation" is.
    if ((await exactIn(lang, index, tier, term)).length) return { holds: true, hits };
    // Else Pagefind answered with words that begin with it, or with a shorter word it begins
    // with; a matched word of the best hit tells which.
    return { holds: (await matchedWords(hits[0])).some((word) => wordHolds(word, term, lang)), hits };
  };
  const lookUps = new Map();
  const lookUpOnce = (lang, index, tier, term) => {
    const key = `${lang}\t${tier}\t${term}`;
    if (!lookUps.has(key)) lookUps.set(key, forgetFailure(lookUps, key, lookUp(lang, index, tier, term)));
    return lookUps.get(key);
  };

  /**
   * A Chinese word split into words the Chinese index has whole, longest first, as Pagefind's
   * segmenter may have split the same text in an article: the browser's segmenter splits
   * 城下之城 into 城 and 下之城, Pagefind's into 城下, 之 and 城. None when a character
   * starts no such word.
   */
  const resegment = async (index, word) => {
    const chars = [...word];
    const pieces = [];
    for (let at = 0; at < chars.length; ) {
      let end = chars.length;
      for (; end > at; end--) {
        const piece = chars.slice(at, end).join("");
        const found = await Promise.all(index.tiers.map((tier) => exactIn("zh", index, tier, piece)));
        if (found.some((hits) => hits.length)) break;
      }
      if (end === at) return undefined;
      pieces.push(chars.slice(at, end).join(""));
      at = end;
    }
    return pieces;
  };

  const byScore = (hits) => hits.sort((a, b) => b.score - a.score);

  /** A phrase is looked up word for word, never by a prefix: Pagefind's answer stands. */
  const searchPhrase = async (query) => {
    const langs = indexesFor(query);
    const hits = await Promise.all(
      langs.map(async (lang) => {
        const index = await indexes[lang]();
        return hitsIn(index, lang === "zh" ? segmentChinese(query) : query, index.tiers);
      }),
    );
    return { hits: byScore(hits.flat()), langs: langs.length === 1 ? langs : [], onePerArticle: langs.length === 1, missing: "", searched: query };
  };

  return async (query) => {
    if (isPhrase(query)) return searchPhrase(query);
    const langsOf = (term) => indexesOf(term, query);
    const words = queryWords(query);
    const langs = [...new Set(words.flatMap((w) => w.terms.flatMap(langsOf)))];
    const opened = Object.fromEntries(await Promise.all(langs.map(async (lang) => [lang, await indexes[lang]()])));

    // Where each term holds: term -> its lookups, one per tier of each index it may be in.
    const found = new Map();
    const lookUpAll = (terms) =>
      Promise.all(
        terms.map(async (term) => {
          const where = langsOf(term).flatMap((lang) => opened[lang].tiers.map((tier) => ({ lang, tier })));
          found.set(term, await Promise.all(where.map(async ({ lang, tier }) => ({ lang, tier, ...(await lookUpOnce(lang, opened[lang], tier, term)) }))));
        }),
      );
    const holds = (term, lang, tier) => found.get(term).some((l) => l.holds && (!lang || l.lang === lang) && (!tier || l.tier === tier));
    await lookUpAll([...new Set(words.flatMap((w) => w.terms))]);

    // A Chinese word the two segmenters split differently is looked up again as the index
    // has it, and must then stand in an article as typed: 雪景 is not found by 雪 and 景象.
    for (const w of words) {
      if (w.terms.every((term) => holds(term)) || !opened.zh || !/^\p{Script=Han}+$/u.test(w.word)) continue;
      const pieces = await resegment(opened.zh, w.word);
      if (!pieces) continue;
      const inTier = await Promise.all(opened.zh.tiers.map(async (tier) => [tier, await exactIn("zh", opened.zh, tier, pieces.join(" "))]));
      if (!inTier.some(([, hits]) => hits.length)) continue;
      await lookUpAll(pieces.filter((piece) => !found.has(piece)));
      Object.assign(w, { terms: pieces, phrase: Object.fromEntries(inTier) });
    }

    const kept = [...new Set(words.flatMap((w) => w.terms.filter((term) => holds(term))))];
    const whole = (w) => w.terms.every((term) => holds(term));
    const missing = words.filter((w) => !whole(w)).map((w) => w.word).join(" ");
    const searched = words.flatMap((w) => (whole(w) ? [w.word] : w.terms.filter((term) => holds(term)))).join(" ");
    if (!kept.length) return { hits: [], langs: [], onePerArticle: true, missing, searched: "" };

    // Each index is searched for the kept terms it may hold, in the tiers where all of them
    // hold (and every phrase stands), so Pagefind has nothing to fill in.
    const sides = langs.filter((lang) => kept.some((term) => langsOf(term).includes(lang)));
    const hits = await Promise.all(
      sides.map(async (lang) => {
        const own = kept.filter((term) => langsOf(term).includes(lang));
        const phrases = words.filter((w) => w.phrase && lang === "zh");
        const tiers = opened[lang].tiers.filter((tier) => own.every((term) => holds(term, lang, tier)) && phrases.every((w) => w.phrase[tier].length));
        if (!tiers.length) return [];
        if (phrases.length === 1 && own.every((term) => phrases[0].terms.includes(term))) return onceEach(tiers.flatMap((tier) => phrases[0].phrase[tier]));
        if (own.length === 1) return onceEach(found.get(own[0]).filter((l) => l.lang === lang && tiers.includes(l.tier)).flatMap((l) => l.hits));
        const inPhrases = phrases.map((w) => new Set(Object.values(w.phrase).flatMap((hits) => hits.map((hit) => hit.id))));
        return (await hitsIn(opened[lang], own.join(" "), tiers)).filter((hit) => inPhrases.every((ids) => ids.has(hit.id)));
      }),
    );
    // A term only one index may hold (a word in one script) makes an article match in both
    // languages or not at all; terms of neither script (2021) match in either.
    const eitherWill = kept.every((term) => langsOf(term).length === sides.length);
    return { hits: byScore(hits.flat()), langs: eitherWill && sides.length > 1 ? [] : sides, onePerArticle: sides.length === 1, missing, searched };
  };
}

/** Hits of one index's tiers, each record once (see hitsIn). */
function onceEach(hits) {
  const seen = new Set();
  return hits.filter((hit) => !seen.has(hit.id) && seen.add(hit.id));
}

/** Keeps a memo's promise, but not its failure: the next call tries again. */
function forgetFailure(memo, key, promise) {
  return promise.catch((error) => {
    memo.delete(key);
    throw error;
  });
}

// Shared by the search page, its worker and the tests: how a reader's query becomes the terms
// Pagefind looks up and which index may hold each (assets/search-engine.js searches them), and
// how hits from the English and the Chinese index become one result per article.

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * The indexes a query needs. The Chinese index holds the Chinese text of the site, every
 * Han character outside it included; the English one the English text and the pinyin of
 * headlines. So Chinese alone asks only the Chinese index, Latin letters alone (English or
 * pinyin) only the English one, and a reader downloads one language's index. A query with
 * both scripts, or with neither (digits, symbols), asks both.
 */
export function indexesFor(query) {
  const han = HAN.test(query);
  const latin = LATIN.test(query);
  if (han && !latin) return ["zh"];
  if (latin && !han) return ["en"];
  return ["en", "zh"];
}

/** A loader that loads once, but tries again after a failure (a network blip must not turn
 *  search off until the page is reloaded). */
export function retryable(load) {
  let loading;
  return () => {
    loading ??= load().catch((error) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

const chineseWords = new Intl.Segmenter("zh-CN", { granularity: "word" });

/** The punctuation Pagefind takes out of a query before it looks words up. */
const DROPPED = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

/** A word as Pagefind compares it: lower case, without accents or the punctuation it drops. */
export function fold(word) {
  return word.normalize("NFD").replace(/\p{M}/gu, "").replace(DROPPED, "").toLowerCase();
}

/**
 * A query as the reader typed it, word by word (what the page names when a word found
 * nothing), each with the terms Pagefind looks up. A word with Chinese characters is split
 * into words as Pagefind splits Chinese text (`Intl.Segmenter`): "郑州干细胞" -> 郑州, 干,
 * 细胞, and "沐山" -> 沐, 山. Pagefind splits a query only in an instance whose page language
 * is Chinese, and ours run in a worker, which has none.
 */
export function queryWords(query) {
  return query
    .split(/\s+/)
    .map((word) => {
      const parts = HAN.test(word) ? [...chineseWords.segment(word)].map((s) => s.segment) : [word];
      return { word, terms: parts.filter((term) => fold(term).trim() !== "") };
    })
    .filter(({ terms }) => terms.length);
}

/** The indexes a term of `query` may be found in: Chinese characters only in the Chinese
 *  index, Latin letters only in the English one, anything else (2021, 120) where the query's
 *  other words are, or in both. */
export function indexesOf(term, query) {
  if (HAN.test(term)) return ["zh"];
  if (LATIN.test(term)) return ["en"];
  return indexesFor(query);
}

/** Whether the query asks for an exact phrase ("..."), which Pagefind never answers with
 *  anything but the phrase. */
export function isPhrase(query) {
  return /^\s*".+"\s*$/.test(query);
}

/**
 * A Chinese query split into words ("郑州干细胞" -> "郑州 干细胞"), as queryWords splits it,
 * for a phrase search, which Pagefind looks up as it is.
 */
export function segmentChinese(query) {
  const words = [...chineseWords.segment(query)].map((s) => s.segment).filter((w) => /[^\p{P}\s]/u.test(w));
  const joined = words.join(" ");
  return isPhrase(query) ? `"${joined}"` : joined;
}

/** A compact set of the characters that opencc's traditional-to-simplified conversion may
 *  change (src/features/search/traditional-chars.ts): a bitmap over U+3400-U+9FFF and a list of the rest. */
export function traditionalTest({ first, bits, others }) {
  const bytes = Uint8Array.from(atob(bits), (c) => c.charCodeAt(0));
  const rest = new Set(others);
  return (text) => {
    for (const char of text) {
      const i = char.codePointAt(0) - first;
      const inMap = i >= 0 && i < bytes.length * 8;
      if (inMap ? bytes[i >> 3] & (1 << (i & 7)) : rest.has(char)) return true;
    }
    return false;
  };
}

/** Traditional characters (獻血) become simplified (献血), the script the index holds. The
 *  converter (opencc-js's t→cn) is loaded only for a query with a character it
 *  would change: `loaders.hasTraditional(text)` says so, from the small table above. */
export async function normalizeQuery(query, loaders) {
  const trimmed = query.trim().replace(/\s+/g, " ");
  if (!HAN.test(trimmed) || !(await loaders.hasTraditional(trimmed))) return trimmed;
  const toSimplified = await loaders.toSimplified();
  return toSimplified(trimmed);
}

/** Whether a hit is in the chosen column and year (empty choices match everything). */
export function matchesFilters(hit, filters) {
  return (!filters.column || hit.meta.column_key === filters.column) && (!filters.year || hit.meta.date.startsWith(`${filters.year}-`));
}

/** Adds a hit to `groups` (article URL -> group, in the order of each article's best hit),
 *  keeping one excerpt per language, preferring excerpts with a highlight. Answers the
 *  hit's group. */
export function addToGroups(groups, hit) {
  const group = groups.get(hit.url) ?? { url: hit.url, meta: hit.meta, excerpts: {} };
  const lang = hit.meta.lang === "zh" ? "zh" : "en";
  const current = group.excerpts[lang];
  if (!current || (!current.includes("<mark>") && hit.excerpt.includes("<mark>"))) {
    group.excerpts[lang] = hit.excerpt;
  }
  groups.set(hit.url, group);
  return group;
}

/** Whether an article's group matched in every language the query needs (a query with words
 *  of both scripts matches an article in both, or not at all). */
export function isComplete(group, langs) {
  return langs.every((lang) => group.excerpts[lang] !== undefined);
}

/** Hits grouped by article URL, in the order of each article's best hit; with `langs`, only
 *  the articles that matched in each of them. */
export function groupByArticle(hits, langs = []) {
  const groups = new Map();
  for (const hit of hits) addToGroups(groups, hit);
  return [...groups.values()].filter((group) => isComplete(group, langs));
}

/** Excerpt text with Pagefind's <mark> highlights as [text, highlighted] runs, so the page
 *  can build DOM nodes without ever parsing indexed text as HTML. */
export function excerptRuns(excerpt) {
  return excerpt
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter(Boolean)
    .map((part) => {
      const marked = part.startsWith("<mark>");
      return [marked ? part.slice(6, -7) : part, marked];
    });
}

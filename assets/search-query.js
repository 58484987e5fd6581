// Shared by the search page and the tests: how a reader's query becomes Pagefind queries, and
// how hits from the English and the Chinese index become one result per article.

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/** Pagefind searches every metadata field too. Ours are there to be shown (dates, column
 *  keys...), so only each index's own headline counts; without this, a column name found
 *  every article in the column. Field names: src/search-records.ts. */
const DISPLAY_ONLY = { title_en: 0, title_zh: 0, kicker: 0, kicker_lang: 0, column_key: 0, date: 0, lang: 0 };
export const META_WEIGHTS = {
  en: { ...DISPLAY_ONLY, title_en: 5 },
  zh: { ...DISPLAY_ONLY, title_zh: 5 },
};

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

/**
 * A Chinese query split into words ("郑州干细胞" -> "郑州 干细胞"), the way Pagefind splits it
 * itself, but only in an instance whose page language is Chinese: ours reads
 * `<html lang="en">`, so the Chinese-only instance gets the query split here. Unsplit, it
 * would be one word, found only as the prefix of an indexed one.
 */
export function segmentChinese(query) {
  const words = [...chineseWords.segment(query)].map((s) => s.segment).filter((w) => /[^\p{P}\s]/u.test(w));
  const joined = words.join(" ");
  return /^\s*".+"\s*$/.test(query) ? `"${joined}"` : joined; // keep an exact-phrase search
}

/**
 * The site's search as the page uses it. `loadPagefind()` loads pagefind.js; each kind of
 * query gets its own Pagefind instance, made when first needed: English (the English
 * bundle), Chinese (the Chinese bundle alone) and both (the English bundle with the Chinese
 * index merged in), so one mixed query never makes later English queries open the Chinese
 * index too.
 *
 * Answers `{ hits, onePerArticle }`: the hits that matched text, not only display fields
 * (those score 0), best first, and whether they came from one index (so each article is at
 * most one hit and their number is the number of articles).
 */
export function searchEngine(loadPagefind, { baseUrl, bundles, languages }) {
  const settings = (lang) => ({ baseUrl, excerptLength: 30, ranking: { metaWeights: META_WEIGHTS[lang] } });
  const create = async (lang) => {
    const pagefind = await loadPagefind();
    // noWorker: Pagefind's web worker is a second copy of its code on every first
    // query, and the search itself is quick on the page's own thread.
    return pagefind.createInstance({ basePath: bundles[lang], noWorker: true, ...settings(lang) });
  };
  const instances = {
    en: retryable(() => create("en")),
    zh: retryable(() => create("zh")),
    both: retryable(async () => {
      const instance = await create("en");
      await instance.mergeIndex(bundles.zh, { language: languages.zh, ...settings("zh") });
      return instance;
    }),
  };
  return async (query) => {
    const wanted = indexesFor(query);
    const kind = wanted.length === 2 ? "both" : wanted[0];
    const instance = await instances[kind]();
    const found = await instance.search(kind === "zh" ? segmentChinese(query) : query);
    return { hits: found.results.filter((result) => result.score > 0), onePerArticle: kind !== "both" };
  };
}

/** A compact set of the characters that opencc's traditional-to-simplified conversion may
 *  change (src/traditional-chars.ts): a bitmap over U+3400-U+9FFF and a list of the rest. */
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
 *  hit's group, and whether the hit started it. */
export function addToGroups(groups, hit) {
  const known = groups.get(hit.url);
  const group = known ?? { url: hit.url, meta: hit.meta, excerpts: {} };
  const lang = hit.meta.lang === "zh" ? "zh" : "en";
  const current = group.excerpts[lang];
  if (!current || (!current.includes("<mark>") && hit.excerpt.includes("<mark>"))) {
    group.excerpts[lang] = hit.excerpt;
  }
  groups.set(hit.url, group);
  return { group, isNew: !known };
}

/** Hits grouped by article URL, in the order of each article's best hit. */
export function groupByArticle(hits) {
  const groups = new Map();
  for (const hit of hits) addToGroups(groups, hit);
  return [...groups.values()];
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

// Shared by the search page and the tests: how a reader's query becomes Pagefind queries, and
// how hits from the English and the Chinese index become one result per article.

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/** Pagefind searches every metadata field too. Ours are there to be shown (column names,
 *  dates, image paths...), so only each index's own headline counts; without this, "release"
 *  found every article through "Zhengzhou Release". Field names: src/search-records.ts. */
const DISPLAY_ONLY = { title: 0, title_en: 0, title_zh: 0, kicker: 0, kicker_lang: 0, column: 0, column_zh: 0, column_key: 0, year: 0, date: 0, lang: 0, image: 0, image_alt: 0 };
export const META_WEIGHTS = {
  en: { ...DISPLAY_ONLY, title_en: 5 },
  zh: { ...DISPLAY_ONLY, title_zh: 5 },
};

/** Whether a query needs the Chinese index: it holds only Chinese text, so a query in Latin
 *  letters (English or pinyin) finds everything in the English index, and an English reader
 *  never downloads the Chinese index. Digits and symbols alone may be in either. */
export function needsChineseIndex(query) {
  return HAN.test(query) || !LATIN.test(query);
}

/**
 * The site's search as the page uses it: the English index opens first, the Chinese one is
 * merged into it the first time a query needs it. `basePath` is where the English bundle is
 * (the page leaves it to pagefind.js). Answers the hits that matched text, not only display
 * fields (those score 0), best first.
 */
export function searchEngine(pagefind, { baseUrl, zhBundle, basePath }) {
  const opened = pagefind.options({ ...(basePath ? { basePath } : {}), baseUrl, excerptLength: 30, ranking: { metaWeights: META_WEIGHTS.en } });
  let chinese;
  return async (query) => {
    await opened;
    if (needsChineseIndex(query)) {
      chinese ??= pagefind.mergeIndex(zhBundle, { language: "zh-cn", baseUrl, ranking: { metaWeights: META_WEIGHTS.zh } });
      await chinese;
    }
    const found = await pagefind.search(query);
    return found.results.filter((result) => result.score > 0);
  };
}

/** Traditional characters (獻血) become simplified (献血), the script the index holds.
 *  `toSimplified` is opencc-js's t→cn converter, loaded only for queries with Han text. */
export async function normalizeQuery(query, loadToSimplified) {
  const trimmed = query.trim().replace(/\s+/g, " ");
  if (!HAN.test(trimmed)) return trimmed;
  const toSimplified = await loadToSimplified();
  return toSimplified(trimmed);
}

/** Whether a hit is in the chosen column and year (empty choices match everything). */
export function matchesFilters(hit, filters) {
  return (!filters.column || hit.meta.column_key === filters.column) && (!filters.year || hit.meta.year === filters.year);
}

/** Hits grouped by article URL, in the order of each article's best hit. Each group keeps
 *  one excerpt per language it matched in, preferring excerpts with a highlight. */
export function groupByArticle(hits) {
  const groups = new Map();
  for (const hit of hits) {
    const group = groups.get(hit.url) ?? { url: hit.url, meta: hit.meta, excerpts: {} };
    const lang = hit.meta.lang === "zh" ? "zh" : "en";
    const current = group.excerpts[lang];
    if (!current || (!current.includes("<mark>") && hit.excerpt.includes("<mark>"))) {
      group.excerpts[lang] = hit.excerpt;
    }
    groups.set(hit.url, group);
  }
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

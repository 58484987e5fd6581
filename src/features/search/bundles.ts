// Where the search indexes live, under the site's root. The search page gets these from the
// page's data (src/features/search/plugin.ts), so this is their one table.

import type { Lang } from "../../config/languages.ts";

/** Each language's index: the whole index, or its archive tier when a recent tier is beside it. */
export const SEARCH_DIRS: Record<Lang, string> = { en: "pagefind", zh: "pagefind-zh" };

/** Each language's recent tier, when the build wrote one (src/features/search/tiers.ts). */
export const RECENT_DIRS: Record<Lang, string> = { en: "pagefind-recent", zh: "pagefind-zh-recent" };

/** The file that tells the search page which recent tiers there are and which archive records
 *  they replace (`SearchTiers`). */
export const TIERS_FILE = `${SEARCH_DIRS.en}/tiers.json`;

/** The one WebAssembly build the search page loads for every index (assets/search-engine.js:
 *  withOneWasm): the English one, with the stemmer English needs. */
export const WASM_FILE = `${SEARCH_DIRS.en}/wasm.en.pagefind`;

export interface SearchTiers {
  /** The languages that have a recent tier. */
  recent: Lang[];
  /** Per language, the Pagefind ids of archive records that a recent record replaces or that
   *  a deleted article left: the page leaves them out. */
  masked: Record<Lang, string[]>;
}

export type IndexedCounts = Record<Lang, number>;

// Where the search index is written: one Pagefind index per language, through Pagefind's Node
// API, into <site>/pagefind/ (English, loaded first) and <site>/pagefind-zh/ (merged in the
// browser). Pagefind reports problems as arrays, not exceptions: every one of them fails
// the build here.

import * as pagefind from "pagefind";
import path from "node:path";
import type { ArticlePage } from "./content.ts";
import { SEARCH_LANGUAGES, searchRecords } from "./search-records.ts";
import type { SiteConfig } from "./site.ts";

export const SEARCH_DIRS = { en: "pagefind", zh: "pagefind-zh" } as const;

export interface SearchIndexResult {
  records: { en: number; zh: number };
}

function fail(step: string, errors: readonly string[]): void {
  if (errors.length) throw new Error(`Search indexing failed (${step}): ${errors.join("; ")}`);
}

export async function writeSearchIndexes(
  articles: readonly ArticlePage[],
  site: SiteConfig,
  siteDir: string,
): Promise<SearchIndexResult> {
  try {
    const records = articles.flatMap((a) => searchRecords(a, site));
    const counts = { en: 0, zh: 0 };
    for (const lang of ["en", "zh"] as const) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGES[lang] });
      fail(`create the ${lang} index`, errors);
      const mine = records.filter((r) => r.language === SEARCH_LANGUAGES[lang]);
      // One at a time, in article order: added concurrently, the Chinese index came out
      // different on every build, and deploys upload only what changed.
      for (const record of mine) {
        const added = await index!.addCustomRecord(record);
        fail(`add ${record.url}`, added.errors);
      }
      const written = await index!.writeFiles({ outputPath: path.join(siteDir, SEARCH_DIRS[lang]) });
      fail(`write the ${lang} index`, written.errors);
      counts[lang] = mine.length;
    }
    return { records: counts };
  } finally {
    await pagefind.close();
  }
}

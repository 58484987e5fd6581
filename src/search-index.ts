// Where the search index is written: one Pagefind index per language, through Pagefind's Node
// API, into <site>/pagefind/ (English, loaded first) and <site>/pagefind-zh/ (merged in the
// browser). Pagefind reports problems as arrays, not exceptions: every one of them fails
// the build here.

import * as pagefind from "pagefind";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ArticlePage } from "./content.ts";
import { SEARCH_LANGUAGES, searchRecords, type SearchRecord } from "./search-records.ts";
import type { SiteConfig } from "./site.ts";

export const SEARCH_DIRS = { en: "pagefind", zh: "pagefind-zh" } as const;

export interface SearchIndexResult {
  records: { en: number; zh: number };
}

function fail(step: string, errors: readonly string[]): void {
  if (errors.length) throw new Error(`Search indexing failed (${step}): ${errors.join("; ")}`);
}

async function createIndex(lang: "en" | "zh") {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGES[lang] });
  fail(`create the ${lang} index`, errors);
  return index!;
}

/** An index's files, written by us: Pagefind's own writeFiles answers before its files are
 *  on disk, and closing the service then leaves some empty (seen here: a 0-byte
 *  pagefind-entry.json and wasm). */
async function writeIndexFiles(index: pagefind.PagefindIndex, dir: string, lang: string): Promise<void> {
  const { files, errors } = await index.getFiles();
  fail(`write the ${lang} index`, errors);
  for (const file of files) {
    const target = path.join(dir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
}

/** Records in flight at once: enough to keep Pagefind busy; all of them at once would hold
 *  every message of a large archive in memory. The index does not depend on their order. */
const IN_FLIGHT = 256;

/** Both indexes, one after the other: each is dropped from the Pagefind service once its
 *  files are written, so only one archive's worth of index is in memory at a time. */
export async function writeIndexes(records: readonly SearchRecord[], siteDir: string): Promise<SearchIndexResult["records"]> {
  try {
    const counts = { en: 0, zh: 0 };
    for (const lang of ["en", "zh"] as const) {
      const index = await createIndex(lang);
      const mine = records.filter((r) => r.language === SEARCH_LANGUAGES[lang]);
      for (let i = 0; i < mine.length; i += IN_FLIGHT) {
        const batch = mine.slice(i, i + IN_FLIGHT);
        const added = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
        added.forEach((result, j) => fail(`add ${batch[j]!.url}`, result.errors));
      }
      await writeIndexFiles(index, path.join(siteDir, SEARCH_DIRS[lang]), lang);
      await index.deleteIndex();
      counts[lang] = mine.length;
    }
    return counts;
  } finally {
    await pagefind.close();
  }
}

/** Writes the search indexes of `articles` into `siteDir`, on a worker thread. */
export async function writeSearchIndexes(
  articles: readonly ArticlePage[],
  site: SiteConfig,
  siteDir: string,
): Promise<SearchIndexResult> {
  const records = articles.flatMap((a) => searchRecords(a, site));
  const worker = new Worker(new URL("./search-index-worker.mjs", import.meta.url), { workerData: { records, siteDir } });
  try {
    const reply = await new Promise<{ counts?: SearchIndexResult["records"]; error?: string }>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the search indexing worker stopped (exit code ${code})`)));
    });
    if (reply.error !== undefined) throw new Error(reply.error);
    return { records: reply.counts! };
  } finally {
    await worker.terminate();
  }
}

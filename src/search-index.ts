// Where the search index is written: one Pagefind index per language, through Pagefind's Node
// API, into <site>/pagefind/ (English, with pagefind.js) and <site>/pagefind-zh/ (Chinese).
// The search page opens the one a query needs (assets/search-query.js). Pagefind reports problems as arrays,
// not exceptions: every one of them fails the build here.

import * as pagefind from "pagefind";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Article } from "./article.ts";
import { SEARCH_LANGUAGES, type SearchableArticle, type SearchRecord } from "./search-records.ts";

export const SEARCH_DIRS = { en: "pagefind", zh: "pagefind-zh" } as const;

export type IndexedCounts = { en: number; zh: number };

function fail(step: string, errors: readonly string[]): void {
  if (errors.length) throw new Error(`Search indexing failed (${step}): ${errors.join("; ")}`);
}

async function createIndex(lang: "en" | "zh") {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGES[lang] });
  fail(`create the ${lang} index`, errors);
  return index!;
}

/** The files of a bundle the search page loads: the index itself, its entry and the one
 *  WebAssembly build its language uses, and in the English bundle pagefind.js, which the
 *  page loads once for both. Pagefind's own UIs (400 KB a bundle; it has no option to leave
 *  them out, upstream issue #1183) and the web worker the page turns off (`noWorker`) would
 *  only be uploaded on every deploy and never fetched. */
function isServedIndexFile(file: string, wasm: string, lang: "en" | "zh"): boolean {
  return (
    (file === "pagefind.js" && lang === "en") ||
    file === "pagefind-entry.json" ||
    file === `wasm.${wasm}.pagefind` ||
    file.endsWith(".pf_meta") ||
    /^(fragment|index|filter)\//.test(file)
  );
}

/** Pagefind names the language's WebAssembly in the entry; `null` means its generic build. */
function wasmOf(files: readonly { path: string; content: Uint8Array }[], lang: string): string {
  const entry = files.find((f) => f.path === "pagefind-entry.json");
  if (!entry) throw new Error(`Search indexing failed (write the ${lang} index): Pagefind returned no pagefind-entry.json`);
  const languages = JSON.parse(Buffer.from(entry.content).toString("utf8")).languages as Record<string, { wasm: string | null }>;
  return Object.values(languages)[0]?.wasm ?? "unknown";
}

/** Files written at once: enough to keep the disk busy without opening thousands of files. */
const WRITES_IN_FLIGHT = 64;

/** An index's files, written by us: Pagefind's own writeFiles answers before its files are
 *  on disk, and closing the service then leaves some empty (seen here: a 0-byte
 *  pagefind-entry.json and wasm). */
async function writeIndexFiles(index: pagefind.PagefindIndex, dir: string, lang: "en" | "zh"): Promise<void> {
  const { files, errors } = await index.getFiles();
  fail(`write the ${lang} index`, errors);
  const wasm = wasmOf(files, lang);
  const served = files.filter((f) => isServedIndexFile(f.path, wasm, lang));
  const folders = new Set(served.map((f) => path.dirname(path.join(dir, f.path))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (let i = 0; i < served.length; i += WRITES_IN_FLIGHT) {
    await Promise.all(served.slice(i, i + WRITES_IN_FLIGHT).map((f) => writeFile(path.join(dir, f.path), f.content)));
  }
}

/** Adds records to an index, every Pagefind error failing the build. */
async function addRecords(index: pagefind.PagefindIndex, records: readonly SearchRecord[]): Promise<void> {
  const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
  added.forEach((result, i) => fail(`add ${records[i]!.url}`, result.errors));
}

/** Records sent to Pagefind at once: enough to keep it busy; all of them at once would hold
 *  every message of a large archive in memory. The index does not depend on their order. */
const IN_FLIGHT = 256;

export interface IndexWriter {
  /** Takes the next records; English ones go to Pagefind at once. */
  add(records: readonly SearchRecord[]): void;
  /** Writes the English index, then the Chinese one, and stops Pagefind. */
  finish(): Promise<IndexedCounts>;
}

/**
 * Both indexes of a site, fed as the articles are read. English records are indexed as they
 * come, while the main thread still parses; Chinese ones wait until the English index is
 * written and dropped from the Pagefind service, so that only one archive's worth of index
 * is ever in memory (Pagefind holds about 1 GB while it writes the English index of 10,000
 * articles).
 */
export function indexWriter(siteDir: string): IndexWriter {
  const english = createIndex("en");
  const chinese: SearchRecord[] = [];
  const counts = { en: 0, zh: 0 };
  let adding: Promise<void> = english.then(() => {});
  adding.catch(() => {}); // surfaces in finish(); until then it must not count as unhandled
  return {
    add(records) {
      const mine = records.filter((r) => r.language === SEARCH_LANGUAGES.en);
      chinese.push(...records.filter((r) => r.language === SEARCH_LANGUAGES.zh));
      counts.en += mine.length;
      adding = adding.then(async () => addRecords(await english, mine));
      adding.catch(() => {});
    },
    async finish() {
      try {
        await adding;
        await writeIndexFiles(await english, path.join(siteDir, SEARCH_DIRS.en), "en");
        await (await english).deleteIndex();
        const index = await createIndex("zh");
        for (let i = 0; i < chinese.length; i += IN_FLIGHT) await addRecords(index, chinese.slice(i, i + IN_FLIGHT));
        await writeIndexFiles(index, path.join(siteDir, SEARCH_DIRS.zh), "zh");
        counts.zh = chinese.length;
        return counts;
      } finally {
        await pagefind.close();
      }
    },
  };
}

/** What the worker needs of an article, and no more: the message is copied between threads. */
function searchable(article: Article): SearchableArticle {
  const { url, title, kicker, column, date, credits } = article;
  return { url, title, kicker, column, date, credits, paragraphs: article.paragraphs.map(({ lang, html }) => ({ lang, html })) };
}

/** Articles per message to the worker; each message becomes one batch of English records. */
const BATCH = IN_FLIGHT;

export interface SearchIndexer {
  /** Queues a published article for the index. */
  add(article: Article): void;
  /** No more articles: writes the indexes. */
  finish(): Promise<IndexedCounts>;
  /** Stops the worker, whether or not it finished. */
  stop(): Promise<void>;
}

/**
 * A worker thread that writes the search indexes into `siteDir`. Start it before the
 * articles are read and hand it each one as it is parsed: the thread comes up, makes the
 * records (pinyin and all) and keeps Pagefind busy while the main thread still parses, and
 * then renders.
 */
export function startSearchIndexer(siteDir: string): SearchIndexer {
  const worker = new Worker(new URL("./search-index-worker.mjs", import.meta.url), { workerData: { siteDir } });
  const reply = new Promise<{ counts?: IndexedCounts; error?: string }>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the search indexing worker stopped (exit code ${code})`)));
  });
  reply.catch(() => {}); // read by finish(); a worker stopped unused must not be an unhandled rejection
  let batch: SearchableArticle[] = [];
  const flush = () => {
    if (batch.length) worker.postMessage({ articles: batch });
    batch = [];
  };
  return {
    add(article) {
      batch.push(searchable(article));
      if (batch.length >= BATCH) flush();
    },
    async finish() {
      flush();
      worker.postMessage({ done: true });
      const { counts, error } = await reply;
      if (error !== undefined) throw new Error(error);
      return counts!;
    },
    async stop() {
      await worker.terminate();
    },
  };
}

/** Writes the search indexes of `articles` into `siteDir`, on a worker thread. */
export async function writeSearchIndexes(articles: readonly Article[], siteDir: string): Promise<IndexedCounts> {
  const indexer = startSearchIndexer(siteDir);
  try {
    for (const article of articles) indexer.add(article);
    return await indexer.finish();
  } finally {
    await indexer.stop();
  }
}

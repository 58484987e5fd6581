// Search indexing as the build drives it, from the main thread: a worker thread (worker.ts,
// with its own Pagefind process) writes the indexes beside the rendering. A finished index is kept in the cache under a fingerprint of what it
// was made from; a build whose searchable text is unchanged (a template or stylesheet
// commit) reuses it instead of indexing again. Nothing here loads Pagefind itself.

import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { LANGS, type Lang } from "../../config/languages.ts";
import type { Article } from "../../model/article.ts";
import { linkTree } from "../../site/output-files.ts";
import { SEARCH_DIRS, TIERS_FILE, type IndexedCounts, type SearchTiers } from "./bundles.ts";
import type { SearchableArticle } from "./records.ts";

/** What the worker needs of an article, and no more: the message is copied between threads. */
function searchable(article: Article): SearchableArticle {
  const { url, title, kicker, column, date, credits } = article;
  return { url, title, kicker, column, date, credits, paragraphs: article.paragraphs.map(({ lang, html }) => ({ lang, html })) };
}

/** What makes an index what it is besides the articles: the code that makes records and
 *  writes them, and Pagefind's version. A change to any of them makes a new fingerprint. */
const RECIPE = [readFileSync(new URL("./records.ts", import.meta.url)), readFileSync(new URL("./index-writer.ts", import.meta.url)), pagefindVersion()];

/** The installed Pagefind's version, found as Node finds the package (its package.json is not
 *  among the files the package exports, so it cannot be imported). */
function pagefindVersion(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "node_modules", "pagefind", "package.json");
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
    if (path.dirname(dir) === dir) throw new Error("Pagefind is not installed: run npm ci");
  }
}

/** A fingerprint of everything an index is made from. SHA-1, as a cache key needs no more:
 *  over the 30 MB of a 10,000-article archive's records it took 40 ms here, SHA-256 330 ms. */
export function searchFingerprint(articles: readonly SearchableArticle[]): string {
  const hash = createHash("sha1");
  for (const part of RECIPE) hash.update(part).update("\0");
  for (const { paragraphs, ...fields } of articles) {
    hash.update(JSON.stringify(fields));
    // Paragraph by paragraph: their HTML is most of the bytes, which JSON would copy and escape
    // (~160-450 ms for 10,000 articles here, against ~85 ms fed as they are).
    for (const { lang, html } of paragraphs) hash.update(`\0${lang}\0`).update(html);
    hash.update("\n");
  }
  return hash.digest("hex").slice(0, 32);
}

/** Articles per message to a worker. */
const BATCH = 256;

/** Writes the indexes of `langs` into `siteDir` on a worker thread. */
function indexOnWorker(langs: readonly Lang[], articles: readonly SearchableArticle[], siteDir: string, workers: Set<Worker>): Promise<void> {
  const worker = new Worker(new URL("./worker.mjs", import.meta.url), { workerData: { siteDir, langs } });
  workers.add(worker);
  const reply = new Promise<void>((resolve, reject) => {
    worker.once("message", ({ error }: { error?: string }) => (error === undefined ? resolve() : reject(new Error(error))));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the search indexing worker stopped (exit code ${code})`)));
  });
  for (let i = 0; i < articles.length; i += BATCH) worker.postMessage({ articles: articles.slice(i, i + BATCH) });
  worker.postMessage({ done: true });
  return reply.finally(() => {
    workers.delete(worker);
    void worker.terminate();
  });
}

/** Cached indexes kept per language: the newest few, so switching between two branches in
 *  one checkout reuses both. */
const KEEP = 3;

async function keepInCache(built: string, entry: string): Promise<void> {
  const partial = `${entry}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  linkTree(built, partial);
  await rm(entry, { recursive: true, force: true });
  await rename(partial, entry);
  const folder = path.dirname(entry);
  const lang = path.basename(entry).split("-")[0];
  const entries = (await readdir(folder)).filter((name) => name.startsWith(`${lang}-`) && !name.includes(".partial-"));
  const byAge = await Promise.all(entries.map(async (name) => ({ name, time: (await stat(path.join(folder, name))).mtimeMs })));
  byAge.sort((a, b) => b.time - a.time);
  for (const old of byAge.slice(KEEP)) await rm(path.join(folder, old.name), { recursive: true, force: true });
}

/** The records an index holds, as its entry file says. */
function pageCount(bundle: string): number {
  const entry = JSON.parse(readFileSync(path.join(bundle, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

export interface IndexResult {
  /** Records in each index. */
  counts: IndexedCounts;
  /** Whether the indexes came from the cache. */
  reused: boolean;
}

export interface SearchIndexing {
  done: Promise<IndexResult>;
  /** Stops the worker, whether or not it finished. */
  stop(): Promise<void>;
}

/**
 * Writes the search indexes of `articles` into `siteDir` on a worker thread; with a
 * `cacheDir`, reuses the indexes of the same articles from an earlier build, and keeps these
 * for the next one.
 */
export function startSearchIndexing(articles: readonly Article[], siteDir: string, cacheDir?: string): SearchIndexing {
  const workers = new Set<Worker>();
  const done = (async (): Promise<IndexResult> => {
    const records = articles.map(searchable);
    const key = cacheDir ? searchFingerprint(records) : undefined;
    const entry = (lang: Lang) => path.join(cacheDir!, "search", `${lang}-${key}`);
    const cached = LANGS.filter((lang) => key && existsSync(entry(lang)));
    const missing = LANGS.filter((lang) => !cached.includes(lang));
    for (const lang of cached) linkTree(entry(lang), path.join(siteDir, SEARCH_DIRS[lang]));
    if (missing.length) {
      await indexOnWorker(missing, records, siteDir, workers);
      if (key) for (const lang of missing) await keepInCache(path.join(siteDir, SEARCH_DIRS[lang]), entry(lang));
    }
    const tiers: SearchTiers = { recent: [], masked: { en: [], zh: [] } };
    await writeFile(path.join(siteDir, TIERS_FILE), JSON.stringify(tiers));
    const counts = Object.fromEntries(LANGS.map((lang) => [lang, pageCount(path.join(siteDir, SEARCH_DIRS[lang]))])) as IndexedCounts;
    return { counts, reused: missing.length === 0 };
  })();
  done.catch(() => {}); // the caller reads it; a build stopped early must not leave an unhandled rejection
  return {
    done,
    async stop() {
      await Promise.all([...workers].map((w) => w.terminate()));
    },
  };
}

/** Writes the search indexes of `articles` into `siteDir` and answers their record counts. */
export async function indexArticles(articles: readonly Article[], siteDir: string, cacheDir?: string): Promise<IndexedCounts> {
  const indexing = startSearchIndexing(articles, siteDir, cacheDir);
  try {
    return (await indexing.done).counts;
  } finally {
    await indexing.stop();
  }
}

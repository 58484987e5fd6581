// Search indexing as the build drives it, from the main thread: articles go to a worker
// thread (worker.ts) that makes their records and feeds Pagefind, so the thread that parses
// and renders never waits for either. Nothing here loads Pagefind itself.

import { Worker } from "node:worker_threads";
import type { Article } from "../../model/article.ts";
import type { IndexedCounts } from "./bundles.ts";
import type { SearchableArticle } from "./records.ts";

/** What the worker needs of an article, and no more: the message is copied between threads. */
function searchable(article: Article): SearchableArticle {
  const { url, title, kicker, column, date, credits } = article;
  return { url, title, kicker, column, date, credits, paragraphs: article.paragraphs.map(({ lang, html }) => ({ lang, html })) };
}

/** Articles per message to the worker. */
const BATCH = 256;

export interface SearchIndexer {
  /** Queues a published article for the index. */
  add(article: Article): void;
  /** No more articles: writes the indexes. */
  finish(): Promise<IndexedCounts>;
  /** Stops the worker, whether or not it finished. */
  stop(): Promise<void>;
}

/**
 * Starts a worker that writes the search indexes into `siteDir`. Start it before the
 * articles are read and hand it each one as it is parsed: Pagefind then works while the
 * main thread still parses, and then renders.
 */
export function startSearchIndexer(siteDir: string): SearchIndexer {
  const worker = new Worker(new URL("./worker.mjs", import.meta.url), { workerData: { siteDir } });
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
export async function indexArticles(articles: readonly Article[], siteDir: string): Promise<IndexedCounts> {
  const indexer = startSearchIndexer(siteDir);
  try {
    for (const article of articles) indexer.add(article);
    return await indexer.finish();
  } finally {
    await indexer.stop();
  }
}

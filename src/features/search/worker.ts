// The indexing worker (started by indexer.ts): it makes the records (pinyin and all) and
// feeds Pagefind, work that would otherwise queue behind the main thread's rendering. The
// first language's records go to Pagefind as the articles arrive; the others' follow, each
// once the index before it is written.

import { parentPort, workerData } from "node:worker_threads";
import type { Lang } from "../../config/languages.ts";
import { closePagefind, createIndexWriter, type IndexWriter } from "./index-writer.ts";
import { searchRecord, type SearchableArticle } from "./records.ts";

/** One index to write: its language and bundle folder, whether the folder carries the
 *  search page's script, and whether an index of no records is left out. */
export interface BundleJob {
  lang: Lang;
  dir: string;
  script: boolean;
  skipEmpty: boolean;
}

export type WorkerReply = { ids: Partial<Record<Lang, Record<string, string>>> } | { error: string };

type Message = { articles: SearchableArticle[] } | { done: true };

const { bundles } = workerData as { bundles: BundleJob[] };
const [first, ...rest] = bundles;
const recordsIn = (articles: readonly SearchableArticle[], lang: Lang) => articles.flatMap((article) => searchRecord(article, lang) ?? []);
const writerOf = ({ dir, lang, script, skipEmpty }: BundleJob): IndexWriter => createIndexWriter(dir, lang, { script, skipEmpty });
const firstWriter = writerOf(first!);
const kept: SearchableArticle[] = [];

async function finish(): Promise<WorkerReply> {
  try {
    const ids: Partial<Record<Lang, Record<string, string>>> = {};
    const firstIds = await firstWriter.finish();
    if (firstIds) ids[first!.lang] = firstIds;
    for (const job of rest) {
      const writer = writerOf(job);
      writer.add(recordsIn(kept, job.lang));
      const written = await writer.finish();
      if (written) ids[job.lang] = written;
    }
    return { ids };
  } finally {
    await closePagefind();
  }
}

parentPort!.on("message", (message: Message) => {
  if ("articles" in message) {
    firstWriter.add(recordsIn(message.articles, first!.lang));
    if (rest.length) kept.push(...message.articles);
    return;
  }
  finish().then(
    (reply) => parentPort!.postMessage(reply),
    (error: Error) => parentPort!.postMessage({ error: error.message } satisfies WorkerReply),
  );
});

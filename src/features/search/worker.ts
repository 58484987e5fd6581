// The indexing worker (started by indexer.ts): it makes the records (pinyin and all) and
// feeds Pagefind, work that would otherwise queue behind the main thread's rendering. The
// first language's records go to Pagefind as the articles arrive; the others' follow, each
// once the index before it is written.

import { parentPort, workerData } from "node:worker_threads";
import type { Lang } from "../../config/languages.ts";
import { closePagefind, createIndexWriter } from "./index-writer.ts";
import { searchRecord, type SearchableArticle } from "./records.ts";

type Message = { articles: SearchableArticle[] } | { done: true };

const { siteDir, langs } = workerData as { siteDir: string; langs: Lang[] };
const [first, ...rest] = langs;
const recordsIn = (articles: readonly SearchableArticle[], lang: Lang) => articles.flatMap((article) => searchRecord(article, lang) ?? []);
const firstWriter = createIndexWriter(siteDir, first!);
const kept: SearchableArticle[] = [];

async function finish(): Promise<void> {
  try {
    await firstWriter.finish();
    for (const lang of rest) {
      const writer = createIndexWriter(siteDir, lang);
      writer.add(recordsIn(kept, lang));
      await writer.finish();
    }
  } finally {
    await closePagefind();
  }
}

parentPort!.on("message", (message: Message) => {
  if ("articles" in message) {
    firstWriter.add(recordsIn(message.articles, first!));
    if (rest.length) kept.push(...message.articles);
    return;
  }
  finish().then(
    () => parentPort!.postMessage({}),
    (error: Error) => parentPort!.postMessage({ error: error.message }),
  );
});

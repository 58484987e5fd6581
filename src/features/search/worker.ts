// The indexing worker (started by indexer.ts): it makes the records (pinyin and all) and
// feeds Pagefind, work that would otherwise queue behind the main thread's parsing and
// Eleventy's rendering.

import { parentPort, workerData } from "node:worker_threads";
import { createIndexWriter } from "./index-writer.ts";
import { searchRecords, type SearchableArticle } from "./records.ts";

type Message = { articles: SearchableArticle[] } | { done: true };

const writer = createIndexWriter((workerData as { siteDir: string }).siteDir);
parentPort!.on("message", (message: Message) => {
  if ("articles" in message) return writer.add(message.articles.flatMap(searchRecords));
  writer.finish().then(
    (counts) => parentPort!.postMessage({ counts }),
    (error: Error) => parentPort!.postMessage({ error: error.message }),
  );
});

// The Pagefind side of indexing, on a worker thread: it makes the records (pinyin and all)
// and waits for Pagefind's reply to each, work that would otherwise queue behind the main
// thread's parsing and Eleventy's rendering.

import { parentPort, workerData } from "node:worker_threads";
import { indexWriter } from "./search-index.ts";
import { searchRecords, type SearchableArticle } from "./search-records.ts";

type Message = { articles: SearchableArticle[] } | { done: true };

const writer = indexWriter((workerData as { siteDir: string }).siteDir);
parentPort!.on("message", (message: Message) => {
  if ("articles" in message) return writer.add(message.articles.flatMap(searchRecords));
  writer.finish().then(
    (counts) => parentPort!.postMessage({ counts }),
    (error: Error) => parentPort!.postMessage({ error: error.message }),
  );
});

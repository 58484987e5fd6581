// An indexing worker (started by indexer.ts) for one language: it makes that language's
// records (pinyin and all) and feeds its own Pagefind process, work that would otherwise
// queue behind the main thread's rendering.

import { parentPort, workerData } from "node:worker_threads";
import type { Lang } from "../../config/languages.ts";
import { createIndexWriter } from "./index-writer.ts";
import { searchRecord, type SearchableArticle } from "./records.ts";

type Message = { articles: SearchableArticle[] } | { done: true };

const { siteDir, lang } = workerData as { siteDir: string; lang: Lang };
const writer = createIndexWriter(siteDir, lang);
parentPort!.on("message", (message: Message) => {
  if ("articles" in message) return writer.add(message.articles.flatMap((article) => searchRecord(article, lang) ?? []));
  writer.finish().then(
    () => parentPort!.postMessage({}),
    (error: Error) => parentPort!.postMessage({ error: error.message }),
  );
});

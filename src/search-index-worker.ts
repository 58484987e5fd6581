// The Pagefind side of indexing, on a worker thread: every record waits for Pagefind's reply,
// and on the main thread those replies would queue behind Eleventy's rendering.

import { parentPort, workerData } from "node:worker_threads";
import { writeIndexes } from "./search-index.ts";
import type { SearchRecord } from "./search-records.ts";

const { records, siteDir } = workerData as { records: SearchRecord[]; siteDir: string };
writeIndexes(records, siteDir).then(
  (counts) => parentPort!.postMessage({ counts }),
  (error: Error) => parentPort!.postMessage({ error: error.message }),
);

// The Pagefind side of indexing, on a worker thread. Records go to Pagefind one at a time
// (for a reproducible index), so each one waits for a reply; on the main thread those replies
// would queue behind Eleventy's rendering and indexing would take twice as long.

import { parentPort, workerData } from "node:worker_threads";
import { writeIndexes } from "./search-index.ts";
import type { SearchRecord } from "./search-records.ts";

const { records, siteDir } = workerData as { records: SearchRecord[]; siteDir: string };
writeIndexes(records, siteDir).then(
  (counts) => parentPort!.postMessage({ counts }),
  (error: Error) => parentPort!.postMessage({ error: error.message }),
);

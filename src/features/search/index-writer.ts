// Where the search index is written: one Pagefind index per language, through Pagefind's Node
// API, into <site>/pagefind/ (English, with pagefind.js) and <site>/pagefind-zh/ (Chinese).
// The search page opens the one a query needs (assets/search-query.js). Pagefind reports
// problems as arrays, not exceptions: every one of them fails the build here. Runs on an
// indexing worker (worker.ts), never on the thread that renders.

import * as pagefind from "pagefind";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { SEARCH_LANG, type Lang } from "../../config/languages.ts";
import { SEARCH_DIRS, WASM_FILE } from "./bundles.ts";
import type { SearchRecord } from "./records.ts";

function fail(step: string, errors: readonly string[]): void {
  if (errors.length) throw new Error(`Search indexing failed (${step}): ${errors.join("; ")}`);
}

async function createIndex(lang: Lang) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: SEARCH_LANG[lang] });
  fail(`create the ${lang} index`, errors);
  return index!;
}

/** The files of a bundle the search page loads: the index itself and its entry, and in the
 *  English bundle pagefind.js and the WebAssembly, which the page loads once for every index
 *  (`WASM_FILE`). Pagefind's own UIs (it has no option to leave them out, upstream issue
 *  #1183), the web worker the page turns off (`noWorker`) and the other bundles' WebAssembly
 *  would only be uploaded on every deploy and never fetched. */
function isServedIndexFile(file: string, lang: Lang): boolean {
  return (
    (lang === "en" && (file === "pagefind.js" || file === path.basename(WASM_FILE))) ||
    file === "pagefind-entry.json" ||
    file.endsWith(".pf_meta") ||
    /^(fragment|index|filter)\//.test(file)
  );
}

/** Files written at once: enough to keep the disk busy without opening thousands of files. */
const WRITES_IN_FLIGHT = 64;

/** An index's files, written by us: when the file system refuses a write, Pagefind's own
 *  writeFiles stops its process without answering, and the build would wait for ever; here
 *  the build fails with the file system's message. */
async function writeIndexFiles(index: pagefind.PagefindIndex, dir: string, lang: Lang): Promise<void> {
  const { files, errors } = await index.getFiles();
  fail(`write the ${lang} index`, errors);
  const served = files.filter((f) => isServedIndexFile(f.path, lang));
  if (lang === "en" && !served.some((f) => f.path === path.basename(WASM_FILE))) {
    throw new Error(`Search indexing failed (write the ${lang} index): Pagefind wrote no ${path.basename(WASM_FILE)}`);
  }
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
const RECORDS_IN_FLIGHT = 256;

export interface IndexWriter {
  /** Takes the next records; they go to Pagefind at once. */
  add(records: readonly SearchRecord[]): void;
  /** Writes the index into its folder under `siteDir` and drops it from Pagefind's memory. */
  finish(): Promise<void>;
}

/** One language's index of a site, fed as the records come. The languages of a build are
 *  written one after the other by one Pagefind process (worker.ts): two at once, on this
 *  kind of two-core machine, take longer than one after the other, as Pagefind spreads each
 *  index over every core itself. */
export function createIndexWriter(siteDir: string, lang: Lang): IndexWriter {
  const index = createIndex(lang);
  let adding: Promise<void> = index.then(() => {});
  adding.catch(() => {}); // surfaces in finish(); until then it must not count as unhandled
  return {
    add(records) {
      for (let i = 0; i < records.length; i += RECORDS_IN_FLIGHT) {
        const batch = records.slice(i, i + RECORDS_IN_FLIGHT);
        adding = adding.then(async () => addRecords(await index, batch));
      }
      adding.catch(() => {});
    },
    async finish() {
      await adding;
      await writeIndexFiles(await index, path.join(siteDir, SEARCH_DIRS[lang]), lang);
      await (await index).deleteIndex();
    },
  };
}

/** Stops the Pagefind process of this thread. */
export async function closePagefind(): Promise<void> {
  await pagefind.close();
}

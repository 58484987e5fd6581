// Where the search index is written: one Pagefind index per language (and tier), through
// Pagefind's Node API, into a bundle folder: <site>/pagefind/ (English, with pagefind.js and
// the WebAssembly), <site>/pagefind-zh/ (Chinese), and the recent tiers beside them
// (tiers.ts). The search page opens the one a query needs (assets/search-engine.js).
// Pagefind reports problems as arrays, not exceptions: every one of them fails the build
// here. Runs on an indexing worker (worker.ts), never on the thread that renders.

import * as pagefind from "pagefind";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { SEARCH_LANG, type Lang } from "../../config/languages.ts";
import { WASM_FILE } from "./bundles.ts";
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
 *  bundle that carries the script (the English archive) pagefind.js and the WebAssembly,
 *  which the page loads once for every index (`WASM_FILE`). Pagefind's own UIs (it has no
 *  option to leave them out, upstream issue #1183), the web worker the page turns off
 *  (`noWorker`) and the other bundles' WebAssembly would only be uploaded on every deploy and
 *  never fetched. */
function isServedIndexFile(file: string, script: boolean): boolean {
  return (
    (script && (file === "pagefind.js" || file === path.basename(WASM_FILE))) ||
    file === "pagefind-entry.json" ||
    file.endsWith(".pf_meta") ||
    /^(fragment|index|filter)\//.test(file)
  );
}

/** Each record's Pagefind id (its fragment's name), by URL: how the search page tells an
 *  archive record a newer one replaces. */
function idsOf(files: readonly pagefind.IndexFile[]): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const { path: file, content } of files) {
    const id = file.match(/^fragment\/(.+)\.pf_fragment$/)?.[1];
    if (!id) continue;
    // Gzipped "pagefind_dcd" and the fragment's JSON.
    const { url } = JSON.parse(gunzipSync(content).subarray(12).toString("utf8")) as { url: string };
    ids[url] = id;
  }
  return ids;
}

/** Files written at once: enough to keep the disk busy without opening thousands of files. */
const WRITES_IN_FLIGHT = 64;

/** An index's files, written by us: when the file system refuses a write, Pagefind's own
 *  writeFiles stops its process without answering, and the build would wait for ever; here
 *  the build fails with the file system's message. */
async function writeIndexFiles(index: pagefind.PagefindIndex, dir: string, lang: Lang, script: boolean): Promise<Record<string, string>> {
  const { files, errors } = await index.getFiles();
  fail(`write the ${lang} index`, errors);
  const served = files.filter((f) => isServedIndexFile(f.path, script));
  if (script && !served.some((f) => f.path === path.basename(WASM_FILE))) {
    throw new Error(`Search indexing failed (write the ${lang} index): Pagefind wrote no ${path.basename(WASM_FILE)}`);
  }
  const folders = new Set(served.map((f) => path.dirname(path.join(dir, f.path))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (let i = 0; i < served.length; i += WRITES_IN_FLIGHT) {
    await Promise.all(served.slice(i, i + WRITES_IN_FLIGHT).map((f) => writeFile(path.join(dir, f.path), f.content)));
  }
  return idsOf(served);
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
  /** Writes the index into its folder and drops it from Pagefind's memory; answers each
   *  record's id, by URL (none when `skipEmpty` left out an index of no records). */
  finish(): Promise<Record<string, string> | undefined>;
}

/** One language's index, written into the bundle folder `dir` (with pagefind.js and the
 *  WebAssembly when `script`; not at all when `skipEmpty` and no record came), fed as the
 *  records come. The languages of a build are written one after the other by one Pagefind
 *  process (worker.ts): two at once, on this kind of two-core machine, take longer than one
 *  after the other, as Pagefind spreads each index over every core itself. */
export function createIndexWriter(dir: string, lang: Lang, { script, skipEmpty }: { script: boolean; skipEmpty: boolean }): IndexWriter {
  const index = createIndex(lang);
  let adding: Promise<void> = index.then(() => {});
  adding.catch(() => {}); // surfaces in finish(); until then it must not count as unhandled
  let records = 0;
  return {
    add(added) {
      records += added.length;
      for (let i = 0; i < added.length; i += RECORDS_IN_FLIGHT) {
        const batch = added.slice(i, i + RECORDS_IN_FLIGHT);
        adding = adding.then(async () => addRecords(await index, batch));
      }
      adding.catch(() => {});
    },
    async finish() {
      await adding;
      const ids = records || !skipEmpty ? await writeIndexFiles(await index, dir, lang, script) : undefined;
      await (await index).deleteIndex();
      return ids;
    },
  };
}

/** Stops the Pagefind process of this thread. */
export async function closePagefind(): Promise<void> {
  await pagefind.close();
}

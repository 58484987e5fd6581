// A production build: Eleventy renders into a fresh folder, the search index is written
// beside it, and only a complete site replaces the previous one.

import Eleventy from "@11ty/eleventy";
import site from "../_data/site.ts";
import { replaceDirAtomically } from "./atomic-dir.ts";
import { buildOptionsFromEnv } from "./build-options.ts";
import { copyImages } from "./images.ts";
import { loadContent } from "./content.ts";
import { ContentError, formatProblem } from "./problems.ts";
import { startSearchIndexer, type IndexedCounts } from "./search-index.ts";

export interface BuildResult {
  pages: number;
  /** Files Eleventy wrote, for the preview server's live reload. */
  written: string[];
  /** Records in each search index, when the build wrote them. */
  indexed?: IndexedCounts;
}

/** Renders the site from the project in `cwd` into `dir` with Eleventy. */
export async function renderSite(dir: string): Promise<BuildResult> {
  const eleventy = new Eleventy(".", dir, { configPath: ".eleventy.ts", quietMode: true });
  try {
    const [, results] = (await eleventy.write()) as unknown as [unknown, Array<{ outputPath: string | false }>];
    const written = results.flatMap((r) => (r.outputPath ? [r.outputPath] : []));
    return { pages: written.length, written };
  } catch (error) {
    throw contentErrorIn(error) ?? error;
  }
}

/** Renders the site into `dir` and writes its search indexes there. */
export async function buildInto(dir: string): Promise<BuildResult> {
  // One moment for the whole build, so the check below, Eleventy and the index agree on
  // which articles are scheduled (and Eleventy gets the content already assembled).
  const pinNow = process.env.QIAO_NOW === undefined;
  if (pinNow) process.env.QIAO_NOW = new Date().toISOString();
  try {
    return await buildWithOptions(dir);
  } finally {
    if (pinNow) delete process.env.QIAO_NOW;
  }
}

async function buildWithOptions(dir: string): Promise<BuildResult> {
  const options = buildOptionsFromEnv(process.env, site.url);
  // Pagefind indexes on a worker thread and in its own process, on the other core: it takes
  // each published article as it is parsed, then works beside Eleventy's rendering. A
  // focused preview render changes one page; the index from the full render still serves.
  const indexer = options.search && !options.focus ? startSearchIndexer(dir) : undefined;
  try {
    // Content errors surface here, plainly, before Eleventy starts; Eleventy's own load of
    // the content then gets the same object back (see loadContent).
    await loadContent(site, options, indexer && ((article) => indexer.add(article)));
    const indexing = indexer?.finish();
    const [rendered, indexed] = await Promise.allSettled([renderSite(dir), indexing]);
    if (rendered.status === "rejected") throw rendered.reason;
    if (indexed.status === "rejected") throw indexed.reason;
    await copyImages(dir);
    return { ...rendered.value, ...(indexed.value ? { indexed: indexed.value } : {}) };
  } finally {
    await indexer?.stop();
  }
}

/** Builds into `outDir` (default `_site`) without ever leaving a half-written site there. */
export async function buildSite(outDir = "_site"): Promise<BuildResult> {
  let result: BuildResult = { pages: 0, written: [] };
  await replaceDirAtomically(outDir, async (dir) => {
    result = await buildInto(dir);
  });
  return result;
}

/** An error and the errors it wraps (Eleventy keeps the original in `originalError`). */
export function errorChain(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let e: unknown = error; e instanceof Error && !chain.includes(e); ) {
    chain.push(e);
    e = (e as { originalError?: unknown }).originalError ?? e.cause;
  }
  return chain;
}

/** What a failed build tells the person who ran it: every file:line problem when articles
 *  are wrong, otherwise each error of the chain, the innermost (what is wrong) last. */
export function errorLines(error: unknown): string[] {
  const content = contentErrorIn(error);
  if (content) return content.problems.map(formatProblem);
  const chain = errorChain(error);
  return chain.length ? chain.map((e) => e.message) : [String(error)];
}

/** Eleventy wraps errors from data files; find ours so its file:line messages surface. */
function contentErrorIn(error: unknown): ContentError | undefined {
  return errorChain(error).find((e) => e instanceof ContentError);
}

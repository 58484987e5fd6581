// A build: the articles are read and checked once, Eleventy renders the pages into a fresh
// folder while the search index is written beside them, and only a complete site replaces
// the previous one.

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { BuildOptions } from "../config/build-options.ts";
import site from "../config/site.ts";
import { replaceDirAtomically } from "../files/atomic-dir.ts";
import { startSearchIndexing, type IndexResult } from "../features/search/indexer.ts";
import type { Problem } from "../model/problems.ts";
import { loadPublication, renderEnded } from "../site/publication.ts";
import { renderSite } from "./render.ts";

export interface BuildResult {
  /** Files Eleventy wrote, for the preview server's live reload. */
  written: string[];
  /** The search indexes, when the build indexes: records in each, and what was written (the
   *  archive, a recent tier beside it, or nothing). */
  indexed?: IndexResult;
  /** Editorial warnings about the articles (they never stop a build). */
  warnings: Problem[];
}

/** Renders the site into `dir` and, unless the options leave search out or this is a
 *  render of changed articles, writes its search indexes there too. */
export async function buildInto(dir: string, options: BuildOptions): Promise<BuildResult> {
  // Content errors surface here, plainly, before Eleventy starts; Eleventy's own load of the
  // publication then gets the same object back (see loadPublication).
  const { articles, warnings } = await loadPublication(site, options);
  // Pagefind works on worker threads and in processes of its own, beside Eleventy's rendering.
  const indexing = options.search && !options.changedArticles ? startSearchIndexing(articles, dir, options.cacheDir) : undefined;
  const rendering = renderSite(dir, options).finally(() => {
    renderEnded(options);
    if (indexing) collectGarbage();
  });
  try {
    const [rendered, indexed] = await Promise.allSettled([rendering, indexing?.done]);
    if (rendered.status === "rejected") throw rendered.reason;
    if (indexed.status === "rejected") throw indexed.reason;
    return { written: rendered.value.written, warnings, ...(indexed.value ? { indexed: indexed.value } : {}) };
  } finally {
    await indexing?.stop();
  }
}

/**
 * Collects the main thread's garbage now. A render leaves V8 holding every page's data and
 * HTML it no longer needs (2 GB of 3 at 30,000 articles), and V8, with nothing more to
 * allocate, would hold it while Pagefind grows beside it writing the Chinese index: the peak
 * of the whole build. `gc` is V8's own, exposed to a fresh context once the flag is set.
 */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/** Builds into `outDir` without ever leaving a half-written site there. */
export async function buildSite(outDir: string, options: BuildOptions): Promise<BuildResult> {
  let result: BuildResult | undefined;
  await replaceDirAtomically(outDir, async (dir) => {
    result = await buildInto(dir, options);
  });
  return result!;
}

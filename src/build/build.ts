// A build: the articles are read and checked once, Eleventy renders the pages into a fresh
// folder while the search index is written beside them, and only a complete site replaces
// the previous one.

import type { BuildOptions } from "../config/build-options.ts";
import site from "../config/site.ts";
import { replaceDirAtomically } from "../features/deploy/atomic-dir.ts";
import { startSearchIndexing, type IndexResult } from "../features/search/indexer.ts";
import type { Problem } from "../model/problems.ts";
import { loadPublication, renderEnded } from "../site/publication.ts";
import { renderSite } from "./render.ts";

export interface BuildResult {
  /** Files Eleventy wrote, for the preview server's live reload. */
  written: string[];
  /** The search indexes, when the build wrote them: records in each, and whether they were
   *  reused from the cache. */
  indexed?: IndexResult;
  /** Editorial warnings about the articles (they never stop a build). */
  warnings: Problem[];
}

/** Renders the site into `dir` and, unless the options leave search out or this is a
 *  render of changed articles, writes its search indexes there too. */
export async function buildInto(dir: string, options: BuildOptions): Promise<BuildResult> {
  // Content errors surface here, plainly, before Eleventy starts; Eleventy's own load of the
  // publication then gets the same object back (see loadPublication).
  const publication = await loadPublication(site, options);
  // Pagefind works on worker threads and in processes of its own, beside Eleventy's rendering.
  const indexing = options.search && !options.changedArticles ? startSearchIndexing(publication.articles, dir, options.cacheDir) : undefined;
  try {
    const [rendered, indexed] = await Promise.allSettled([renderSite(dir, options), indexing?.done]);
    if (rendered.status === "rejected") throw rendered.reason;
    if (indexed.status === "rejected") throw indexed.reason;
    return { written: rendered.value.written, warnings: publication.warnings, ...(indexed.value ? { indexed: indexed.value } : {}) };
  } finally {
    renderEnded(options);
    await indexing?.stop();
  }
}

/** Builds into `outDir` without ever leaving a half-written site there. */
export async function buildSite(outDir: string, options: BuildOptions): Promise<BuildResult> {
  let result: BuildResult | undefined;
  await replaceDirAtomically(outDir, async (dir) => {
    result = await buildInto(dir, options);
  });
  return result!;
}

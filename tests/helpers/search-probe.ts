// The real, built pagefind.js of a site, loaded in Node, searched the way the search page
// searches (assets/search-query.js); its fetches of index files are answered from the built
// folder. The tests query the real index through it.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { searchEngine } from "../../assets/search-query.js";
import { SEARCH_LANG } from "../../src/config/languages.ts";
import { SEARCH_DIRS } from "../../src/features/search/bundles.ts";

export interface Hit {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}

export interface LoadedSearch {
  /** Every hit of a query with its data, best first. */
  search(query: string): Promise<Hit[]>;
}

// Node's fetch has no file: URLs; pagefind.js fetches its index files through it.
const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (!url.startsWith("file:")) return realFetch(input, init);
  return new Response(await readFile(fileURLToPath(url)));
}) as typeof fetch;

/** Loads a fresh copy of the site's search (a module per site: query strings bust the cache). */
export async function loadSearch(siteDir: string, baseUrl = "/"): Promise<LoadedSearch> {
  const bundle = (dir: string) => pathToFileURL(path.join(siteDir, dir, "/")).href;
  const script = `${bundle(SEARCH_DIRS.en)}pagefind.js?site=${encodeURIComponent(siteDir)}`;
  const search = searchEngine(() => import(script), {
    baseUrl,
    bundles: { en: bundle(SEARCH_DIRS.en), zh: bundle(SEARCH_DIRS.zh) },
    languages: SEARCH_LANG,
  });
  return {
    async search(query) {
      const { hits } = await search(query);
      return Promise.all(hits.map((r: { data(): Promise<Hit> }) => r.data()));
    },
  };
}

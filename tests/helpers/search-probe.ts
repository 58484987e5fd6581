// The real, built pagefind.js of a site, loaded in Node, searched the way the search page's
// worker searches (assets/search-engine.js); its fetches of index files are answered from the
// built folder. The tests query the real index through it.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { searchEngine, withOneWasm } from "../../assets/search-engine.js";
import { groupByArticle } from "../../assets/search-query.js";
import { RECENT_DIRS, SEARCH_DIRS, TIERS_FILE, WASM_FILE } from "../../src/features/search/bundles.ts";

export interface Hit {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}

/** What the engine answers for a query, with every hit's data. */
export interface Answer {
  hits: Hit[];
  /** The languages an article must match in. */
  langs: string[];
  onePerArticle: boolean;
  /** The words of the query that found nothing, and the query searched instead. */
  missing: string;
  searched: string;
}

export interface LoadedSearch {
  /** Every hit of a query with its data, best first. */
  search(query: string): Promise<Hit[]>;
  /** The whole answer. */
  answer(query: string): Promise<Answer>;
  /** The URLs of the articles a query finds, as the page groups them, sorted. */
  articles(query: string): Promise<string[]>;
}

const urlOf = (input: string | URL | Request) => (typeof input === "string" ? input : input instanceof URL ? input.href : input.url);

// Node's fetch has no file: URLs; pagefind.js fetches its index files through it.
const realFetch = globalThis.fetch;
const fileFetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = urlOf(input);
  if (!url.startsWith("file:")) return realFetch(input, init);
  return new Response(await readFile(fileURLToPath(url.replace(/[?#].*$/, ""))));
}) as typeof fetch;
// Each site's Pagefind loads its own site's English WebAssembly, as the page's worker does.
globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
  const site = urlOf(input).match(/^file:.*\/(?=[^/]+\/wasm\.[\w-]+\.pagefind$)/)?.[0];
  return site ? withOneWasm(fileFetch, `${site}${WASM_FILE}`)(input, init) : fileFetch(input, init);
}) as typeof fetch;

/** Loads a fresh copy of the site's search (a module per site: query strings bust the cache). */
export async function loadSearch(siteDir: string, baseUrl = "/"): Promise<LoadedSearch> {
  const bundle = (dir: string) => pathToFileURL(path.join(siteDir, dir, "/")).href;
  const script = `${bundle(SEARCH_DIRS.en)}pagefind.js?site=${encodeURIComponent(siteDir)}`;
  const search = searchEngine(() => import(script), {
    baseUrl,
    bundles: { en: bundle(SEARCH_DIRS.en), zh: bundle(SEARCH_DIRS.zh) },
    recent: { en: bundle(RECENT_DIRS.en), zh: bundle(RECENT_DIRS.zh) },
    loadTiers: async () => JSON.parse(await readFile(path.join(siteDir, TIERS_FILE), "utf8")),
  });
  const answer = async (query: string): Promise<Answer> => {
    const { hits, ...rest } = await search(query);
    // Copied at once: Pagefind hands every search the same fragment object, which the next one rewrites.
    const data = (r: { data(): Promise<Hit> }) => r.data().then(({ url, excerpt, meta }) => ({ url, excerpt, meta }));
    return { hits: await Promise.all(hits.map(data)), ...rest };
  };
  return {
    answer,
    search: async (query) => (await answer(query)).hits,
    async articles(query) {
      const { hits, langs } = await answer(query);
      return groupByArticle(hits, langs).map((g) => g.url).sort();
    },
  };
}

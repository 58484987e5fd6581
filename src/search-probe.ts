// The real, built pagefind.js of a site, loaded in Node: its fetches of index files are
// answered from the built folder, and counted, as a browser would fetch them. The tests
// query the real index through it, and the benchmark weighs a first query with it.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { openIndexes, relevantResults } from "../assets/search-query.js";

export interface Hit {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}

export interface LoadedSearch {
  /** Hits with their data, the first `limit` of them (the search page shows 40). */
  search(query: string, limit?: number): Promise<Hit[]>;
  /** Bytes of index files fetched so far (pagefind.js itself excluded). */
  bytesFetched(): number;
}

let bytes = 0;
const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  if (!url.startsWith("file:")) return realFetch(input, init);
  const body = await readFile(fileURLToPath(url));
  bytes += body.length;
  return new Response(body);
}) as typeof fetch;

/** Loads a fresh copy of the site's search (a module per site: query strings bust the cache). */
export async function loadSearch(siteDir: string, baseUrl = "/"): Promise<LoadedSearch> {
  const entry = pathToFileURL(path.join(siteDir, "pagefind", "pagefind.js"));
  entry.search = `?site=${encodeURIComponent(siteDir)}`;
  const pagefind = await import(entry.href);
  await openIndexes(pagefind, {
    basePath: pathToFileURL(path.join(siteDir, "pagefind/")).href,
    baseUrl,
    zhBundle: pathToFileURL(path.join(siteDir, "pagefind-zh/")).href,
  });
  const start = bytes;
  return {
    async search(query, limit = Infinity) {
      const found = await pagefind.search(query);
      return Promise.all(relevantResults(found).slice(0, limit).map((r: { data(): Promise<Hit> }) => r.data()));
    },
    bytesFetched: () => bytes - start,
  };
}

// The search itself, on a thread of its own: pagefind.js, its WebAssembly, the index and the
// result fragments load and run here, so the page never freezes while a query runs and
// draws each result as it arrives. One copy of Pagefind's code, in this worker, with
// `noWorker`: Pagefind's own worker would be a second copy to download.
//
// The page asks (assets/search.js) and this answers, one message per call:
//   { id, method: "init", args: [client] }          -> { id }
//   { id, method: "search", args: [ticket, query] } -> { id, result: { count, langs, onePerArticle, missing, searched } }
//   { id, method: "data", args: [ticket, from, to] } -> { id, result: [hit data] | null }
// `null`: a newer search replaced that ticket's hits. A failure answers { id, error }.

import { searchEngine, withOneWasm } from "./search-engine.js";
import { normalizeQuery, retryable, traditionalTest } from "./search-query.js";

let search;
let loaders;
/** The latest search's hits, kept for the page to read ten at a time. */
let kept = { ticket: -1, hits: [] };

const methods = {
  init(client) {
    // Both fetched the first time a query has Chinese characters, the converter only if it
    // has a character the table says it would change.
    const loadTraditionalTest = retryable(async () => {
      const response = await fetch(client.traditionalChars);
      if (!response.ok) throw new Error(`t2cn-chars.json: HTTP ${response.status}`);
      return traditionalTest(await response.json());
    });
    loaders = {
      hasTraditional: async (text) => (await loadTraditionalTest())(text),
      toSimplified: retryable(async () => {
        const { Converter } = await import(client.converter);
        return Converter({ from: "t", to: "cn" });
      }),
    };
    self.fetch = withOneWasm(self.fetch.bind(self), client.wasm);
    search = searchEngine(() => import(client.pagefindScript), {
      baseUrl: client.baseUrl,
      bundles: client.bundles,
      recent: client.recent,
      // Never from a cache, as Pagefind loads its entry file: it changes with every build
      // that writes a recent tier, and must name the tiers the entry files name.
      loadTiers: retryable(async () => {
        const response = await fetch(`${client.tiers}?ts=${Date.now()}`);
        if (!response.ok) throw new Error(`${client.tiers}: HTTP ${response.status}`);
        return response.json();
      }),
    });
  },

  async search(ticket, query) {
    const { hits, ...answer } = await search(await normalizeQuery(query, loaders));
    if (ticket > kept.ticket) kept = { ticket, hits };
    return { count: hits.length, ...answer };
  },

  async data(ticket, from, to) {
    if (ticket !== kept.ticket) return null;
    const hits = await Promise.all(kept.hits.slice(from, to).map((hit) => hit.data()));
    return hits.map(({ url, meta, excerpt }) => ({ url, meta, excerpt }));
  },
};

self.addEventListener("message", async ({ data: { id, method, args } }) => {
  try {
    self.postMessage({ id, result: await methods[method](...args) });
  } catch (error) {
    self.postMessage({ id, error: String(error?.stack ?? error) });
  }
});

// Search as Eleventy renders it: the search page with the data its script needs (where each
// index lives, the years to filter by), the traditional-character table, and the
// traditional-to-simplified converter copied from opencc-js. The indexes themselves are
// written by the build (indexer.ts), from the articles, not from the rendered pages.

import type UserConfig from "@11ty/eleventy/UserConfig";
import type { BuildOptions } from "../../config/build-options.ts";
import site from "../../config/site.ts";
import ui from "../../config/ui.ts";
import { beijingYear } from "../../model/dates.ts";
import { addPage, assetsOf } from "../../site/plugin.ts";
import { loadPublication } from "../../site/publication.ts";
import { RECENT_DIRS, SEARCH_DIRS, TIERS_FILE, WASM_FILE } from "./bundles.ts";
import { traditionalTable } from "./traditional-chars.ts";

/** Site paths of what a Chinese query may load besides the index (assets/search.js). */
const VENDOR = {
  traditionalChars: "/assets/vendor/t2cn-chars.json",
  converter: "/assets/vendor/opencc-t2cn.js",
};

/** What assets/search.js needs to find its files, as URLs under the site's path prefix;
 *  `worker` is the site path of the built search worker (src/site/assets.ts). */
function searchClient(pathPrefix: string, worker: string) {
  const at = (sitePath: string) => `${pathPrefix}${sitePath.replace(/^\//, "")}`;
  return {
    baseUrl: pathPrefix,
    worker: at(worker),
    pagefindScript: at(`/${SEARCH_DIRS.en}/pagefind.js`),
    bundles: { en: at(`/${SEARCH_DIRS.en}/`), zh: at(`/${SEARCH_DIRS.zh}/`) },
    recent: { en: at(`/${RECENT_DIRS.en}/`), zh: at(`/${RECENT_DIRS.zh}/`) },
    tiers: at(`/${TIERS_FILE}`),
    wasm: at(`/${WASM_FILE}`),
    traditionalChars: at(VENDOR.traditionalChars),
    converter: at(VENDOR.converter),
  };
}

export default function searchPlugin(config: UserConfig, options: BuildOptions): void {
  config.addGlobalData("search", async () => ({
    client: searchClient(options.pathPrefix, (await assetsOf(config)).urls["search-worker.js"]),
    /** Beijing years that have articles, newest first: the year filter. */
    years: [...new Set((await loadPublication(site, options)).articles.map((a) => beijingYear(a.date)))],
  }));
  addPage(config, options, "search", { permalink: "/search/", layout: "pages/search.njk", pageTitle: `${ui.en.search} ${ui.zh.search}` });
  addPage(config, options, "traditional-chars", {
    permalink: VENDOR.traditionalChars,
    layout: "pages/json.njk",
    eleventyComputed: { json: () => traditionalTable() },
    eleventyExcludeFromCollections: true,
  });
  config.addPassthroughCopy({ "node_modules/opencc-js/dist/esm/t2cn.js": VENDOR.converter.slice(1) });
}

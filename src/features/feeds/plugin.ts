// Feeds as Eleventy renders them: an Atom feed per language (the feed page, its entries as
// data) and the feed links every page's head carries. The official feed plugin supplies
// htmlToAbsoluteUrls, which makes entry links absolute.

import feedPlugin from "@11ty/eleventy-plugin-rss";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { BuildOptions } from "../../config/build-options.ts";
import site from "../../config/site.ts";
import { addPage } from "../../site/plugin.ts";
import { loadPublication } from "../../site/publication.ts";
import { FEED_PATHS, feeds } from "./feeds.ts";

export default function feedsPlugin(config: UserConfig, options: BuildOptions): void {
  config.addNunjucksGlobal("feedPaths", FEED_PATHS);
  config.addGlobalData("feeds", async () => feeds((await loadPublication(site, options)).articles, site));
  addPage(config, options, "feed", {
    pagination: { data: "feeds", size: 1, alias: "feed" },
    permalink: (data: { feed: { path: string } }) => data.feed.path,
    layout: "pages/feed.njk",
    eleventyExcludeFromCollections: true,
  });
  config.addPlugin(feedPlugin);
}

// Wiring only: which folders hold what, the data the templates get, and the filters they
// use. The work itself lives in src/ (see README, "Where things are").

import type UserConfig from "@11ty/eleventy/UserConfig";
import { EleventyHtmlBasePlugin } from "@11ty/eleventy";
import feedPlugin from "@11ty/eleventy-plugin-rss";
import site from "./_data/site.ts";
import ui from "./_data/ui.ts";
import { buildOptionsFromEnv } from "./src/build-options.ts";
import { loadContent, skipWhileFocused, type ArticlePage } from "./src/content.ts";
import { beijingDay, beijingDisplay, beijingIso } from "./src/dates.ts";
import { jsonForScript } from "./src/json-script.ts";
import { htmlLangOf } from "./src/lang.ts";
import { warningSummary } from "./src/problems.ts";
import { describeArticle, newsArticle } from "./src/seo.ts";
import { traditionalTable } from "./src/traditional-chars.ts";
import { absoluteAssetUrl, absoluteUrl } from "./src/urls.ts";

export default function (config: UserConfig) {
  // Read lazily: Eleventy sets ELEVENTY_RUN_MODE after loading this file.
  const options = () => buildOptionsFromEnv(process.env, site.url);

  config.addGlobalData("site", site);
  config.addGlobalData("ui", ui);
  config.addGlobalData("news", async () => {
    const content = await loadContent(site, options());
    for (const line of warningSummary(content.warnings)) console.warn(line);
    return content;
  });

  // Returning false makes Eleventy skip the template (see skipWhileFocused).
  config.addPreprocessor("focus", "*", (data: { rerenderOnArticleEdit?: boolean }) => (skipWhileFocused(options(), data) ? false : undefined));

  config.addFilter("beijingIso", beijingIso);
  config.addFilter("beijingDisplay", beijingDisplay);
  config.addFilter("beijingDay", beijingDay);
  config.addFilter("htmlLang", htmlLangOf);
  config.addFilter("jsonForScript", jsonForScript);
  config.addFilter("canonical", (sitePath: string) => absoluteUrl(sitePath, options()));
  config.addFilter("absoluteAsset", (src: string) => absoluteAssetUrl(src, options()));
  config.addFilter("describeArticle", describeArticle);
  config.addFilter("newsArticleJsonLd", (article: ArticlePage) => jsonForScript(newsArticle(article, site, options())));

  config.addPassthroughCopy("assets");
  // Traditional -> simplified conversion for search queries, loaded only when needed.
  config.addPassthroughCopy({ "node_modules/opencc-js/dist/esm/t2cn.js": "assets/vendor/opencc-t2cn.js" });
  // ...and the small table that tells whether a query needs it.
  config.addGlobalData("traditionalChars", traditionalTable);
  config.addPlugin(EleventyHtmlBasePlugin);
  // The official feed plugin: its htmlToAbsoluteUrls makes feed content links absolute.
  config.addPlugin(feedPlugin);
  config.ignores.add("README.md");
  config.ignores.add("tests/**");

  return {
    // No `output` here: it would override the folder `npm run build` renders into.
    dir: { input: ".", includes: "_includes" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
    pathPrefix: options().pathPrefix,
  };
}

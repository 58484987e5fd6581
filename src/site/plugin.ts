// The site as Eleventy renders it: the data every template gets (site facts, UI strings, the
// publication), the filters they use, and the pages: article, home, column, 404, robots.txt,
// sitemap. Pages are registered here with their data and drawn by their layout in
// _includes/pages/; features add theirs the same way (addPage) and add to each article
// page what they make of it (addArticleExtension).

import type UserConfig from "@11ty/eleventy/UserConfig";
import nunjucks from "nunjucks";
import { IMAGES_DIR, type BuildOptions } from "../config/build-options.ts";
import { HTML_LANG, OG_LOCALE } from "../config/languages.ts";
import site from "../config/site.ts";
import ui from "../config/ui.ts";
import { beijingDay, beijingIso } from "../model/dates.ts";
import { htmlLangOf } from "../model/lang.ts";
import { bilingualHtml, type Bilingual } from "./bilingual.ts";
import { siteAssets, writeAssets, type BuiltAssets } from "./assets.ts";
import { jsonForScript } from "./json-script.ts";
import type { ColumnPage, Teaser } from "./listings.ts";
import { loadPublication, renderEnded, type ArticlePage, type Publication } from "./publication.ts";
import { absoluteUrl } from "./urls.ts";

/** What a feature makes of an article page for the templates: parts of its own added
 *  (`headerParts`: a QR code), or the page's HTML made more of (pictures). */
export type ArticleExtension = (article: ArticlePage) => ArticlePage | Promise<ArticlePage>;

const extensions = new WeakMap<object, ArticleExtension[]>();

/** Registers an extension; the publication the templates get has been through every one. */
export function addArticleExtension(config: UserConfig, extension: ArticleExtension): void {
  extensions.set(config, [...(extensions.get(config) ?? []), extension]);
}

/** The publication with every article page it holds through every extension, each page once. */
async function extended(publication: Publication, all: readonly ArticleExtension[]): Promise<Publication> {
  if (!all.length) return publication;
  const done = new Map<ArticlePage, Promise<ArticlePage>>();
  const extend = (article: ArticlePage): Promise<ArticlePage> => {
    const known = done.get(article);
    if (known) return known;
    const page = (async () => {
      let page = article;
      for (const extension of all) page = await extension(page);
      return page;
    })();
    done.set(article, page);
    return page;
  };
  const articles = await Promise.all(publication.articles.map(extend));
  const { leadPage } = publication.home;
  return { ...publication, articles, home: leadPage ? { ...publication.home, leadPage: await extend(leadPage) } : publication.home };
}

const renderAssets = new WeakMap<object, Promise<BuiltAssets>>();

/** The stylesheet and scripts of the render `config` belongs to, built (or reused) once for
 *  it: every page names the files the render writes, even if one is saved meanwhile. */
export function assetsOf(config: UserConfig): Promise<BuiltAssets> {
  let assets = renderAssets.get(config);
  if (!assets) renderAssets.set(config, (assets = siteAssets()));
  return assets;
}

export interface PageOptions {
  /** The page shows articles or lists of them, so a save of one article changes it. */
  listsArticles?: boolean;
}

/**
 * Registers a page: its data (permalink, pagination, layout...) with no content of its own;
 * the layout draws it. While the preview renders one changed article, only pages that list
 * articles are registered: a feed, sitemap or search page made from one article would be wrong.
 */
export function addPage(config: UserConfig, options: BuildOptions, name: string, data: Record<string, unknown>, page: PageOptions = {}): void {
  if (options.changedArticles && !page.listsArticles) return;
  config.addTemplate(`${name}.njk`, "", data);
}

export default function sitePlugin(config: UserConfig, options: BuildOptions): void {
  // Tables and helpers every template may use, the teaser partial included (it is rendered
  // on its own, with only its item: it sees globals, not page data).
  config.addNunjucksGlobal("site", site);
  config.addNunjucksGlobal("ui", ui);
  config.addNunjucksGlobal("htmlLang", HTML_LANG);
  config.addNunjucksGlobal("ogLocale", OG_LOCALE);
  config.addNunjucksGlobal("preview", options.preview === true);
  const safe = (html: string) => new nunjucks.runtime.SafeString(html);
  config.addNunjucksGlobal("both", (pair: Bilingual, className?: string) => safe(bilingualHtml(pair, className)));
  config.addNunjucksGlobal("t", (key: keyof typeof ui.en) => safe(bilingualHtml({ en: ui.en[key], zh: ui.zh[key] })));
  // An article's teaser shows on its column page, in related blocks under other articles and
  // on the home page: drawn once per build (partials/teaser.njk), then reused.
  const teasers = new Map<string, string>();
  config.addNunjucksGlobal("teaser", function (this: { env: nunjucks.Environment }, item: Teaser, headingLevel = 3, withSummary = true) {
    const key = `${headingLevel} ${withSummary} ${item.url}`;
    let html = teasers.get(key);
    if (html === undefined) teasers.set(key, (html = this.env.render("partials/teaser.njk", { item, headingLevel, withSummary })));
    return safe(html);
  });
  // Extensions are read when Eleventy asks for the data, after every plugin has registered.
  config.addGlobalData("publication", async () => extended(await loadPublication(site, options), extensions.get(config) ?? []));

  config.addFilter("beijingIso", beijingIso);
  config.addFilter("beijingDay", beijingDay);
  config.addFilter("htmlLang", htmlLangOf);
  config.addFilter("jsonForScript", jsonForScript);
  config.addFilter("canonical", (sitePath: string) => absoluteUrl(sitePath, options));

  addPage(config, options, "article", {
    pagination: { data: "publication.articles", size: 1, alias: "article", addAllPagesToCollections: false },
    permalink: (data: { article: ArticlePage }) => data.article.url,
    layout: "pages/article.njk",
  }, { listsArticles: true });
  addPage(config, options, "home", { permalink: "/", layout: "pages/home.njk" }, { listsArticles: true });
  addPage(config, options, "column", {
    pagination: { data: "publication.columnPages", size: 1, alias: "listing" },
    permalink: (data: { listing: ColumnPage }) => data.listing.url,
    layout: "pages/column.njk",
  }, { listsArticles: true });
  addPage(config, options, "404", { permalink: "/404.html", layout: "pages/404.njk", pageTitle: `${ui.en.notFoundTitle} ${ui.zh.notFoundTitle}`, noindex: true });
  addPage(config, options, "robots", { permalink: "/robots.txt", layout: "pages/robots.njk", eleventyExcludeFromCollections: true });
  addPage(config, options, "sitemap", { permalink: "/sitemap.xml", layout: "pages/sitemap.njk", eleventyExcludeFromCollections: true });

  // The stylesheet and scripts are built (assets.ts) and named by their hash; the rest of
  // assets/ (images, the icon) is copied as it is.
  config.addGlobalData("assetUrls", async () => (await assetsOf(config)).urls);
  config.addWatchTarget("./assets/");
  config.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => writeAssets(await assetsOf(config), directories.output));
  config.on("eleventy.beforeWatch", () => {
    renderEnded(options);
    renderAssets.delete(config);
  });
  config.addPassthroughCopy(IMAGES_DIR);
  config.addPassthroughCopy("assets/favicon.svg");
}

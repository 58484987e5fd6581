// Everything the templates render, assembled once per build: the published articles with
// their related blocks, the home sections and the column pages.

import type { Article } from "./article.ts";
import type { BuildOptions } from "./build-options.ts";
import { columnPages, homeSections, newestFirst, relatedSections, type ColumnPage, type Section } from "./listing.ts";
import { loadArticles } from "./load-articles.ts";
import { ContentError, hasErrors, type Problem } from "./problems.ts";
import type { SiteConfig } from "./site.ts";
import { absoluteUrl } from "./urls.ts";

export interface ArticlePage extends Article {
  /** Absolute, percent-encoded URL: site URL + path prefix + permalink. */
  canonicalUrl: string;
  related: Section[];
  /** Dated after the build's `now`: only previews and `--future` builds show it. */
  scheduled: boolean;
}

export interface SiteContent {
  articles: ArticlePage[];
  home: Section[];
  columnPages: ColumnPage[];
  /** Warnings found while loading, for the build to print. */
  warnings: Problem[];
}

export function isScheduled(article: Article, now: Date): boolean {
  return article.date.getTime() > now.getTime();
}

/** Production builds publish neither drafts nor articles dated after `now`. */
export function isPublished(article: Article, options: BuildOptions): boolean {
  if (!options.production) return true;
  return !article.draft && (options.includeFuture || !isScheduled(article, options.now));
}

export function assembleContent(all: readonly Article[], site: SiteConfig, options: BuildOptions): Omit<SiteContent, "warnings"> {
  const sorted = newestFirst(all.filter((a) => isPublished(a, options)));
  const related = relatedSections(sorted, site);
  return {
    articles: sorted.map((a) => ({
      ...a,
      canonicalUrl: absoluteUrl(a.url, options),
      related: related(a),
      scheduled: isScheduled(a, options.now),
    })),
    home: homeSections(sorted, site),
    columnPages: columnPages(sorted, site),
  };
}

/** Loads and assembles; throws ContentError naming every file:line when any article is wrong. */
export async function loadContent(site: SiteConfig, options: BuildOptions): Promise<SiteContent> {
  const { articles, problems } = await loadArticles(options.articlesDir, site.columns);
  if (hasErrors(problems)) throw new ContentError(problems);
  return { ...assembleContent(articles, site, options), warnings: problems };
}

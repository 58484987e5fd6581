// Everything the templates render, assembled once per build: the published articles with
// their related blocks, the home sections and the column pages.

import path from "node:path";
import type { Article, RenderedParagraph } from "./article.ts";
import type { BuildOptions } from "./build-options.ts";
import { columnPages, homeSections, newestFirst, relatedSections, type ColumnPage, type Section } from "./listing.ts";
import { beijingYear } from "./dates.ts";
import { feeds, type Feed } from "./feeds.ts";
import { isLocalImage, pictureHtml, withPictures } from "./images.ts";
import { loadArticles } from "./load-articles.ts";
import { ContentError, hasErrors, type Problem } from "./problems.ts";
import { cachedQrSvg } from "./qr-cache.ts";
import type { SiteConfig } from "./site.ts";
import { absoluteUrl } from "./urls.ts";

export interface ArticlePage extends Article {
  /** Absolute, percent-encoded URL: site URL + path prefix + permalink. */
  canonicalUrl: string;
  related: Section[];
  /** Dated after the build's `now`: only previews and `--future` builds show it. */
  scheduled: boolean;
  /** Inline SVG QR code of canonicalUrl. */
  qrSvg?: string;
  /** The lead image as a responsive <picture> (local images) or a plain <img>. */
  leadImageHtml?: string;
}

export interface SiteContent {
  articles: ArticlePage[];
  feeds: Feed[];
  /** Beijing years that have articles, newest first (the search page's year filter). */
  years: string[];
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
  const articles = sorted.map((a) => ({
    ...a,
    canonicalUrl: absoluteUrl(a.url, options),
    related: related(a),
    scheduled: isScheduled(a, options.now),
  }));
  return {
    articles,
    feeds: feeds(articles, site),
    years: [...new Set(articles.map((a) => beijingYear(a.date)))],
    home: homeSections(sorted, site),
    columnPages: columnPages(sorted, site),
  };
}

/**
 * What one edited article changes: its own page and the column pages that list it (the home
 * page renders in full; it is one page). Other articles' related blocks wait for the next
 * full build: re-rendering thousands of pages per keystroke is what makes previews slow.
 */
export function focusOn(content: SiteContent, file: string): SiteContent {
  const articles = content.articles.filter((a) => path.resolve(a.file) === path.resolve(file));
  const urls = new Set(articles.map((a) => a.url));
  return {
    ...content,
    articles,
    columnPages: content.columnPages.filter((p) => p.teasers.some((t) => urls.has(t.url))),
    warnings: content.warnings.filter((w) => path.resolve(w.file) === path.resolve(file)),
  };
}

/** While focused, only templates that list articles (front matter `rerenderOnArticleEdit`)
 *  render: feeds, sitemap or search pages made from one article would be wrong. */
export function skipWhileFocused(options: BuildOptions, data: { rerenderOnArticleEdit?: boolean }): boolean {
  return Boolean(options.focus) && !data.rerenderOnArticleEdit;
}

/**
 * The last content assembled, with what it was made from. A build loads content to check it
 * and to index it, then Eleventy asks for it again: when no article changed (the parse cache
 * hands back the same objects) and the options are the same, the answer is the same.
 */
let last: { key: string; articles: readonly Article[]; content: SiteContent } | undefined;

function unchanged(articles: readonly Article[], key: string): boolean {
  return last?.key === key && last.articles.length === articles.length && articles.every((a, i) => a === last!.articles[i]);
}

/** Loads and assembles; throws ContentError naming every file:line when any article is wrong.
 *  `onPublished` gets each article the build publishes as soon as it is read. */
export async function loadContent(site: SiteConfig, options: BuildOptions, onPublished?: (article: Article) => void): Promise<SiteContent> {
  const loaded = await loadArticles(options.articlesDir, site.columns, process.cwd(), (article) => {
    if (onPublished && isPublished(article, options)) onPublished(article);
  });
  if (hasErrors(loaded.problems)) throw new ContentError(loaded.problems);
  const key = JSON.stringify([site, options, loaded.problems]);
  if (unchanged(loaded.articles, key)) return last!.content;
  const content = await assembleAll(loaded.articles, loaded.problems, site, options);
  last = { key, articles: loaded.articles, content };
  return content;
}

/** Everything the templates need, with pictures and QR codes for the articles rendered. */
async function assembleAll(
  loaded: readonly Article[],
  warnings: Problem[],
  site: SiteConfig,
  options: BuildOptions,
): Promise<SiteContent> {
  const assembled = { ...assembleContent(loaded, site, options), warnings };
  const content = options.focus ? focusOn(assembled, options.focus) : assembled;
  // Pictures and QR codes only for what will be rendered: a focused render makes one.
  const articles = await Promise.all(
    content.articles.map(async (a) => ({
      ...(await withImages(a)),
      ...(options.qr ? { qrSvg: cachedQrSvg(a.canonicalUrl) } : {}),
    })),
  );
  return { ...content, articles };
}

const IMAGE_IN_HTML = /<img /;

/** Responsive pictures for an article's local images; articles without any pass as they are. */
async function withImages(article: ArticlePage): Promise<ArticlePage> {
  const lead = article.image;
  const inBody = article.paragraphs.some((p) => IMAGE_IN_HTML.test(p.html));
  if (!lead && !inBody) return article;
  const paragraphs = await Promise.all(article.paragraphs.map(async (p) => ({ ...p, html: await withPictures(p.html) })));
  const byLine = new Map(paragraphs.map((p) => [p.line, p]));
  const swap = (p: RenderedParagraph) => byLine.get(p.line)!;
  return {
    ...article,
    paragraphs,
    blocks: article.blocks.map((b) => (b.kind === "pair" ? { ...b, en: swap(b.en), zh: swap(b.zh) } : { ...b, paragraph: swap(b.paragraph) })),
    leadImageHtml: lead && isLocalImage(lead.src) ? await pictureHtml(lead.src, lead.alt, { eager: true }) : undefined,
  };
}

// What a build publishes, assembled once per build from the articles: which of them are
// published, each with its canonical URL and related blocks, the home page's sections and
// the column pages. The templates render this and nothing else.

import path from "node:path";
import type { BuildOptions } from "../config/build-options.ts";
import type { SiteConfig } from "../config/site.ts";
import { isScheduled, type Article } from "../model/article.ts";
import { loadArticles } from "../model/load-articles.ts";
import { ContentError, hasErrors, type Problem } from "../model/problems.ts";
import { editorNotes, type EditorNotes } from "./editor-notes.ts";
import { columnPages, frontPage, newestFirst, relatedSections, type ColumnPage, type FrontPage, type Section } from "./listings.ts";
import { articleHead, type ArticleHead } from "./seo.ts";
import { markUntranslated, type PageBlock } from "./untranslated.ts";
import { absoluteUrl } from "./urls.ts";

export interface ArticlePage extends Article {
  blocks: PageBlock[];
  /** Absolute, percent-encoded URL: site URL + path prefix + permalink. */
  canonicalUrl: string;
  related: Section[];
  /** Dated after the build's `now`: only previews and `--future` builds show it. */
  scheduled: boolean;
  head: ArticleHead;
  /** Added by the QR feature: an inline SVG QR code of canonicalUrl. */
  qrSvg?: string;
  /** Added by the images feature: the lead image as a responsive <picture>. */
  leadImageHtml?: string;
  /** The preview's notes of the article's editorial warnings. */
  editorNotes?: EditorNotes;
}

export interface Publication {
  /** Published articles, newest first. */
  articles: ArticlePage[];
  home: FrontPage;
  columnPages: ColumnPage[];
  /** Warnings found while loading, for the build to print. */
  warnings: Problem[];
}

/** Production builds publish neither drafts nor articles dated after `now`. */
export function isPublished(article: Article, options: Pick<BuildOptions, "production" | "includeFuture" | "now">): boolean {
  if (!options.production) return true;
  return !article.draft && (options.includeFuture || !isScheduled(article, options.now));
}

/**
 * Assembles what a build publishes. A preview's render of changed articles
 * (`options.changedArticles`) gets only what they change: their own pages and the column
 * pages that list them (the home page renders in full; it is one page). Other articles'
 * pages wait for the next full render: re-rendering thousands of pages per save is what
 * makes previews slow, and so would preparing them.
 */
export function assemblePublication(all: readonly Article[], site: SiteConfig, options: BuildOptions): Omit<Publication, "warnings"> {
  const sorted = newestFirst(all.filter((a) => isPublished(a, options)));
  const related = relatedSections(sorted, site);
  const changed = options.changedArticles && new Set(options.changedArticles.map((file) => path.resolve(file)));
  const shown = changed ? sorted.filter((a) => changed.has(path.resolve(a.file))) : sorted;
  const urls = new Set(shown.map((a) => a.url));
  const pages = columnPages(sorted, site);
  return {
    articles: shown.map((a) => {
      const canonicalUrl = absoluteUrl(a.url, options);
      const page: ArticlePage = {
        ...a,
        blocks: markUntranslated(a.blocks),
        canonicalUrl,
        related: related(a),
        scheduled: isScheduled(a, options.now),
        head: articleHead(a, canonicalUrl, site, options),
      };
      return options.preview ? { ...page, editorNotes: editorNotes(a) } : page;
    }),
    home: frontPage(sorted, site),
    columnPages: changed ? pages.filter((p) => p.teasers.some((t) => urls.has(t.url))) : pages,
  };
}

/**
 * The last publication assembled, with what it was made from. A build loads it to check the
 * articles and to index them, then Eleventy asks for it again: when no article changed (the
 * parse cache hands back the same objects) and the options are the same, so is the answer.
 */
let last: { key: string; articles: readonly Article[]; publication: Publication } | undefined;

function unchanged(articles: readonly Article[], key: string): boolean {
  return last?.key === key && last.articles.length === articles.length && articles.every((a, i) => a === last!.articles[i]);
}

/**
 * The publication of each render under way, by its options object. A build loads it before
 * Eleventy starts, then three plugins ask for it again; each of those asks would otherwise
 * list and stat the whole archive once more. A render's entry is forgotten when it ends
 * (`renderEnded`): by buildInto, and by the site plugin before each rerun of the bare
 * Eleventy CLI's watch mode, which renders again and again with one options object.
 */
const rendering = new WeakMap<BuildOptions, { site: SiteConfig; publication: Promise<Publication> }>();

/** Loads and assembles; throws ContentError naming every file:line when any article is wrong. */
export function loadPublication(site: SiteConfig, options: BuildOptions): Promise<Publication> {
  const current = rendering.get(options);
  if (current?.site === site) return current.publication;
  const publication = load(site, options);
  rendering.set(options, { site, publication });
  // A failed load is tried again, not remembered (a newer load in its place stays).
  publication.catch(() => {
    if (rendering.get(options)?.publication === publication) rendering.delete(options);
  });
  return publication;
}

/** The render with `options` has ended: the next one loads the articles again. */
export function renderEnded(options: BuildOptions): void {
  rendering.delete(options);
}

async function load(site: SiteConfig, options: BuildOptions): Promise<Publication> {
  const loaded = await loadArticles(options.articlesDir, site.columns, process.cwd(), options.changedArticles);
  if (hasErrors(loaded.problems)) throw new ContentError(loaded.problems);
  const key = JSON.stringify([site, options, loaded.problems]);
  if (unchanged(loaded.articles, key)) return last!.publication;
  const changed = options.changedArticles && new Set(options.changedArticles.map((file) => path.resolve(file)));
  const warnings = changed ? loaded.problems.filter((w) => changed.has(path.resolve(w.file))) : loaded.problems;
  const publication = { ...assemblePublication(loaded.articles, site, options), warnings };
  last = { key, articles: loaded.articles, publication };
  return publication;
}

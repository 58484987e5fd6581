// What a build publishes, assembled once per build from the articles: which of them are
// published, each with its canonical URL and related blocks, the home page's sections and
// the column pages. The templates render this and nothing else.

import path from "node:path";
import type { BuildOptions } from "../config/build-options.ts";
import type { SiteConfig } from "../config/site.ts";
import type { Lang } from "../config/languages.ts";
import { isScheduled, type Article } from "../model/article.ts";
import { loadArticles } from "../model/load-articles.ts";
import { escapeHtml } from "../model/html-text.ts";
import { ContentError, hasErrors, type Problem } from "../model/problems.ts";
import { editorNotes, type EditorNotes } from "./editor-notes.ts";
import { columnPages, frontPage, newestFirst, relatedSections, type ColumnPage, type FrontPage, type Section } from "./listings.ts";
import { articleHead, type ArticleHead } from "./seo.ts";
import { markUntranslated, oneLanguageOf, type PageBlock } from "./untranslated.ts";
import { absoluteUrl } from "./urls.ts";

/** What a feature adds to a page: its own partial in `_includes/` and the data it draws. */
export interface PagePart {
  template: string;
  data: Record<string, unknown>;
}

export interface ArticlePage extends Article {
  blocks: PageBlock[];
  /** The one language of an article with no paragraph of text in the other: the page then
   *  reads as one column, not as the left or right half of a bilingual one. */
  oneLanguage?: Lang;
  /** Absolute, percent-encoded URL: site URL + path prefix + permalink. */
  canonicalUrl: string;
  related: Section[];
  /** Dated after the build's `now`: only previews and `--future` builds show it. */
  scheduled: boolean;
  head: ArticleHead;
  /** The lead image with its HTML, as `paragraphs` have theirs: an <img>, which an extension
   *  may make more of (a responsive <picture>). */
  image?: NonNullable<Article["image"]> & { html: string };
  /** What extensions add to the article's header, under the byline, in their order. */
  headerParts: PagePart[];
  /** The preview's notes of the article's editorial warnings. */
  editorNotes?: EditorNotes;
}

/** The front page, with the page of its lead story: the lead shows its picture as that
 *  page does, after every extension. */
export interface HomePage extends FrontPage {
  leadPage?: ArticlePage;
}

export interface Publication {
  /** Published articles, newest first. */
  articles: ArticlePage[];
  home: HomePage;
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
  const pageOf = (a: Article): ArticlePage => {
    const canonicalUrl = absoluteUrl(a.url, options);
    const page: ArticlePage = {
      ...a,
      blocks: markUntranslated(a.blocks),
      oneLanguage: oneLanguageOf(a.paragraphs),
      canonicalUrl,
      related: related(a),
      scheduled: isScheduled(a, options.now),
      head: articleHead(a, canonicalUrl, site, options),
      image: a.image && { ...a.image, html: leadImageHtml(a.image) },
      headerParts: [],
    };
    return options.preview ? { ...page, editorNotes: editorNotes(a) } : page;
  };
  const articles = shown.map(pageOf);
  const home = frontPage(sorted, site);
  const lead = home.lead && sorted.find((a) => a.url === home.lead!.url);
  return {
    articles,
    // A preview's render of changed articles may not hold the lead's page: it gets its own.
    home: lead ? { ...home, leadPage: articles.find((p) => p.url === lead.url) ?? pageOf(lead) } : home,
    columnPages: changed ? pages.filter((p) => p.teasers.some((t) => urls.has(t.url))) : pages,
  };
}

/** The lead image as an <img>: above the fold, so the browser fetches it first. */
function leadImageHtml(image: NonNullable<Article["image"]>): string {
  return `<img src="${escapeHtml(image.src)}" alt="${escapeHtml(image.alt)}" fetchpriority="high">`;
}

/**
 * The last publication assembled, with what it was made from. A build loads it to check the
 * articles and to index them, then Eleventy asks for it again: when no article changed and
 * the options are the same, so is the answer. "No article changed" is the parse cache
 * handing back the same objects, which it does only while all a parse was made from holds
 * (the file, the folder defaults, the columns, the images it found: load-articles.ts).
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

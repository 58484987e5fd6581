// One Atom feed per language. Readers of the English feed get each article's English
// paragraphs, readers of the Chinese feed its Chinese ones; an article with no text in a
// language falls back to all its paragraphs rather than arrive empty.

import type { Lang } from "../../config/languages.ts";
import type { SiteConfig } from "../../config/site.ts";
import { beijingIso } from "../../model/dates.ts";
import type { ArticlePage } from "../../site/publication.ts";

/** Feed readers poll; the latest entries are what they need, not the whole archive. */
export const FEED_ENTRIES = 50;

export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  published: string;
  summary?: string;
  /** Rendered paragraphs, links relative to the site root; the template makes them absolute. */
  html: string;
}

/** Where each language's feed lives, for the feeds and for every page's <link rel="alternate">. */
export const FEED_PATHS: Record<Lang, string> = { en: "/feed.xml", zh: "/zh/feed.xml" };

export interface Feed {
  lang: Lang;
  /** Site path of the feed itself. */
  path: string;
  /** Site path of the page the feed belongs to. */
  home: string;
  title: string;
  subtitle: string;
  updated: string;
  entries: FeedEntry[];
}

function entryTitle(article: ArticlePage, lang: Lang): string {
  const own = article.title[lang];
  if (own) return own;
  const other = (article.title.en ?? article.title.zh)!;
  return article.kicker ? `${article.kicker}丨${other}` : other;
}

// Site paths in our own HTML: href="/…", src="/…" and the candidates of a srcset.
const SITE_PATH_ATTRIBUTE = /\b(href|src)="\/(?!\/)/g;
const SRCSET = /\bsrcset="([^"]*)"/g;

/**
 * Site paths made relative to the site root ("/news/a/" -> "news/a/"), so that resolving them
 * against the site URL with its path prefix keeps the prefix. The feed plugin's
 * htmlToAbsoluteUrls resolves "/news/a/" against the host alone and would drop "/qiao/".
 */
export function relativeToSiteRoot(html: string): string {
  return html
    .replace(SITE_PATH_ATTRIBUTE, '$1="')
    .replace(SRCSET, (_, list: string) => `srcset="${list.replace(/(^|,\s*)\/(?!\/)/g, "$1")}"`);
}

function entry(article: ArticlePage, lang: Lang): FeedEntry {
  const own = article.paragraphs.filter((p) => p.lang === lang);
  return {
    id: article.canonicalUrl,
    url: article.url,
    title: entryTitle(article, lang),
    published: beijingIso(article.date),
    summary: article.summary?.[lang],
    html: relativeToSiteRoot((own.length ? own : article.paragraphs).map((p) => p.html).join("")),
  };
}

/** The English feed at /feed.xml and the Chinese one at /zh/feed.xml; `newest` is sorted. */
export function feeds(newest: readonly ArticlePage[], site: SiteConfig): Feed[] {
  const latest = newest.slice(0, FEED_ENTRIES);
  const make = (lang: Lang): Feed => ({
    lang,
    path: FEED_PATHS[lang],
    home: "/",
    title: site.title[lang],
    subtitle: site.description[lang],
    updated: latest[0] ? beijingIso(latest[0].date) : "2000-01-01T00:00:00+08:00",
    entries: latest.map((a) => entry(a, lang)),
  });
  return [make("en"), make("zh")];
}

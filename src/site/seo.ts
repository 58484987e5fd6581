// What search engines, link previews and the page's <head> say of an article: its
// description, JSON-LD NewsArticle and Open Graph facts, made once per article.

import type { BuildOptions } from "../config/build-options.ts";
import { HTML_LANG } from "../config/languages.ts";
import type { SiteConfig } from "../config/site.ts";
import type { Article } from "../model/article.ts";
import { beijingDisplay, beijingIso } from "../model/dates.ts";
import { plainText } from "../model/html-text.ts";
import { htmlLangOf } from "../model/lang.ts";
import { jsonForScript } from "./json-script.ts";
import { absoluteAssetUrl, absoluteUrl } from "./urls.ts";

type UrlOptions = Pick<BuildOptions, "siteUrl" | "pathPrefix">;

export interface ArticleHead {
  /** The <title> and og:title: the English headline, else the Chinese one. */
  title: string;
  description: string;
  /** JSON-LD NewsArticle, ready for a <script type="application/ld+json">. */
  jsonLd: string;
  /** ISO 8601 in Beijing time, and as the channel prints it. */
  published: string;
  publishedDisplay: string;
  /** The lead image as an absolute URL, for og:image. */
  image?: string;
  /** The `lang` of the one-line fields whose language is not given. */
  lang: { kicker?: string; source: string; credits?: string };
}

/** schema.org NewsArticle; inLanguage lists both languages when the article has both. */
export function newsArticle(article: Article, canonicalUrl: string, site: SiteConfig, options: UrlOptions): Record<string, unknown> {
  const languages = new Set(article.paragraphs.map((p) => HTML_LANG[p.lang]));
  if (article.title.zh) languages.add(HTML_LANG.zh);
  if (article.title.en) languages.add(HTML_LANG.en);
  const inLanguage = [...languages].sort();
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title.en ?? article.title.zh,
    ...(article.title.en && article.title.zh ? { alternativeHeadline: article.title.zh } : {}),
    datePublished: beijingIso(article.date),
    inLanguage: inLanguage.length === 1 ? inLanguage[0] : inLanguage,
    mainEntityOfPage: canonicalUrl,
    url: canonicalUrl,
    ...(article.image ? { image: [absoluteAssetUrl(article.image.src, options)] } : {}),
    ...(article.kicker ? { articleSection: article.kicker } : {}),
    ...(article.credits ? { creditText: article.credits } : {}),
    publisher: { "@type": "Organization", name: site.publisher.en, alternateName: site.publisher.zh, url: absoluteUrl("/", options) },
  };
}

/** The page description: the summary, else the start of the first paragraph of text (else
 *  of the first paragraph, when the article has no text but a subhead or a caption). */
export function describeArticle(article: Pick<Article, "summary" | "paragraphs">): string {
  const summary = [article.summary?.en, article.summary?.zh].filter(Boolean).join(" ");
  if (summary) return summary;
  const opening = article.paragraphs.find((p) => p.kind === "text") ?? article.paragraphs[0];
  const first = plainText(opening?.html ?? "");
  return first.length > 160 ? `${first.slice(0, 157)}…` : first;
}

export function articleHead(article: Article, canonicalUrl: string, site: SiteConfig, options: UrlOptions): ArticleHead {
  return {
    title: (article.title.en ?? article.title.zh)!,
    description: describeArticle(article),
    jsonLd: jsonForScript(newsArticle(article, canonicalUrl, site, options)),
    published: beijingIso(article.date),
    publishedDisplay: beijingDisplay(article.date),
    ...(article.image ? { image: absoluteAssetUrl(article.image.src, options) } : {}),
    lang: {
      ...(article.kicker ? { kicker: htmlLangOf(article.kicker) } : {}),
      source: htmlLangOf(article.source),
      ...(article.credits ? { credits: htmlLangOf(article.credits) } : {}),
    },
  };
}

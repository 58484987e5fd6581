// What search engines and link previews read: JSON-LD NewsArticle for articles.

import type { BuildOptions } from "../config/build-options.ts";
import { HTML_LANG } from "../config/languages.ts";
import type { SiteConfig } from "../config/site.ts";
import { beijingIso } from "../model/dates.ts";
import { plainText } from "../model/html-text.ts";
import type { ArticlePage } from "./publication.ts";
import { absoluteAssetUrl, absoluteUrl } from "./urls.ts";

type UrlOptions = Pick<BuildOptions, "siteUrl" | "pathPrefix">;

/** schema.org NewsArticle; inLanguage lists both languages when the article has both. */
export function newsArticle(article: ArticlePage, site: SiteConfig, options: UrlOptions): Record<string, unknown> {
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
    mainEntityOfPage: article.canonicalUrl,
    url: article.canonicalUrl,
    ...(article.image ? { image: [absoluteAssetUrl(article.image.src, options)] } : {}),
    ...(article.kicker ? { articleSection: article.kicker } : {}),
    ...(article.credits ? { creditText: article.credits } : {}),
    publisher: { "@type": "Organization", name: site.publisher.en, alternateName: site.publisher.zh, url: absoluteUrl("/", options) },
  };
}

/** The page description: the summary, else the start of the first paragraph. */
export function describeArticle(article: ArticlePage): string {
  const summary = [article.summary?.en, article.summary?.zh].filter(Boolean).join(" ");
  if (summary) return summary;
  const first = plainText(article.paragraphs[0]?.html ?? "");
  return first.length > 160 ? `${first.slice(0, 157)}…` : first;
}

// What the search indexes hold, made from the content model rather than by re-reading HTML
// (metadata is for showing; assets/search-query.js gives it no weight in ranking):
// one English and one Chinese record per article, with the same URL, so the browser can
// group hits by article. The Chinese record holds only Chinese text (Pagefind segments it),
// the English one English text plus the pinyin of the headline and kicker, so "xianxue"
// finds 献血.

import { pinyin } from "pinyin-pro";
import type { ArticlePage } from "./content.ts";
import { htmlLangOf } from "./lang.ts";
import { beijingDay, beijingIso, beijingYear } from "./dates.ts";
import type { SiteConfig } from "./site.ts";

/** One code for Chinese everywhere: index, merge and query. */
export const SEARCH_LANGUAGES = { en: "en", zh: "zh-cn" } as const;

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  sort: Record<string, string>;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** Rendered paragraph HTML as plain text (the index must not hold tags). */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
    .replace(/\s+/g, " ")
    .trim();
}

const words = new Intl.Segmenter("zh", { granularity: "word" });

/** "郑州献血" -> "zheng zhou xian xue zhengzhou xianxue": syllables, then each word joined. */
export function pinyinOf(text: string): string {
  const hanWords = [...words.segment(text)].map((s) => s.segment).filter((w) => /\p{Script=Han}/u.test(w));
  if (!hanWords.length) return "";
  const syllables = hanWords.map((w) => pinyin(w, { toneType: "none", type: "array" }));
  return [...syllables.flat(), ...syllables.map((s) => s.join(""))].join(" ");
}

export function searchRecords(article: ArticlePage, site: SiteConfig): SearchRecord[] {
  const column = site.columns[article.column]!;
  const shared = {
    url: article.url,
    meta: {
      title: article.title.en ?? article.title.zh!,
      // Each headline with its language known, so the page marks it with the right lang.
      ...(article.title.en ? { title_en: article.title.en } : {}),
      ...(article.title.zh ? { title_zh: article.title.zh } : {}),
      ...(article.kicker ? { kicker: article.kicker, kicker_lang: htmlLangOf(article.kicker) } : {}),
      column: column.en,
      column_zh: column.zh,
      // Filters are applied in the browser from these two: Pagefind's own filter indexes
      // come out different on every build (upstream issue #638), and deploys upload only
      // what changed.
      column_key: article.column,
      year: beijingYear(article.date),
      date: beijingDay(article.date),
      ...(article.image ? { image: article.image.src, image_alt: article.image.alt } : {}),
    },
    sort: { date: beijingIso(article.date) },
  };
  const textIn = (lang: "en" | "zh") =>
    article.paragraphs.filter((p) => p.lang === lang).map((p) => plainText(p.html));

  const english = [article.title.en, article.kicker, ...textIn("en"), pinyinOf(`${article.title.zh ?? ""} ${article.kicker ?? ""}`)];
  const chinese = [article.title.zh, ...textIn("zh"), article.credits];
  // meta.lang tells the browser which language a hit matched in, to show that excerpt.
  return [
    { ...shared, meta: { ...shared.meta, lang: "en" }, language: SEARCH_LANGUAGES.en, content: english.filter(Boolean).join("\n") },
    { ...shared, meta: { ...shared.meta, lang: "zh" }, language: SEARCH_LANGUAGES.zh, content: chinese.filter(Boolean).join("\n") },
  ].filter((r) => r.content.trim() !== "");
}

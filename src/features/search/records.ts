// What the search indexes hold, made from the content model rather than by re-reading HTML
// (metadata is for showing; assets/search-query.js gives it no weight in ranking):
// one English and one Chinese record per article, with the same URL, so the browser can
// group hits by article. The Chinese record holds the Chinese text (Pagefind segments it)
// and every Han run of the English text, so a query in Chinese alone needs only the Chinese
// index; the English one holds the English text, every Latin run of the Chinese text, and
// the pinyin of the headline and kicker, so "xianxue" finds 献血.
//
// Every metadata field is indexed, stored in each result fragment and fetched with every
// hit a reader sees, so records carry only what the results page cannot work out itself:
// column names come from the page, the year from the date. No Pagefind sort either: the
// page ranks by relevance, and a sort is a cost every first query pays per article.

import { pinyin } from "pinyin-pro";
import { LANGS, SEARCH_LANG, type Lang } from "../../config/languages.ts";
import type { Article } from "../../model/article.ts";
import { beijingDay } from "../../model/dates.ts";
import { plainText } from "../../model/html-text.ts";
import { htmlLangOf } from "../../model/lang.ts";

/** What indexing reads of an article (all of it crosses to the indexing thread). */
export type SearchableArticle = Pick<Article, "url" | "title" | "kicker" | "column" | "date" | "credits"> & {
  paragraphs: Pick<Article["paragraphs"][number], "lang" | "html">[];
};

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
}

const words = new Intl.Segmenter("zh", { granularity: "word" });

/** "郑州献血" -> "zheng zhou xian xue zhengzhou xianxue": syllables, then each word joined. */
export function pinyinOf(text: string): string {
  const hanWords = [...words.segment(text)].map((s) => s.segment).filter((w) => /\p{Script=Han}/u.test(w));
  if (!hanWords.length) return "";
  const syllables = hanWords.map((w) => pinyin(w, { toneType: "none", type: "array" }));
  return [...syllables.flat(), ...syllables.map((s) => s.join(""))].join(" ");
}

const HAN_RUN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]*\p{Script=Han}[\p{Script=Han}\u3000-\u303f\uff00-\uffef]*/gu;
const LATIN_RUN = /[\p{Script=Latin}0-9]+(?:[ .'&-]+[\p{Script=Latin}0-9]+)*/gu;
const LATIN = /\p{Script=Latin}/u;

/** The Chinese inside English text ("the 郑州之窗 portal" -> "郑州之窗"), one run a line. */
export function hanRuns(text: string): string[] {
  return text.match(HAN_RUN) ?? [];
}

/** The English inside Chinese text ("开通5G网络和APP服务" -> "5G", "APP"): runs with a letter. */
export function latinRuns(text: string): string[] {
  return (text.match(LATIN_RUN) ?? []).filter((run) => LATIN.test(run));
}

/** An article's record in one language's index, or none when it has no text there. */
export function searchRecord(article: SearchableArticle, lang: Lang): SearchRecord | undefined {
  const meta = {
    // Each headline with its language known, so the page marks it with the right lang.
    ...(article.title.en ? { title_en: article.title.en } : {}),
    ...(article.title.zh ? { title_zh: article.title.zh } : {}),
    ...(article.kicker ? { kicker: article.kicker, kicker_lang: htmlLangOf(article.kicker) } : {}),
    // Filters are applied in the browser from these two: Pagefind's own filter indexes
    // come out different on every build (upstream issue #638), and deploys upload only
    // what changed.
    column_key: article.column,
    date: beijingDay(article.date),
    // Which language a hit matched in, to show that excerpt.
    lang,
  };
  const textIn = (language: Lang) =>
    article.paragraphs.filter((p) => p.lang === language).map((p) => plainText(p.html));

  // Each record also takes the other script's runs from the other language's text, so a
  // query in one script finds all of an article from one index (assets/search-query.js).
  const present = (texts: (string | undefined)[]) => texts.filter((t): t is string => Boolean(t));
  const englishText = present([article.title.en, article.kicker, ...textIn("en")]);
  const chineseText = present([article.title.zh, ...textIn("zh"), article.credits]);
  const content =
    lang === "en"
      ? [...englishText, ...chineseText.flatMap(latinRuns), pinyinOf(`${article.title.zh ?? ""} ${article.kicker ?? ""}`)]
      : [...chineseText, ...englishText.flatMap(hanRuns)];
  const text = content.filter(Boolean).join("\n");
  return text.trim() === "" ? undefined : { url: article.url, meta, language: SEARCH_LANG[lang], content: text };
}

export function searchRecords(article: SearchableArticle): SearchRecord[] {
  return LANGS.flatMap((lang) => searchRecord(article, lang) ?? []);
}

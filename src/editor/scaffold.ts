// The text of a new article: every field an editor needs, the optional ones commented out,
// and `draft: true` so a half-written article cannot reach readers.

import { stringify } from "yaml";
import { beijingDay, beijingTimestamp } from "../model/dates.ts";
import { slugify } from "../model/slug.ts";

export interface NewArticle {
  title: { en?: string; zh?: string };
  column: string;
  kicker?: string;
  now: Date;
}

/** One `key: value` line, quoted by YAML's rules, never by hand. */
function line(key: string, value: unknown): string {
  return stringify({ [key]: value }, { lineWidth: 0 }).trimEnd();
}

export function scaffoldArticle(input: NewArticle): string {
  const placeholders = { en: "English headline", zh: "中文标题" };
  const titleLines = (["en", "zh"] as const).map((lang) => {
    const value = input.title[lang];
    return value ? `  ${line(lang, value)}` : `#  ${lang}: ${placeholders[lang]}`;
  });
  return [
    "---",
    "title:",
    ...titleLines,
    input.kicker ? line("kicker", input.kicker) : "# kicker: Zheng Energy",
    line("column", input.column),
    `date: ${beijingTimestamp(input.now)}`,
    "# source: 郑州之窗            # the default comes from articles/articles.json",
    "# credits: (记者 … /文 … /图)",
    "tags: []",
    "# summary:",
    "#   en: One sentence for lists, feeds and search results.",
    "#   zh: 一句话摘要。",
    "# image:",
    "#   src: /assets/images/photo.jpg",
    "#   alt: What the photo shows",
    "#   caption: Optional caption",
    "draft: true                    # delete this line to publish",
    "---",
    "",
    "Write the first English paragraph here.",
    "",
    "在这里写它的中文翻译。",
    "",
  ].join("\n");
}

/** `2026-11-23-english-headline`: an article's file name by its Beijing day and headline. */
export function articleBaseName(title: NewArticle["title"], date: Date): string {
  return `${beijingDay(date)}-${slugify(title.en ?? title.zh ?? "") || "article"}`;
}

/** `2026-11-23-english-headline.md`; the first free name wins (`-2`, `-3`... after it). */
export function articleFileName(title: NewArticle["title"], now: Date, taken: (name: string) => boolean): string {
  const base = articleBaseName(title, now);
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.md` : `${base}-${n}.md`;
    if (!taken(name)) return name;
  }
}

// The article file as Decap reads and writes it (`CMS.registerCustomFormat`): the pair
// editor's draft (src/editor/pairs/article-draft.ts) both ways, so that an article saved
// unchanged keeps its bytes and an edit rewrites only its own lines. The draft keeps the file
// as it was read (`original`); Decap carries it along in the entry's data like any value.

import { readArticleFile, writeArticleFile, type ArticleDraft } from "../pairs/article-draft.ts";
import { FILE_NAME_KEY } from "./config.ts";

/** What Decap holds for an entry: the draft's fields as its widgets left them. A new
 *  article has only what the editor filled in. */
export type EntryData = Partial<ArticleDraft> & { [FILE_NAME_KEY]?: string };

export function fromFile(text: string): EntryData {
  return readArticleFile(text);
}

/** The draft an entry's data stands for: what a new article has not filled in is empty. */
export function draftOf(data: EntryData): ArticleDraft {
  return {
    ...data,
    title: data.title ?? {},
    column: data.column ?? "",
    date: data.date ?? "",
    tags: data.tags ?? [],
    draft: data.draft ?? false,
    body: data.body ?? "",
  };
}

export function toFile(data: EntryData): string {
  return writeArticleFile(draftOf(data));
}

// The three changes a newsroom makes between two builds, one story at a time, applied to the
// bench project's archive in order: a new story dated just before the build's `now`, a
// story of the archive edited (a paragraph pair added near its top), and another deleted.
// The bench builds after each with the cache kept, as CI keeps `.cache/`.

import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { syntheticArticle, syntheticPair } from "./synthetic-corpus.ts";

/** A change's key in bench-results/. */
export type StoryKey = "added" | "edited" | "deleted";

export interface StoryChange {
  /** As the bench prints it. */
  label: string;
  key: StoryKey;
  /** Makes the change in the articles folder of the archive of `articles` articles. */
  apply(articlesDir: string): void;
}

export function oneStoryChanges(articles: number, columns: readonly string[], now: Date): StoryChange[] {
  const fileOf = (index: number) => syntheticArticle(index, columns).fileName;
  return [
    {
      label: "one new article, cache kept",
      key: "added",
      apply(dir) {
        const { fileName, text } = syntheticArticle(articles, columns, { date: new Date(now.getTime() - 3_600_000) });
        writeFileSync(path.join(dir, fileName), text);
      },
    },
    {
      label: "one edited article, cache kept",
      key: "edited",
      apply(dir) {
        const file = path.join(dir, fileOf(Math.floor(articles / 2)));
        writeFileSync(file, readFileSync(file, "utf8").replace(/\n---\n\n/, `\n---\n\n${syntheticPair(articles)}\n\n`));
      },
    },
    {
      label: "one deleted article, cache kept",
      key: "deleted",
      apply(dir) {
        rmSync(path.join(dir, fileOf(Math.floor(articles / 3))));
      },
    },
  ];
}

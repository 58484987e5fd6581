// What `npm run check` prints: every problem as file:line:col, in file order, then a summary
// with the drafts and the articles scheduled for later.

import { isScheduled } from "../model/article.ts";
import { beijingDisplay } from "../model/dates.ts";
import type { LoadResult } from "../model/load-articles.ts";
import { formatProblem } from "../model/problems.ts";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function checkReport({ articles, problems }: LoadResult, dir: string, now: Date): { lines: string[]; failed: boolean } {
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
  const count = (severity: string) => problems.filter((p) => p.severity === severity).length;
  // A problem with the folder itself is not an article.
  const files = new Set([...articles.map((a) => a.file), ...problems.filter((p) => p.line > 0).map((p) => p.file)]).size;
  const drafts = articles.filter((a) => a.draft).length;
  const notes = [
    drafts ? `${plural(drafts, "draft")} (not published)` : "",
    ...articles.filter((a) => isScheduled(a, now)).map((a) => `${a.file} is scheduled for ${beijingDisplay(a.date)} Beijing time`),
  ].filter(Boolean);
  return {
    lines: [
      ...sorted.map(formatProblem),
      `\nChecked ${plural(files, "article")} in ${dir}/: ${plural(count("error"), "error")}, ${plural(count("warning"), "warning")}.`,
      ...notes.map((note) => `  ${note}`),
    ],
    failed: count("error") > 0,
  };
}

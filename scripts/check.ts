// npm run check [-- DIR]: validate every article, print each problem as file:line:col,
// then a summary. Exit 1 when any article has an error; warnings alone pass.

import site from "../_data/site.ts";
import { buildOptionsFromEnv } from "../src/build-options.ts";
import { isScheduled } from "../src/content.ts";
import { beijingDisplay } from "../src/dates.ts";
import { loadArticles } from "../src/load-articles.ts";
import { formatProblem } from "../src/problems.ts";

const options = buildOptionsFromEnv({ ...process.env, QIAO_ENV: "development" }, site.url);
const dir = process.argv[2] ?? options.articlesDir;
const { articles, problems } = await loadArticles(dir, site.columns);

const sorted = [...problems].sort(
  (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col,
);
for (const problem of sorted) console.log(formatProblem(problem));

const count = (severity: string) => problems.filter((p) => p.severity === severity).length;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const files = new Set([...articles.map((a) => a.file), ...problems.map((p) => p.file)]).size;
const drafts = articles.filter((a) => a.draft).length;
const scheduled = articles.filter((a) => isScheduled(a, options.now));
const notes = [
  drafts ? `${plural(drafts, "draft")} (not published)` : "",
  ...scheduled.map((a) => `${a.file} is scheduled for ${beijingDisplay(a.date)} Beijing time`),
].filter(Boolean);

console.log(
  `\nChecked ${plural(files, "article")} in ${dir}/: ${plural(count("error"), "error")}, ${plural(count("warning"), "warning")}.`,
);
for (const note of notes) console.log(`  ${note}`);
process.exitCode = count("error") > 0 ? 1 : 0;

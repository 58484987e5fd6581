// Reads the article folder: every `*.md` file below it, parsed and checked, plus the checks
// that need all articles at once (two files claiming one URL).

import { existsSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import type { Column } from "../config/site.ts";
import { parseArticle, type Article } from "./article.ts";
import { hasErrors, type Problem } from "./problems.ts";
import { decodeUtf8, invalidUtf8Message } from "./utf8.ts";

/** Per-folder defaults every article inherits, like Eleventy's directory data. */
const DEFAULTS_FILE = "articles.json";

export interface LoadResult {
  articles: Article[];
  problems: Problem[];
}

/** Every article file below `dir`, sub-folders included, in a stable order. */
export async function articleFiles(dir: string): Promise<string[]> {
  return (await glob("**/*.md", { cwd: dir, expandDirectories: false })).map((f) => path.join(dir, f)).sort();
}

/** The folder defaults of `dir` (none when it has no defaults file). */
export async function readDefaults(dir: string): Promise<Record<string, unknown>> {
  const file = path.join(dir, DEFAULTS_FILE);
  const text = await readFile(file, "utf8").catch(() => "{}");
  return JSON.parse(text) as Record<string, unknown>;
}

type Parsed = ReturnType<typeof parseArticle>;

/**
 * Clean parses by file, valid while the file's size and mtime, the folder defaults and the
 * columns are unchanged. A build validates before Eleventy renders and Eleventy then asks
 * again, and `npm start` re-reads the folder on every save: only changed files are parsed.
 * Results with errors are never kept, so a fix (say, adding a missing image) shows at once.
 */
const parseCache = new Map<string, { key: string; parsed: Parsed }>();

/** Loads every article below `dir`; file names in problems are relative to `cwd`. */
export async function loadArticles(dir: string, columns: Record<string, Column>, cwd = process.cwd()): Promise<LoadResult> {
  const defaults = await readDefaults(dir);
  const files = await articleFiles(dir);
  const context = JSON.stringify([defaults, columns]);
  // Synchronous reads on purpose: many small files read one after another beat as many
  // promises queued on libuv's four threads, and parsing is CPU-bound anyway.
  const parse = (file: string): Parsed => {
    const info = statSync(file);
    const key = `${info.size}:${info.mtimeMs}:${context}`;
    const cached = parseCache.get(file);
    if (cached?.key === key) return cached.parsed;
    const name = path.relative(cwd, file);
    const decoded = decodeUtf8(readFileSync(file));
    if ("invalid" in decoded) {
      const { line, col } = decoded.invalid;
      return { problems: [{ file: name, line, col, severity: "error", message: invalidUtf8Message(decoded.invalid) }] };
    }
    const result = parseArticle(decoded.text, name, {
      columns,
      defaults,
      imageExists: (sitePath) => existsSync(path.join(cwd, sitePath)),
    });
    if (!hasErrors(result.problems)) parseCache.set(file, { key, parsed: result });
    return result;
  };
  const parsed = files.map(parse);
  const articles = parsed.flatMap((p) => (p.article ? [p.article] : []));
  const problems = [...parsed.flatMap((p) => p.problems), ...duplicateUrls(articles)];
  return { articles, problems };
}

function duplicateUrls(articles: readonly Article[]): Problem[] {
  const firstByUrl = new Map<string, Article>();
  return articles.flatMap((a) => {
    const first = firstByUrl.get(a.url);
    if (!first) {
      firstByUrl.set(a.url, a);
      return [];
    }
    return [{
      file: a.file,
      line: 1,
      col: 1,
      severity: "error" as const,
      message: `duplicate permalink ${a.url}: ${first.file} has it already; change the slug`,
    }];
  });
}

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
export const DEFAULTS_FILE = "articles.json";

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
 * Clean parses by file, valid while all they were made from holds: the file's size and
 * mtime, the folder defaults, the columns and the folder file names are relative to, and
 * every image the parse found (an image deleted under a long-running preview makes the
 * article wrong without touching its file). A build validates before Eleventy renders and
 * Eleventy then asks again, and `npm start` re-reads the folder on every save: only changed
 * files are parsed. Results with errors are never kept, so a fix (say, adding a missing
 * image) shows at once.
 */
const parseCache = new Map<string, { stamp: string; context: string; images: string[]; parsed: Parsed }>();

/** Each folder's article files as last listed. A caller that knows which files changed (the
 *  preview, told by its watcher) gets the rest from here: walking and stat-ing an archive of
 *  thousands of files on every save would cost more than the save's whole render. */
const listings = new Map<string, string[]>();

/** The listing `files` after `changed` (paths as articleFiles gives them) were written,
 *  added or deleted. */
function listingAfter(files: readonly string[], changed: ReadonlySet<string>): string[] {
  const kept = files.filter((f) => !changed.has(f));
  const present = [...changed].filter((f) => f.endsWith(".md") && existsSync(f) && statSync(f).isFile());
  return [...kept, ...present].sort();
}

/**
 * Loads every article below `dir`; file names in problems are relative to `cwd`. With
 * `changed`, the files below `dir` that changed since the last load (new, edited or
 * deleted), only those are looked at again; the others are as that load found them.
 */
export async function loadArticles(
  dir: string,
  columns: Record<string, Column>,
  cwd = process.cwd(),
  changed?: readonly string[],
): Promise<LoadResult> {
  const defaults = await readDefaults(dir);
  const listed = listings.get(path.resolve(cwd, dir));
  const changedSet = new Set(changed);
  const trusted = changed !== undefined && listed !== undefined;
  const files = trusted ? listingAfter(listed, changedSet) : await articleFiles(dir);
  listings.set(path.resolve(cwd, dir), files);
  const context = JSON.stringify([defaults, columns, path.resolve(cwd)]);
  const imageExists = (sitePath: string) => existsSync(path.join(cwd, sitePath));
  // Synchronous reads on purpose: many small files read one after another beat as many
  // promises queued on libuv's four threads, and parsing is CPU-bound anyway.
  const parse = (file: string): Parsed => {
    const cached = parseCache.get(file);
    if (trusted && !changedSet.has(file) && cached?.context === context) return cached.parsed;
    const info = statSync(file);
    const stamp = `${info.size}:${info.mtimeMs}`;
    if (cached?.stamp === stamp && cached.context === context && cached.images.every(imageExists)) return cached.parsed;
    const name = path.relative(cwd, file);
    const decoded = decodeUtf8(readFileSync(file));
    if ("invalid" in decoded) {
      const { line, col } = decoded.invalid;
      return { problems: [{ file: name, line, col, severity: "error", message: invalidUtf8Message(decoded.invalid) }] };
    }
    const images: string[] = [];
    const result = parseArticle(decoded.text, name, {
      columns,
      defaults,
      imageExists: (sitePath) => {
        images.push(sitePath);
        return imageExists(sitePath);
      },
    });
    if (hasErrors(result.problems)) parseCache.delete(file);
    else parseCache.set(file, { stamp, context, images, parsed: result });
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

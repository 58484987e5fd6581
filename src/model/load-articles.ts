// Reads the article folder: every `*.md` file below it, parsed and checked, plus the checks
// that need all articles at once (two files claiming one URL).

import { existsSync, readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import type { Column } from "../config/site.ts";
import { parseArticle, type Article } from "./article.ts";
import { parseJson } from "../files/json.ts";
import { ContentError, hasErrors, type Problem } from "./problems.ts";
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

/** The folder defaults of `dir` (none when it has no defaults file); a defaults file that is
 *  not a JSON object is a content error at its line and column. */
export async function readDefaults(dir: string): Promise<Record<string, unknown>> {
  const file = path.join(dir, DEFAULTS_FILE);
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return {};
  const parsed = parseJson(text);
  const error = (line: number, col: number, message: string) => new ContentError([{ file, line, col, severity: "error", message }]);
  if ("error" in parsed) throw error(parsed.error.line, parsed.error.col, `not valid JSON: ${parsed.error.message}`);
  const { value } = parsed;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw error(1, 1, 'must be a JSON object of what every article in the folder inherits, such as { "source": "郑州之窗" }');
  }
  return value as Record<string, unknown>;
}

/** Why `dir` cannot be the articles' folder when no article was found below it: a build
 *  from it would publish a site without articles, and a deploy would delete them. */
function emptyFolderProblem(dir: string): Problem {
  const message = !existsSync(dir)
    ? "the articles folder does not exist"
    : statSync(dir).isDirectory()
      ? "the articles folder holds no article (no .md file, sub-folders included)"
      : "the articles folder is not a folder";
  return { file: dir, line: 0, col: 0, severity: "error", message };
}

type Parsed = ReturnType<typeof parseArticle>;

/**
 * Clean parses by file, valid while everything a parse read holds: the file's size and mtime,
 * the folder defaults, the columns, the folder image paths are resolved from, and whether
 * each local image the article names exists (a parse checks that; an image deleted in a
 * long-running preview must make its article fail again). A build validates before Eleventy
 * renders and Eleventy then asks again, and `npm start` re-reads the folder on every save:
 * only changed files are parsed. Results with errors are never kept, so a fix (say, adding a
 * missing image) shows at once.
 */
const parseCache = new Map<string, { stamp: string; context: string; images: ImageLookups; parsed: Parsed }>();

/** The local images a parse looked for, each with whether it was there. */
type ImageLookups = ReadonlyArray<readonly [file: string, found: boolean]>;

const imagesHold = (images: ImageLookups) => images.every(([file, found]) => existsSync(file) === found);

/** Each folder's article files as last listed. A caller that knows which files changed (the
 *  preview, told by its watcher) gets the rest from here: walking and stat-ing an archive of
 *  thousands of files on every save would cost more than the save's whole render. Kept by
 *  the folder as the caller names it, since the paths are in that form: one caller naming it
 *  `/…/articles` and another `articles` would otherwise list an edited file twice. */
const listings = new Map<string, string[]>();
const listingKey = (cwd: string, dir: string) => JSON.stringify([path.resolve(cwd, dir), dir]);

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
  const listed = listings.get(listingKey(cwd, dir));
  const changedSet = new Set(changed);
  const trusted = changed !== undefined && listed !== undefined;
  const files = trusted ? listingAfter(listed, changedSet) : await articleFiles(dir);
  listings.set(listingKey(cwd, dir), files);
  const context = JSON.stringify([defaults, columns, cwd]);
  // Synchronous reads on purpose: many small files read one after another beat as many
  // promises queued on libuv's four threads, and parsing is CPU-bound anyway.
  const parse = (file: string): Parsed => {
    const cached = parseCache.get(file);
    const reusable = cached?.context === context && imagesHold(cached.images);
    if (trusted && !changedSet.has(file) && reusable) return cached.parsed;
    const info = statSync(file);
    const stamp = `${info.size}:${info.mtimeMs}`;
    if (reusable && cached.stamp === stamp) return cached.parsed;
    const name = path.relative(cwd, file);
    const decoded = decodeUtf8(readFileSync(file));
    if ("invalid" in decoded) {
      const { line, col } = decoded.invalid;
      return { problems: [{ file: name, line, col, severity: "error", message: invalidUtf8Message(decoded.invalid) }] };
    }
    const images: Array<[string, boolean]> = [];
    const imageExists = (sitePath: string) => {
      const image = path.join(cwd, sitePath);
      const found = existsSync(image);
      images.push([image, found]);
      return found;
    };
    const result = parseArticle(decoded.text, name, { columns, defaults, imageExists });
    if (hasErrors(result.problems)) parseCache.delete(file);
    else parseCache.set(file, { stamp, context, images, parsed: result });
    return result;
  };
  const parsed = files.map(parse);
  const articles = parsed.flatMap((p) => (p.article ? [p.article] : []));
  const problems = [...(files.length ? [] : [emptyFolderProblem(dir)]), ...parsed.flatMap((p) => p.problems), ...duplicateUrls(articles)];
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
    return [duplicatePermalink(a.file, a.url, first.file)];
  });
}

/** The error for an article whose address `other` has already. */
export function duplicatePermalink(file: string, url: string, other: string): Problem {
  return { file, line: 1, col: 1, severity: "error", message: `duplicate permalink ${url}: ${other} has it already; change the slug` };
}

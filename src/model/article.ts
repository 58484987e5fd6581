// The content model: one article file in, one typed Article out (or the problems that stop
// it). Pure: the caller reads the file, so tests can feed text directly.

import type { Column } from "../config/site.ts";
import { beijingCompactDay, parseBeijingDate } from "./dates.ts";
import { editorialWarnings, type Warning } from "./editorial-warnings.ts";
import { parseFrontMatter, type FrontMatter } from "./front-matter.ts";
import { IMAGE_IN_TEXT, isLocalImage, isRemoteImage } from "./image-paths.ts";
import { figureOf, renderParagraph, type Figure } from "./markdown.ts";
import { pairParagraphs, readParagraphs, type Block, type Paragraph } from "./paragraphs.ts";
import type { Problem } from "./problems.ts";
import { isSlug, slugFromFileName } from "./slug.ts";

/** A paragraph with its HTML; a figure also with its picture, for whatever redraws it. */
export type RenderedParagraph = Paragraph & { html: string; figure?: Figure };

export interface Article extends Omit<FrontMatter, "date" | "slug"> {
  /** Path of the source file, as given to parseArticle (used in messages). */
  file: string;
  slug: string;
  date: Date;
  /** Site path without prefix: /{column}/{YYYYMMDD}/{slug}/ */
  url: string;
  paragraphs: RenderedParagraph[];
  blocks: Block<RenderedParagraph>[];
  /** What an editor should look at before readers do; never stops a build. */
  warnings: Warning[];
}

export interface ParseContext {
  columns: Record<string, Column>;
  /** Values for keys an article leaves out (from articles/articles.json). */
  defaults?: Record<string, unknown>;
  /** Whether a local image (a site path such as /assets/images/a.jpg) exists. */
  imageExists?: (sitePath: string) => boolean;
}

function imageProblem(src: string, exists: (sitePath: string) => boolean): string | undefined {
  if (isRemoteImage(src)) return undefined;
  if (!isLocalImage(src)) return `image "${src}" must be a path under /assets/ (such as /assets/images/photo.jpg) or an http(s) URL`;
  return exists(src) ? undefined : `image file missing: ${src} (looked for ${src.slice(1)})`;
}

/** The file line where the body starts. */
function bodyFirstLine(text: string, body: string): number {
  const before = text.slice(0, text.length - body.length);
  return before.split("\n").length;
}

const OPENING = /^---(?:\r\n|\r|\n)/;
const CLOSING = /(?:\r\n|\r|\n)---/g;

/**
 * An article's text (without its byte order mark) cut into the YAML of its front matter and
 * its body, with the text's own line ends; undefined when it does not open with a `---` line.
 * The cut is gray-matter's: the front matter ends at the next line that starts with `---`,
 * and the body begins after that line's end. Pure string work, so the browser editor cuts a
 * file exactly as `npm run check` does.
 */
export function splitFrontMatter(text: string): { yaml: string; body: string } | undefined {
  const opening = OPENING.exec(text);
  if (!opening) return undefined;
  CLOSING.lastIndex = 3;
  const closing = CLOSING.exec(text);
  if (!closing) return { yaml: text.slice(opening[0].length), body: "" };
  return { yaml: text.slice(opening[0].length, closing.index), body: text.slice(CLOSING.lastIndex).replace(/^\r?\n?/, "") };
}

/** Dated after `now`: a production build leaves it out until a build runs after that time. */
export function isScheduled(article: Pick<Article, "date">, now: Date): boolean {
  return article.date.getTime() > now.getTime();
}

export function parseArticle(
  text: string,
  file: string,
  context: ParseContext,
): { article?: Article; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (line: number, col: number, message: string, severity: Problem["severity"] = "error") =>
    problems.push({ file, line, col, severity, message });

  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const split = splitFrontMatter(source);
  if (!split) {
    report(1, 1, "an article starts with front matter between two --- lines");
    return { problems };
  }
  const { data: front, problems: frontProblems, lineOf } = parseFrontMatter(split.yaml, 2, context.defaults);
  for (const p of frontProblems) report(p.line, p.col, p.message);

  const firstLine = bodyFirstLine(source, split.body);
  const { paragraphs, problems: directiveProblems } = readParagraphs(split.body, firstLine);
  for (const p of directiveProblems) report(p.line, p.col, p.message);
  if (paragraphs.length === 0) report(firstLine, 1, "the article has no body: write at least one paragraph");

  const exists = context.imageExists;
  if (exists) {
    for (const p of paragraphs) {
      for (const [, src] of p.text.matchAll(IMAGE_IN_TEXT)) {
        const message = imageProblem(src!, exists);
        if (message) report(p.line, 1, message);
      }
    }
    const lead = front?.image && imageProblem(front.image.src, exists);
    if (lead) report(lineOf("image"), 1, lead);
  }

  if (!front) return { problems };
  if (!(front.column in context.columns)) {
    report(lineOf("column"), 1, `unknown column "${front.column}": use one of ${Object.keys(context.columns).join(", ")}`);
  }
  const date = parseBeijingDate(front.date);
  if (!(date instanceof Date)) report(lineOf("date"), 1, `"date" ${date.error}`);
  const slug = front.slug ?? slugFromFileName(file.split(/[\\/]/).pop()!);
  if (!front.slug && !isSlug(slug)) {
    report(1, 1, `the file name gives the slug "${slug}", which is not letters, digits and hyphens: rename the file or set "slug"`);
  }
  if (problems.some((p) => p.severity === "error") || !(date instanceof Date)) return { problems };

  const rendered = paragraphs.map((p): RenderedParagraph => {
    const html = renderParagraph(p);
    const figure = p.kind === "figure" ? figureOf(p.text) : null;
    return figure ? { ...p, html, figure } : { ...p, html };
  });
  const blocks = pairParagraphs(rendered);
  const warnings = editorialWarnings(front, paragraphs, blocks, lineOf("title"));
  for (const w of warnings) report(w.line, 1, w.message, "warning");
  return {
    article: {
      ...front,
      file,
      slug,
      date,
      url: `/${front.column}/${beijingCompactDay(date)}/${slug}/`,
      paragraphs: rendered,
      blocks,
      warnings,
    },
    problems,
  };
}

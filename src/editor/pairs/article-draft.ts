// The article file as the CMS edits it: every front-matter field as a typed value, the body
// as its Markdown text, and the file as it was read. Writing a draft back changes only what
// was edited: an unchanged draft gives the same bytes, a changed field rewrites only its own
// value or lines (yaml-edit.ts), and the body is written as the pair editor left it.

import { FRONT_MATTER_KEYS } from "../../model/front-matter.ts";
import { splitFrontMatter } from "../../model/article.ts";
import { beijingTimestamp, parseBeijingDate } from "../../model/dates.ts";
import { editYaml, FrontMatterError, parseYaml, isBlockMapAt, type YamlEdit } from "./yaml-edit.ts";

export { FrontMatterError };

export interface Bilingual {
  en?: string;
  zh?: string;
}

export interface LeadImage {
  src: string;
  alt: string;
  caption?: string;
}

/**
 * One article, as the CMS's form shows it. Optional text left blank ("") counts as absent,
 * as do `draft: false` and no tags: writing one removes its key from the file.
 */
export interface ArticleDraft {
  title: Bilingual;
  kicker?: string;
  column: string;
  /** Beijing time as editors write it, "2025-02-12 22:15:00"; a date the model cannot read
   *  is kept as it was written, for the check to point at. */
  date: string;
  /** Absent: the folder's default (articles/articles.json). */
  source?: string;
  credits?: string;
  tags: string[];
  summary?: Bilingual;
  image?: LeadImage;
  draft: boolean;
  slug?: string;
  /** The body's Markdown exactly as in the file, line ends included (see rows.ts). */
  body: string;
  /** The file as it was read; absent for a new article. Lets writeArticleFile keep every
   *  byte nobody changed: comments, unknown keys, quoting, key order, CRLF, a BOM. */
  original?: string;
}

/** The front-matter fields, in the order a new key takes among the others. */
type Fields = Omit<ArticleDraft, "body" | "original">;
const FIELDS = FRONT_MATTER_KEYS as ReadonlyArray<keyof Fields>;
/** The keys of the front matter ("") and of each of its maps: what a field can edit. */
export const SUB_KEYS: Record<string, readonly string[]> = { "": FRONT_MATTER_KEYS, title: ["en", "zh"], summary: ["en", "zh"], image: ["src", "alt", "caption"] };

/** A file's parts: what comes before the front matter's YAML (a BOM, the opening `---`), the
 *  YAML (each line with its line end), the closing `---` line, and the body. */
interface FileParts {
  head: string;
  yaml: string;
  closing: string;
  body: string;
  eol: string;
  hasFrontMatter: boolean;
}

function fileParts(text: string): FileParts {
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const rest = text.slice(bom.length);
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? "\n";
  const split = splitFrontMatter(rest);
  if (!split) return { head: bom, yaml: "", closing: "", body: rest, eol, hasFrontMatter: false };
  const open = /^---(?:\r\n|\r|\n)/.exec(rest)![0].length;
  // The model ends the YAML before the line end of its last line; here that line end stays
  // with the YAML, so that a line added at its end has one.
  const after = open + split.yaml.length;
  const yamlEnd = after + (/^(\r\n|\r|\n)---/.exec(rest.slice(after))?.[1]!.length ?? 0);
  const bodyStart = rest.length - split.body.length;
  return { head: bom + rest.slice(0, open), yaml: rest.slice(open, yamlEnd), closing: rest.slice(yamlEnd, bodyStart), body: split.body, eol, hasFrontMatter: true };
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;

const record = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

function bilingual(value: unknown): Bilingual | undefined {
  const map = record(value);
  return map ? { en: text(map.en), zh: text(map.zh) } : undefined;
}

/** "2021-01-05" and "2021-01-05T01:49:56Z" as "2021-01-05 00:00:00" and "2021-01-05 09:49:56". */
export function beijingDateField(value: string): string {
  const date = parseBeijingDate(value);
  return date instanceof Date ? beijingTimestamp(date) : value;
}

/** The fields of front matter as read (unnormalised: blank strings kept). */
function fieldsOf(yaml: string): Fields {
  const doc = parseYaml(yaml);
  let data: Record<string, unknown> = {};
  if (!doc.errors.length) data = record(doc.toJS()) ?? {};
  const image = record(data.image);
  return {
    title: bilingual(data.title) ?? {},
    kicker: text(data.kicker),
    column: text(data.column) ?? "",
    date: beijingDateField(text(data.date) ?? ""),
    source: text(data.source),
    credits: text(data.credits),
    tags: Array.isArray(data.tags) ? data.tags.map(text).filter((t) => t !== undefined) : [],
    summary: bilingual(data.summary),
    image: image ? { src: text(image.src) ?? "", alt: text(image.alt) ?? "", caption: text(image.caption) } : undefined,
    draft: data.draft === true,
    slug: text(data.slug),
  };
}

// A CMS form leaves an emptied field as "" or null: either is no value.
const filled = (value: string | null | undefined): string | undefined => (typeof value === "string" && value.trim() !== "" ? value : undefined);

function filledBilingual(value: Bilingual | null | undefined): Bilingual | undefined {
  const en = filled(value?.en);
  const zh = filled(value?.zh);
  return en === undefined && zh === undefined ? undefined : { ...(en !== undefined && { en }), ...(zh !== undefined && { zh }) };
}

/**
 * Each field as it will be written, or undefined where the key goes: blank text, an empty
 * headline or summary, no tags, `draft: false`. A date the model reads is written as
 * "YYYY-MM-DD HH:MM:SS", Beijing time.
 */
function writtenFields(fields: Fields): Record<keyof Fields, unknown> {
  const image = fields.image;
  const imageSrc = filled(image?.src);
  const imageAlt = filled(image?.alt);
  const imageCaption = filled(image?.caption);
  const tags = (fields.tags ?? []).filter((tag) => filled(tag) !== undefined);
  return {
    title: filledBilingual(fields.title),
    kicker: filled(fields.kicker),
    column: filled(fields.column),
    date: filled(fields.date) && beijingDateField(fields.date.trim()),
    source: filled(fields.source),
    credits: filled(fields.credits),
    tags: tags.length ? tags : undefined,
    summary: filledBilingual(fields.summary),
    image:
      imageSrc === undefined && imageAlt === undefined && imageCaption === undefined
        ? undefined
        : { ...(imageSrc !== undefined && { src: imageSrc }), ...(imageAlt !== undefined && { alt: imageAlt }), ...(imageCaption !== undefined && { caption: imageCaption }) },
    draft: fields.draft ? true : undefined,
    slug: filled(fields.slug),
  };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Reads an article file (any line ends, with or without a BOM) into a draft. Never throws:
 *  a field that is missing or of the wrong type reads as empty, for the check to report. */
export function readArticleFile(file: string): ArticleDraft {
  const parts = fileParts(file);
  return { ...fieldsOf(parts.yaml), body: parts.body, original: file };
}

/** The edits that turn the fields as read into the fields as written, finest first: a
 *  headline's `en` alone when only it changed. */
function editsBetween(yaml: string, before: Record<string, unknown>, after: Record<string, unknown>): YamlEdit[] {
  const doc = parseYaml(yaml);
  return FIELDS.flatMap((key): YamlEdit[] => {
    const [old, next] = [before[key], after[key]];
    if (same(old, next)) return [];
    const nested = SUB_KEYS[key];
    if (nested && record(old) && record(next) && !doc.errors.length && isBlockMapAt(doc, key)) {
      return nested.filter((sub) => !same(record(old)![sub], record(next)![sub])).map((sub) => ({ path: [key, sub], value: record(next)![sub] }));
    }
    return [{ path: [key], value: next }];
  });
}

/**
 * The file text of a draft. With `original`, every byte of it that the draft did not
 * change is kept: an unchanged draft gives the original bytes. Throws FrontMatterError when
 * a field changed in front matter too broken to edit (the check reports that file's YAML
 * error, so the CMS refuses the save before it gets here).
 */
export function writeArticleFile(draft: ArticleDraft): string {
  const parts = fileParts(draft.original ?? "");
  const written = writtenFields(draft);
  const edits = editsBetween(parts.yaml, writtenFields(fieldsOf(parts.yaml)), written);
  if (draft.original !== undefined && edits.length === 0) return parts.head + parts.yaml + parts.closing + draft.body;
  const yaml = editYaml(parts.yaml, edits, SUB_KEYS, parts.eol);
  const eol = parts.eol;
  // A new article's body starts after a blank line, as `npm run new` writes it.
  const body = draft.original === undefined ? eol + draft.body : draft.body;
  const file = parts.hasFrontMatter
    ? parts.head + yaml + (parts.closing || `---${eol}`) + body
    : `${parts.head}---${eol}${yaml}---${eol}${body}`;
  // What was written must read back as the draft; anything else is a bug to stop at.
  const back = fileParts(file);
  if (back.body !== body || !same(writtenFields(fieldsOf(back.yaml)), written)) {
    throw new FrontMatterError("the front matter could not be updated without changing other fields: edit this file in a text editor");
  }
  return file;
}

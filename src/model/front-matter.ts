// The edge where untrusted editor input becomes typed data. Front matter is parsed once,
// validated against one schema, and every problem is reported at the line of the key that
// caused it. Past this module the rest of the code trusts the types.

import { CORE_SCHEMA, load } from "js-yaml";
import { LineCounter, parseDocument, isMap, isScalar, type Node } from "yaml";
import * as z from "zod";
import { DATE_FORMS } from "./dates.ts";
import { isSlug } from "./slug.ts";

const text = z.string().trim().min(1, "must not be empty");

const bilingual = z.strictObject({ en: text.optional(), zh: text.optional() });

export const frontMatterSchema = z.strictObject({
  title: bilingual.refine((t) => t.en !== undefined || t.zh !== undefined, {
    message: "needs an English (en) or a Chinese (zh) headline",
  }),
  kicker: text.optional(),
  column: text,
  date: z.string({ error: `must be a date such as ${DATE_FORMS}` }),
  source: text,
  credits: text.optional(),
  tags: z.array(text).default([]),
  summary: bilingual.optional(),
  image: z
    .strictObject({
      src: text,
      alt: z.string({ error: "is required: describe the picture for readers who cannot see it" }).trim().min(1, "is required: describe the picture for readers who cannot see it"),
      caption: text.optional(),
    })
    .optional(),
  draft: z.boolean().default(false),
  slug: z
    .string()
    .refine(isSlug, "must be letters, digits and single hyphens")
    .optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export const FRONT_MATTER_KEYS = Object.keys(frontMatterSchema.shape);

export interface Located {
  line: number;
  col: number;
  message: string;
}

export interface ParsedFrontMatter {
  data?: FrontMatter;
  problems: Located[];
  /** The file line of a top-level key (the first line of the front matter if it is absent). */
  lineOf: (key: string) => number;
}

/**
 * Parses and validates front matter. `firstLine` is the file line of the front matter's
 * first line (2, after the opening `---`). `defaults` fill keys the article leaves out.
 *
 * Most front matter is valid, and js-yaml reads it several times faster than the `yaml`
 * library. So js-yaml reads it first (its core schema, like ours below, keeps
 * `2018-06-15 11:53:52` a string; a duplicate key makes it throw); only front matter that
 * js-yaml or the schema refuses is read again by `yaml`, which knows where every node is
 * and so where each problem lies.
 */
export function parseFrontMatter(yaml: string, firstLine: number, defaults: Record<string, unknown> = {}): ParsedFrontMatter {
  const quick = quickLoad(yaml);
  if (quick) {
    const result = frontMatterSchema.safeParse({ ...defaults, ...quick });
    if (result.success) return { data: result.data, problems: [], lineOf: keyLines(yaml, firstLine) };
  }
  return locatedParse(yaml, firstLine, defaults);
}

function quickLoad(yaml: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = load(yaml, { schema: CORE_SCHEMA });
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Lines of top-level keys, found by their `key:` at the start of a line; front matter written
 *  another way (a flow mapping on one line) is asked of the `yaml` library instead. */
function keyLines(yaml: string, firstLine: number): (key: string) => number {
  const lines = yaml.split("\n");
  let located: ((key: string) => number) | undefined;
  return (key) => {
    const index = lines.findIndex((line) => line.startsWith(`${key}:`) || line.startsWith(`"${key}":`) || line.startsWith(`'${key}':`));
    if (index >= 0) return firstLine + index;
    located ??= locatedParse(yaml, firstLine, {}).lineOf;
    return located(key);
  };
}

function locatedParse(yaml: string, firstLine: number, defaults: Record<string, unknown>): ParsedFrontMatter {
  const lines = new LineCounter();
  // The core schema keeps `2018-06-15 11:53:52` a string: YAML's own timestamps would read
  // it as UTC, but editors mean Beijing time.
  const doc = parseDocument(yaml, { lineCounter: lines, schema: "core", uniqueKeys: true });
  const at = (offset: number) => {
    const pos = lines.linePos(offset);
    return { line: firstLine + pos.line - 1, col: pos.col };
  };
  const lineOf = (key: string) => at(keyNode(doc.contents, key)?.range?.[0] ?? 0).line;
  if (doc.errors.length) {
    return {
      lineOf,
      problems: doc.errors.map((e) => ({
        ...at(e.pos[0]),
        // yaml's own "at line N" counts from the front matter, not the file: drop it.
        message: `malformed YAML: ${e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`,
      })),
    };
  }
  const raw: unknown = doc.toJS() ?? {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return { lineOf, problems: [{ ...at(0), message: "front matter must be a list of key: value lines" }] };
  }
  const result = frontMatterSchema.safeParse({ ...defaults, ...raw });
  if (result.success) return { data: result.data, problems: [], lineOf };

  const problems = result.error.issues.flatMap((issue): Located[] => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        ...at(keyNode(doc.getIn(path, true), key)?.range?.[0] ?? 0),
        message: `unknown key "${[...path, key].join(".")}"${suggestion(key, path)}`,
      }));
    }
    const node = path.length ? (doc.getIn(path, true) as Node | undefined) : undefined;
    const keyAt = keyNode(path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents, path.at(-1));
    // A missing nested key (image.alt) is reported where its parent is.
    const parentKey = path.length > 1 ? keyNode(path.length > 2 ? doc.getIn(path.slice(0, -2), true) : doc.contents, path.at(-2)) : undefined;
    const offset = node?.range?.[0] ?? keyAt?.range?.[0] ?? parentKey?.range?.[0] ?? 0;
    const missing = issue.code === "invalid_type" && node === undefined && !keyAt;
    return [
      {
        ...at(offset),
        message: missing
          ? `missing required key "${path.join(".")}"`
          : `"${path.join(".") || "front matter"}" ${friendly(issue.message)}`,
      },
    ];
  });
  return { problems, lineOf };
}

function keyNode(parent: unknown, key: string | undefined): Node | undefined {
  if (key === undefined || !isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return pair?.key as Node | undefined;
}

const TYPE_NAMES: Record<string, string> = {
  object: "key: value lines",
  array: "a list such as [a, b]",
  string: "text",
  boolean: "true or false",
  number: "a number",
  null: "empty",
  undefined: "empty",
};

/** Zod speaks of types; editors think of text, lists and yes/no. */
function friendly(message: string): string {
  return message.replace(
    /^Invalid input: expected (\w+), received (\w+)$/,
    (_, want: string, got: string) => `must be ${TYPE_NAMES[want] ?? want}, not ${TYPE_NAMES[got] ?? got}`,
  );
}

/** A "did you mean" for a key that is one or two edits away from a real one. */
function suggestion(key: string, path: string[]): string {
  const candidates =
    path.length === 0
      ? FRONT_MATTER_KEYS
      : path[0] === "image"
        ? ["src", "alt", "caption"]
        : ["en", "zh"];
  const allowed = key.length <= 3 ? 1 : 2;
  const best = candidates.find((c) => editDistance(c, key.toLowerCase()) <= allowed);
  return best ? `; did you mean "${best}"?` : "";
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

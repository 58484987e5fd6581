// What `npm run check` says of an article, sorted by the form field it concerns, so the CMS
// shows each message beside its field and refuses a save that check would refuse. The text
// checked is the file the save would write (article-format.ts), through the model's own
// parseArticle: the same rules and the same words as check, never a copy of them.

import type { Column } from "../../config/site.ts";
import { parseArticle, splitFrontMatter } from "../../model/article.ts";
import type { Problem } from "../../model/problems.ts";
import { isMap, isScalar, LineCounter, parseDocument, type Node } from "yaml";

export interface CheckContext {
  columns: Record<string, Column>;
  defaults: Record<string, unknown>;
}

/** Problems by front-matter key ("title", "image.alt"), "body", or "" for the file as a
 *  whole (what no field can show: the save refuses it with its message). */
export type ProblemsByField = Map<string, Problem[]>;

/** Where each key's lines start in the file, nested keys as "parent.key", in file order. */
function keyLines(yaml: string): { key: string; line: number }[] {
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, schema: "core", uniqueKeys: false });
  const found: { key: string; line: number }[] = [];
  const walk = (node: unknown, parent: string) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const key = parent ? `${parent}.${String(pair.key.value)}` : String(pair.key.value);
      // The front matter's first line is the file's second, after the opening ---.
      found.push({ key, line: counter.linePos((pair.key as Node).range![0]).line + 1 });
      walk(pair.value, key);
    }
  };
  walk(doc.contents, "");
  return found.sort((a, b) => a.line - b.line);
}

/** The field a problem concerns: the key its message names, else the key on its line. */
function fieldOf(problem: Problem, keys: readonly { key: string; line: number }[], bodyLine: number, fields: ReadonlySet<string>): string {
  const named = /^"([\w.]+)"|missing required key "([\w.]+)"|unknown key "([\w.]+)"/.exec(problem.message);
  const name = named?.[1] ?? named?.[2] ?? named?.[3];
  if (name && fields.has(name)) return name;
  if (name && fields.has(name.split(".")[0]!)) return name.split(".")[0]!;
  if (problem.line >= bodyLine) return "body";
  // The deepest key whose lines hold the problem's line.
  const at = keys.filter((k) => k.line <= problem.line).at(-1);
  if (!at) return "";
  return fields.has(at.key) ? at.key : fields.has(at.key.split(".")[0]!) ? at.key.split(".")[0]! : "";
}

/** The errors `npm run check` would report for `text` as the file `file`, by field. Images
 *  are not looked for (the browser cannot see the disk): the local backend checks them. */
export function problemsByField(text: string, file: string, context: CheckContext, fields: ReadonlySet<string>): ProblemsByField {
  const { problems } = parseArticle(text, file, { columns: context.columns, defaults: context.defaults });
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const split = splitFrontMatter(source);
  const keys = split ? keyLines(split.yaml) : [];
  const bodyLine = split ? source.slice(0, source.length - split.body.length).split("\n").length : 1;
  const byField: ProblemsByField = new Map();
  for (const problem of problems.filter((p) => p.severity === "error")) {
    const field = fieldOf(problem, keys, bodyLine, fields);
    byField.set(field, [...(byField.get(field) ?? []), problem]);
  }
  return byField;
}

// Changes to front matter written as a person would make them in a text editor: a changed
// value replaces that value's characters, a new key is one inserted line (or block), a
// removed key loses its lines, and every other byte stays (comments, quoting, order, the
// spacing before a comment, CRLF). The `yaml` package's Document API knows where each node
// is and writes each new value with the style of the one it replaces.

import { Document, isMap, isScalar, isSeq, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node } from "yaml";

/** A value to set at a path of keys (`["title", "en"]`); undefined removes the key. */
export interface YamlEdit {
  path: readonly string[];
  value: unknown;
}

interface Replacement {
  start: number;
  end: number;
  text: string;
  order: number;
}

/** Where a pair's key starts and where its last line ends (after the line end). */
interface PairSpan {
  pair: Pair<Node, Node | null>;
  start: number;
  end: number;
}

export class FrontMatterError extends Error {}

export function parseYaml(yaml: string): Document.Parsed {
  // The model reads front matter with the core schema: `2025-02-12 22:15` stays text.
  return parseDocument(yaml, { schema: "core", uniqueKeys: false });
}

/** Whether the value at `key` is a block mapping whose keys can be edited one by one. */
export function isBlockMapAt(doc: Document.Parsed, key: string): boolean {
  const node = doc.getIn([key], true);
  return isMap(node) && !node.flow && node.items.length > 0;
}

/**
 * The YAML text with each edit applied. `order` lists, per mapping (by its path joined with
 * "."; "" for the top level), the keys in the order a new key is placed among them.
 */
export function editYaml(yaml: string, edits: readonly YamlEdit[], order: Record<string, readonly string[]>, eol: string): string {
  const doc = parseYaml(yaml);
  if (doc.errors.length) throw new FrontMatterError(`the front matter is not valid YAML (${doc.errors[0]!.message.split("\n")[0]}): fix it in the file first`);
  const root = doc.contents;
  if (root !== null && !isMap(root)) throw new FrontMatterError("the front matter is not key: value lines: fix it in the file first");
  const indent = indentUnit(yaml, doc);
  const replacements = edits.map((edit, index): Replacement => {
    const parentPath = edit.path.slice(0, -1);
    const key = edit.path.at(-1)!;
    const parent = parentPath.length ? doc.getIn(parentPath, true) : root;
    if (parent !== null && parent !== undefined && (!isMap(parent) || parent.flow)) {
      throw new FrontMatterError(`"${parentPath.join(".")}" is not a block of key: value lines`);
    }
    const map = (parent ?? null) as YAMLMap<Node, Node | null> | null;
    const span = map ? pairSpan(yaml, map, key) : undefined;
    const column = map?.items[0] ? columnOf(yaml, (map.items[0].key as Node).range![0]) : 0;
    if (span && edit.value === undefined) return { start: span.start, end: span.end, text: "", order: index };
    if (span) {
      const inPlace = valueInPlace(doc, yaml, span.pair.value, edit.value);
      if (inPlace) return { ...inPlace, order: index };
      const node = nodeFor(doc, span.pair.value, edit.value);
      return { start: span.start, end: span.end, text: pairLines(span.pair.key, node, column, indent, eol), order: index };
    }
    if (edit.value === undefined) return { start: 0, end: 0, text: "", order: index };
    const at = insertionPoint(yaml, map, key, order[parentPath.join(".")] ?? []);
    const lines = pairLines(new Scalar(key), nodeFor(doc, null, edit.value), column, indent, eol);
    return { start: at, end: at, text: at > 0 && !/[\r\n]$/.test(yaml.slice(0, at)) ? eol + lines : lines, order: index };
  });
  // From the end of the text backwards, so earlier offsets stay true; at one offset, a
  // replaced range before what is inserted there, and inserts in their given order.
  replacements.sort((a, b) => b.start - a.start || b.end - a.end || b.order - a.order);
  let text = yaml;
  for (const r of replacements) text = text.slice(0, r.start) + r.text + text.slice(r.end);
  return text;
}

function lineStart(text: string, offset: number): number {
  return Math.max(text.lastIndexOf("\n", offset - 1), text.lastIndexOf("\r", offset - 1)) + 1;
}

/** The offset just past the line end of the line holding `offset`. */
function lineEnd(text: string, offset: number): number {
  const match = /\r\n|\r|\n/g;
  match.lastIndex = offset;
  const found = match.exec(text);
  return found ? found.index + found[0].length : text.length;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

function pairSpan(yaml: string, map: YAMLMap<Node, Node | null>, key: string): PairSpan | undefined {
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  if (!pair) return undefined;
  const keyNode = pair.key as Node;
  // The value's end, before the line ends and spaces a block value's range runs on to.
  const valueEnd = (pair.value?.range?.[1] ?? keyNode.range![1]);
  let last = valueEnd;
  while (last > keyNode.range![0] && /\s/.test(yaml[last - 1]!)) last--;
  return { pair, start: lineStart(yaml, keyNode.range![0]), end: lineEnd(yaml, Math.max(last - 1, keyNode.range![0])) };
}

/** The spaces one level of block indentation takes in this front matter (2 if none yet). */
function indentUnit(yaml: string, doc: Document.Parsed): number {
  const root = doc.contents;
  if (!isMap(root)) return 2;
  for (const pair of root.items) {
    const value = pair.value as Node | null;
    if (isMap(value) && !value.flow && value.items[0]) return columnOf(yaml, (value.items[0].key as Node).range![0]) - columnOf(yaml, (pair.key as Node).range![0]);
  }
  return 2;
}

function isPlainValue(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** A value on one line (a scalar, or a flow list such as `[a, b]`) replaced by one that
 *  fits on one line: only the value's own characters change, not the comment after it. */
function valueInPlace(doc: Document.Parsed, yaml: string, old: Node | null, value: unknown): { start: number; end: number; text: string } | undefined {
  const oneLine = isScalar(old) ? isPlainValue(value) && old.type !== "BLOCK_FOLDED" && old.type !== "BLOCK_LITERAL" : isSeq(old) && old.flow && Array.isArray(value);
  if (!oneLine || !old?.range || old.range[1] <= old.range[0] || /[\r\n]/.test(yaml.slice(old.range[0], old.range[1]))) return undefined;
  const node = nodeFor(doc, old, value);
  delete node.comment;
  const text = new Document(node, { schema: "core" }).toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, "");
  return text.includes("\n") ? undefined : { start: old.range[0], end: old.range[1], text };
}

/** The node for a new value, keeping the style of the node it replaces where it has one. */
function nodeFor(doc: Document.Parsed, old: Node | null, value: unknown): Node {
  if (isScalar(old) && isPlainValue(value)) {
    const scalar = old.clone() as Scalar;
    scalar.value = value;
    delete scalar.source;
    return scalar;
  }
  if (Array.isArray(value)) {
    const seq = isSeq(old) ? (old.clone() as YAMLSeq) : Object.assign(new YAMLSeq(), { flow: true });
    const previous = isSeq(old) ? old.items.filter(isScalar) : [];
    seq.items = value.map((item: unknown) => previous.find((p) => p.value === item)?.clone() ?? doc.createNode(item));
    return seq;
  }
  if (value !== null && typeof value === "object") {
    const map = isMap(old) ? (old.clone() as YAMLMap<Node, Node | null>) : new YAMLMap<Node, Node | null>();
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    map.items = entries.map(([key, v]) => {
      const pair = isMap(old) ? old.items.find((p) => isScalar(p.key) && String(p.key.value) === key) : undefined;
      return new Pair((pair ? (pair.key as Node).clone() : new Scalar(key)) as Node, nodeFor(doc, (pair?.value as Node | null) ?? null, v) as Node | null);
    });
    return map;
  }
  return doc.createNode(value);
}

/** `key: value` as block YAML lines at `column`, each ending with `eol`. */
function pairLines(key: Node, value: Node, column: number, indent: number, eol: string): string {
  const keyNode = key.clone() as Node;
  delete keyNode.commentBefore;
  keyNode.spaceBefore = false;
  const map = new YAMLMap<Node, Node>();
  map.items.push(new Pair(keyNode, value));
  const text = new Document(map, { schema: "core" }).toString({ lineWidth: 0, indent, flowCollectionPadding: false });
  const pad = " ".repeat(column);
  return text.replace(/\n$/, "").split("\n").map((line) => (line ? pad + line : line) + eol).join("");
}

/** Where a new key goes: after the last key before it in `order` that is present, else
 *  before the first present key after it, else at the end of the mapping. */
function insertionPoint(yaml: string, map: YAMLMap<Node, Node | null> | null, key: string, order: readonly string[]): number {
  if (!map || map.items.length === 0) return yaml.length;
  const position = order.indexOf(key);
  const present = (k: string) => pairSpan(yaml, map, k);
  for (let i = position - 1; i >= 0; i--) {
    const span = present(order[i]!);
    if (span) return span.end;
  }
  for (let i = position + 1; i < order.length && position >= 0; i++) {
    const span = present(order[i]!);
    if (span) return span.start;
  }
  const last = map.items.at(-1)!;
  return pairSpan(yaml, map, String((last.key as Scalar).value))!.end;
}

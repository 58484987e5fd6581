// The channel dump fixtures (tests/fixtures/channel/): invented pages, one per structure the
// importer must handle, and what a perfect import of each gives (expected.json).

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

export const CHANNEL_DIR = path.resolve(import.meta.dirname, "../fixtures/channel");

/** A block of the body as expected.json writes it. */
export type ExpectedBlock =
  | { en: string | string[]; zh: string }
  | { en: string | string[] }
  | { zh: string }
  | { subhead: { en: string; zh: string } }
  | { caption: { en?: string; zh?: string } };

export interface ExpectedImport {
  covers: string;
  title: { en?: string; zh?: string };
  kicker?: string;
  source?: string;
  /** Beijing time, YYYY-MM-DD HH:MM:SS; null when the dump has none. */
  date: string | null;
  /** The date the file name gives, when the dump has none. */
  dateFromFileName?: string;
  credits?: string;
  blocks: ExpectedBlock[];
}

export const expectedImports = (
  JSON.parse(readFileSync(path.join(CHANNEL_DIR, "expected.json"), "utf8")) as { files: Record<string, ExpectedImport> }
).files;

/** Every dump in the folder, by file name. */
export function channelDumps(): string[] {
  return readdirSync(CHANNEL_DIR).filter((f) => f.endsWith(".txt")).sort();
}

export function readDump(name: string): string {
  return readFileSync(path.join(CHANNEL_DIR, name), "utf8");
}

export type ElementKind = "text" | "subhead" | "caption";

/** The paragraphs of an expected body as [lang, text, kind], in reading order: what the
 *  built page must show, element by element (lines that share one translation as one). */
export function expectedElements(blocks: readonly ExpectedBlock[]): Array<[lang: "en" | "zh", text: string, kind: ElementKind]> {
  const halves = (kind: ElementKind, en?: string, zh?: string): Array<["en" | "zh", string, ElementKind]> => [
    ...(en !== undefined ? [["en", en, kind] as ["en", string, ElementKind]] : []),
    ...(zh !== undefined ? [["zh", zh, kind] as ["zh", string, ElementKind]] : []),
  ];
  return blocks.flatMap((b) => {
    if ("caption" in b) return halves("caption", b.caption.en, b.caption.zh);
    if ("subhead" in b) return halves("subhead", b.subhead.en, b.subhead.zh);
    return halves("text", "en" in b ? [b.en].flat().join(" ") : undefined, "zh" in b ? b.zh : undefined);
  });
}

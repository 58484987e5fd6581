// The channel dump fixtures (tests/fixtures/channel/): invented pages, one per structure the
// importer must handle, and what a perfect import of each gives (expected.json).

import { readFileSync, readdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import site from "../../src/config/site.ts";
import { newClaims } from "../../src/editor/import/file-names.ts";
import { importPage } from "../../src/editor/import/import-page.ts";

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

/** Copies of each dump in an archive: with the fixtures, about 3,000 pages. */
export const ARCHIVE_COPIES = 130;
/** Copies also written a second time under another name: the same page twice. */
export const dumpedTwice = (k: number) => k % 50 === 0;

/** Copy k of a dump: a page of its own, with the same date and headline as the others. */
function variant(dump: string, k: number): string {
  const stamp = /(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?/.exec(dump);
  if (!stamp) return `${dump.trimEnd()}\nArchive copy ${k}.\n`;
  const [, day, h, m, s = "0"] = stamp;
  const seconds = Number(h) * 3600 + Number(m) * 60 + Number(s) + k;
  const time = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((n) => String(n).padStart(2, "0")).join(":");
  return dump.replace(stamp[0], `${day} ${time}`);
}

/** Writes an archive of dumps into `dir` (which exists): ARCHIVE_COPIES copies of every
 *  fixture with varied file names and times, some dumped twice. What the archive test
 *  imports and the benchmark times. */
export async function writeDumpArchive(dir: string): Promise<void> {
  for (let k = 0; k < ARCHIVE_COPIES; k++) {
    for (const name of channelDumps()) {
      const text = variant(readDump(name), k);
      await writeFile(path.join(dir, `copy-${String(k).padStart(3, "0")}-${name}`), text);
      if (dumpedTwice(k)) await writeFile(path.join(dir, `again-${k}-${name}`), text);
    }
  }
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

/** The article file `npm run import` writes for each dump, by dump name: what an editor then
 *  opens in the CMS. */
export function importedArticles(): Array<[dump: string, text: string]> {
  const run = {
    dump: { kickers: site.kickers, relatedHeaders: Object.values(site.columns).flatMap((c) => [c.en, c.zh]) },
    column: "news",
    columns: site.columns,
    defaults: { source: "郑州之窗" },
    out: "articles",
    now: new Date("2026-01-01T00:00:00Z"),
    force: false,
    claims: newClaims(),
    existing: () => undefined,
  };
  return channelDumps().map((dump) => [dump, importPage(dump, dump, readFileSync(path.join(CHANNEL_DIR, dump)), run).write!.text]);
}

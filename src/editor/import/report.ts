// What `npm run import` says: a line per page as it goes, and at the end a summary table an
// editor can act on (what came in, which drafts still need a date, warnings by kind, failures
// with their reasons). Pure: results in, lines out.

import type { ImportedBlock } from "./align.ts";

export type PageStatus = "imported" | "unchanged" | "duplicate" | "failed";

export interface PageWarning {
  kind: string;
  message: string;
}

export interface PageResult {
  input: string;
  status: PageStatus;
  /** The article file written (or that would be, or that holds it already). */
  file?: string;
  /** Why a page failed, or which file a duplicate repeats. */
  reason?: string;
  /** Imported as a draft because nothing gave its date. */
  needsDate: boolean;
  /** Captions the check finds no picture beside: photos the dump lost, for an editor to add. */
  captionsWithoutPicture: number;
  blocks: readonly ImportedBlock[];
  warnings: readonly PageWarning[];
}

/** The check's own warnings, by what they say rather than where ("3 English paragraphs in a
 *  row (lines 5-9) have…" and "4 … (lines 12-18) have…" are one kind). */
export function checkWarningKind(message: string): string {
  return `check: ${message.split(":")[0]!.replace(/\s*\([^)]*\)/g, "").replace(/\d+/g, "N")}`;
}

const plural = (n: number, word: string) => `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;

function counts(blocks: readonly ImportedBlock[]) {
  return {
    pairs: blocks.filter((b) => b.kind === "pair").length,
    alone: blocks.filter((b) => b.kind === "single").length,
    subheads: blocks.filter((b) => b.kind === "subhead").length,
    captions: blocks.filter((b) => b.kind === "caption").length,
  };
}

/** The lines for one page, printed as soon as it is done. */
export function pageLines(result: PageResult): string[] {
  if (result.status === "failed") return [`${result.input}: not imported: ${result.reason}`];
  if (result.status === "duplicate") return [`${result.input}: skipped: the same page as ${result.reason}`];
  const c = counts(result.blocks);
  const what = result.status === "unchanged" ? "already imported as" : "→";
  return [
    `${result.input} ${what} ${result.file}: ${plural(c.pairs, "pair")}, ${c.alone} alone, ${c.subheads ? `${plural(c.subheads, "subhead")}, ` : ""}${plural(c.captions, "caption")}, ${plural(result.warnings.length, "warning")}`,
    ...result.warnings.map((w) => `  warning (${w.kind}): ${w.message}`),
  ];
}

function table(rows: ReadonlyArray<readonly [string, number]>): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  const digits = Math.max(...rows.map(([, n]) => n.toLocaleString("en").length));
  return rows.map(([label, n]) => `  ${label.padEnd(width)}  ${n.toLocaleString("en").padStart(digits)}`);
}

/** The summary after the last page. */
export function summaryLines(results: readonly PageResult[], seconds: number, dryRun: boolean): string[] {
  const by = (status: PageStatus) => results.filter((r) => r.status === status);
  const done = [...by("imported"), ...by("unchanged")];
  const needDate = done.filter((r) => r.needsDate);
  const total = done.reduce((sum, r) => {
    const c = counts(r.blocks);
    return { pairs: sum.pairs + c.pairs, alone: sum.alone + c.alone, subheads: sum.subheads + c.subheads, captions: sum.captions + c.captions };
  }, { pairs: 0, alone: 0, subheads: 0, captions: 0 });
  const unpictured = done.filter((r) => r.captionsWithoutPicture > 0);
  const captionsWithoutPicture = unpictured.reduce((sum, r) => sum + r.captionsWithoutPicture, 0);

  const kinds = new Map<string, number>();
  for (const w of results.flatMap((r) => r.warnings)) kinds.set(w.kind, (kinds.get(w.kind) ?? 0) + 1);
  const failed = by("failed");

  return [
    "",
    `Summary${dryRun ? " (dry run: nothing written)" : ""}: ${plural(results.length, "dump")} in ${seconds.toFixed(1)} s`,
    ...table([
      [dryRun ? "would be imported" : "imported", by("imported").length],
      ["  of which drafts that need a date", needDate.filter((r) => r.status === "imported").length],
      ["already imported, unchanged", by("unchanged").length],
      ["skipped, the same page twice", by("duplicate").length],
      ["failed", failed.length],
      ["pairs", total.pairs],
      ["paragraphs alone", total.alone],
      ["subheads", total.subheads],
      ["captions", total.captions],
    ]),
    ...(kinds.size ? ["Warnings by kind:", ...table([...kinds].sort((a, b) => b[1] - a[1]))] : ["No warnings."]),
    ...(needDate.length ? ["Drafts that need a date (set `date:` and delete `draft: true`):", ...needDate.map((r) => `  ${r.file}  (from ${r.input})`)] : []),
    ...(unpictured.length
      ? [
          `Captions without a picture: ${captionsWithoutPicture.toLocaleString("en")} in ${plural(unpictured.length, "article")} (add the photos the dumps lost, or delete the captions):`,
          ...unpictured.map((r) => `  ${r.file}  (${r.captionsWithoutPicture})`),
        ]
      : []),
    ...(failed.length ? ["Failures:", ...failed.map((r) => `  ${r.input}: ${r.reason}`)] : []),
  ];
}

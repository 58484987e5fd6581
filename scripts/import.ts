// npm run import -- [--column news] [--out articles] [--date YYYY-MM-DD] [--dry-run] [--force] <file-or-folder>...
// Converts the channel's text dumps into article files: a line per page, progress on stderr
// for long runs, a summary table at the end. Writes each article whole (a temporary file,
// then a rename); never overwrites an article without --force, and with it only the article
// the same page became. --dry-run writes nothing and reports the same; exit 1 if any page
// was not imported.

import { existsSync, readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import { InputError, runCommand } from "../src/cli/command.ts";
import site from "../src/config/site.ts";
import { articlesDirFrom } from "../src/config/build-options.ts";
import { writeFileAtomically } from "../src/files/atomic-file.ts";
import { parseBeijingDate } from "../src/model/dates.ts";
import { readDefaults } from "../src/model/load-articles.ts";
import { newClaims } from "../src/editor/import/file-names.ts";
import { importPage, type ImportRun } from "../src/editor/import/import-page.ts";
import { pageLines, progressReporter, summaryLines, type PageResult } from "../src/editor/import/report.ts";

const USAGE = "npm run import -- [--column news] [--out articles] [--date YYYY-MM-DD] [--dry-run] [--force] [--debug] <file-or-folder>...";
const OPTIONS = {
  allowPositionals: true,
  options: {
    column: { type: "string", default: "news" },
    out: { type: "string", default: articlesDirFrom(process.env) },
    date: { type: "string" },
    force: { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
  },
} as const;

/** The dumps to read: files as given, folders' *.txt files (sub-folders too) in name order. */
async function inputs(args: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => undefined);
    if (!info) throw new InputError(`${arg}: no such file or folder: nothing was imported.`);
    if (info.isDirectory()) {
      const found = await glob("**/*.txt", { cwd: arg, expandDirectories: false });
      files.push(...found.sort().map((f) => path.join(arg, f)));
    } else files.push(arg);
  }
  return files;
}

await runCommand(USAGE, OPTIONS, async ({ values, positionals }) => {
  if (!positionals.length) throw new InputError(`Give the text files or folders to import. Usage: ${USAGE}`);
  if (!(values.column in site.columns)) throw new InputError(`Unknown column "${values.column}": use one of ${Object.keys(site.columns).join(", ")}`);
  const date = values.date === undefined ? undefined : parseBeijingDate(values.date);
  if (date && !(date instanceof Date)) throw new InputError(`--date: ${date.error}`);
  if (!existsSync(values.out)) throw new InputError(`${values.out}: no such folder to import into (--out): nothing was imported.`);

  const files = await inputs(positionals);
  const dryRun = values["dry-run"];
  const run: ImportRun = {
    dump: { kickers: site.kickers, relatedHeaders: Object.values(site.columns).flatMap((c) => [c.en, c.zh]), date },
    column: values.column,
    columns: site.columns,
    defaults: await readDefaults(values.out),
    out: values.out,
    now: new Date(),
    force: values.force,
    claims: newClaims(),
    existing: (file) => (existsSync(file) ? readFileSync(file, "utf8") : undefined),
  };

  const started = performance.now();
  const progress = progressReporter(files.length, () => performance.now());
  const results: PageResult[] = [];
  for (const input of files) {
    const { result, write } = importPage(input, path.basename(input), await readFile(input), run);
    // Whole or not at all: an interrupted run never leaves half an article.
    if (write && !dryRun) await writeFileAtomically(write.file, write.text);
    results.push(result);
    for (const line of pageLines(result)) console.log(line);
    const line = progress(results.length);
    if (line) console.error(line);
  }
  for (const line of summaryLines(results, (performance.now() - started) / 1000, dryRun)) console.log(line);
  return results.some((r) => r.status === "failed") ? 1 : 0;
});

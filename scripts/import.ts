// npm run import -- [--column news] [--out articles] [--date YYYY-MM-DD] [--dry-run] [--force] <file-or-folder>...
// Converts the channel's text dumps into article files: a line per page, progress on stderr
// for long runs, a summary table at the end. Never overwrites an article without --force;
// --dry-run writes nothing and reports the same; exit 1 if any page was not imported.

import { existsSync } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { glob } from "tinyglobby";
import site from "../src/config/site.ts";
import { articlesDirFrom } from "../src/config/build-options.ts";
import { parseArticle } from "../src/model/article.ts";
import { parseBeijingDate } from "../src/model/dates.ts";
import { readDefaults } from "../src/model/load-articles.ts";
import { decodeUtf8, invalidUtf8Message } from "../src/model/utf8.ts";
import { articleBaseName } from "../src/editor/scaffold.ts";
import { importedArticleText } from "../src/editor/import/article-file.ts";
import { parseChannelDump, type DumpContext } from "../src/editor/import/channel-dump.ts";
import { claimFileName, newClaims } from "../src/editor/import/file-names.ts";
import { checkWarningKind, pageLines, summaryLines, type PageResult } from "../src/editor/import/report.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    column: { type: "string", default: "news" },
    out: { type: "string", default: articlesDirFrom(process.env) },
    date: { type: "string" },
    force: { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (!positionals.length) fail("Give the text files or folders to import: npm run import -- dumps/");
if (!(values.column in site.columns)) fail(`Unknown column "${values.column}": use one of ${Object.keys(site.columns).join(", ")}`);
const date = values.date === undefined ? undefined : parseBeijingDate(values.date);
if (date && !(date instanceof Date)) fail(`--date: ${date.error}`);

/** The dumps to read: files as given, folders' *.txt files (sub-folders too) in name order. */
async function inputs(args: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    if ((await stat(arg)).isDirectory()) {
      const found = await glob("**/*.txt", { cwd: arg, expandDirectories: false });
      files.push(...found.sort().map((f) => path.join(arg, f)));
    } else files.push(arg);
  }
  return files;
}

const out = values.out;
const dryRun = values["dry-run"];
const defaults = await readDefaults(out);
const now = new Date();
const context: DumpContext = {
  kickers: site.kickers,
  relatedHeaders: Object.values(site.columns).flatMap((c) => [c.en, c.zh]),
  date,
};
const claims = newClaims();

async function importDump(input: string): Promise<PageResult> {
  const page = { input, needsDate: false, blocks: [], warnings: [] };
  const decoded = decodeUtf8(await readFile(input));
  if ("invalid" in decoded) {
    const { line, col } = decoded.invalid;
    return { ...page, status: "failed", reason: `${invalidUtf8Message(decoded.invalid)} (line ${line}, column ${col})` };
  }
  const imported = parseChannelDump(decoded.text, { ...context, fileName: path.basename(input) });
  const text = importedArticleText(imported, values.column, now);
  const base = articleBaseName(imported.title, imported.date ?? now);

  // Never write an article the build would refuse. (A suffix the name may get changes nothing
  // the check looks at.)
  const { problems } = parseArticle(text, path.join(out, `${base}.md`), { columns: site.columns, defaults });
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length) return { ...page, status: "failed", reason: errors.map((p) => p.message).join("; ") };
  const claim = claimFileName(base, text, input, claims);
  if ("sameAs" in claim) return { ...page, status: "duplicate", reason: claim.sameAs };
  const file = path.join(out, claim.name);
  const result: PageResult = {
    input,
    file,
    status: "imported",
    needsDate: imported.date === undefined,
    blocks: imported.blocks,
    warnings: [
      ...imported.warnings,
      ...problems.map((p) => ({ kind: checkWarningKind(p.message), message: `line ${p.line} of the article: ${p.message}` })),
    ],
  };
  if (existsSync(file)) {
    if ((await readFile(file, "utf8")) === text) return { ...result, status: "unchanged" };
    if (!values.force) return { ...result, status: "failed", reason: `${file} exists (use --force to overwrite)` };
  }
  if (!dryRun) await writeFile(file, text);
  return result;
}

const files = await inputs(positionals);
const started = performance.now();
let reported = started;
const results: PageResult[] = [];
for (const input of files) {
  const result = await importDump(input);
  results.push(result);
  for (const line of pageLines(result)) console.log(line);
  // A line a second on stderr, so a long run shows it is moving without burying stdout.
  if (performance.now() - reported >= 1000) {
    reported = performance.now();
    const seconds = ((reported - started) / 1000).toFixed(0);
    console.error(`${results.length.toLocaleString("en")} of ${files.length.toLocaleString("en")} dumps read (${Math.floor((100 * results.length) / files.length)} %), ${seconds} s`);
  }
}
for (const line of summaryLines(results, (performance.now() - started) / 1000, dryRun)) console.log(line);
process.exitCode = results.some((r) => r.status === "failed") ? 1 : 0;

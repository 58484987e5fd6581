// npm run import -- [--column news] [--out articles] [--force] <file-or-folder>...
// Converts the channel's text dumps into article files and prints a summary per file.
// Never overwrites an article without --force; exit 1 if any file was not imported.

import { existsSync } from "node:fs";
import { readFile, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import site from "../src/config/site.ts";
import { articlesDirFrom } from "../src/config/build-options.ts";
import { parseArticle } from "../src/model/article.ts";
import { importedArticleText, parseChannelText } from "../src/editor/import-channel.ts";
import { readDefaults } from "../src/model/load-articles.ts";
import { formatProblem } from "../src/model/problems.ts";
import { articleBaseName } from "../src/editor/scaffold.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    column: { type: "string", default: "news" },
    out: { type: "string", default: articlesDirFrom(process.env) },
    force: { type: "boolean", default: false },
  },
});

if (!positionals.length) {
  console.error("Give the text files or folders to import: npm run import -- ../shared/seeds/");
  process.exit(1);
}
if (!(values.column in site.columns)) {
  console.error(`Unknown column "${values.column}": use one of ${Object.keys(site.columns).join(", ")}`);
  process.exit(1);
}

async function inputs(args: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    if ((await stat(arg)).isDirectory()) {
      const names = (await readdir(arg)).filter((n) => n.endsWith(".txt")).sort();
      files.push(...names.map((n) => path.join(arg, n)));
    } else files.push(arg);
  }
  return files;
}

const defaults = await readDefaults(values.out);
const now = new Date();
let failed = 0;

for (const input of await inputs(positionals)) {
  const imported = parseChannelText(await readFile(input, "utf8"), site.kickers);
  const text = importedArticleText(imported, values.column, now);
  const file = path.join(values.out, `${articleBaseName(imported.title, imported.date ?? now)}.md`);

  // Never write an article the build would refuse.
  const { article, problems } = parseArticle(text, file, { columns: site.columns, defaults });
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length) {
    failed++;
    console.log(`${input}: not imported`);
    for (const p of errors) console.log(`  ${formatProblem(p)}`);
    continue;
  }
  if (existsSync(file) && !values.force) {
    failed++;
    console.log(`${input}: not imported: ${file} exists (use --force to overwrite)`);
    continue;
  }
  await writeFile(file, text);
  const pairs = article!.blocks.filter((b) => b.kind === "pair").length;
  const unpaired = article!.blocks.length - pairs;
  const warnings = [...imported.warnings, ...problems.map((p) => `${p.file}:${p.line} ${p.message}`)];
  console.log(`${input} → ${file}: ${pairs} pairs, ${unpaired} unpaired, ${warnings.length} warnings`);
  for (const w of warnings) console.log(`  warning: ${w}`);
}
process.exitCode = failed ? 1 : 0;

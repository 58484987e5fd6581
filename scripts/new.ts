// npm run new -- --column news [--zh "中文标题"] [--kicker "Zheng Energy"] "English headline"
// Scaffolds an article dated now (Beijing time) and prints its path.

import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { InputError, runCommand } from "../src/cli/command.ts";
import site from "../src/config/site.ts";
import { articlesDirFrom, nowFrom } from "../src/config/build-options.ts";
import { articleFileName, scaffoldArticle } from "../src/editor/scaffold.ts";

const USAGE = 'npm run new -- --column KEY [--zh "中文标题"] [--kicker "Kicker"] [--dir articles] "English headline"';
const OPTIONS = {
  allowPositionals: true,
  options: {
    column: { type: "string" },
    zh: { type: "string" },
    kicker: { type: "string" },
    dir: { type: "string", default: articlesDirFrom(process.env) },
  },
} as const;

await runCommand(USAGE, OPTIONS, async ({ values, positionals }) => {
  const en = positionals.join(" ").trim() || undefined;
  if (!en && !values.zh) throw new InputError('Give a headline: npm run new -- --column news "English headline" [--zh "中文标题"]');
  const columns = Object.keys(site.columns);
  if (!values.column || !columns.includes(values.column)) throw new InputError(`Give a column with --column: one of ${columns.join(", ")}`);
  if (!existsSync(values.dir)) throw new InputError(`${values.dir}: no such folder for the new article (--dir).`);

  const now = nowFrom(process.env);
  const title = { en, zh: values.zh };
  const name = articleFileName(title, now, (candidate) => existsSync(path.join(values.dir, candidate)));
  const file = path.join(values.dir, name);
  await writeFile(file, scaffoldArticle({ title, column: values.column, kicker: values.kicker, now }), { flag: "wx" });
  console.log(file);
});

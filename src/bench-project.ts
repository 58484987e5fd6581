// A throwaway copy of this project holding a synthetic archive, for `npm run bench`. The
// copy has the real templates, code and assets; only the articles and the columns differ.

import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { SiteConfig } from "./site.ts";
import { syntheticArticle, syntheticColumns } from "./synthetic-corpus.ts";

const PROJECT_PARTS = ["src", "scripts", "_includes", "pages", "assets", "_data", ".eleventy.ts", "package.json", "tsconfig.json"];
export const BENCH_COLUMNS = 15;

export function prepareBenchProject(
  root: string,
  articles: number,
  site: SiteConfig,
  onProgress: (done: number) => void = () => {},
): void {
  const project = process.cwd();
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, "articles"), { recursive: true });
  for (const part of PROJECT_PARTS) cpSync(path.join(project, part), path.join(root, part), { recursive: true });
  symlinkSync(path.join(project, "node_modules"), path.join(root, "node_modules"));
  cpSync(path.join(project, "articles", "articles.json"), path.join(root, "articles", "articles.json"));

  const columns = syntheticColumns(BENCH_COLUMNS);
  const keys = Object.keys(columns);
  const benchSite: SiteConfig = { ...site, columns, relatedColumns: keys.slice(0, 2) };
  writeFileSync(
    path.join(root, "_data", "site.ts"),
    `// Written by npm run bench.\nexport default ${JSON.stringify(benchSite, null, 2)};\n`,
  );
  for (let i = 0; i < articles; i++) {
    const { fileName, text } = syntheticArticle(i, keys);
    writeFileSync(path.join(root, "articles", fileName), text);
    if ((i + 1) % 1000 === 0) onProgress(i + 1);
  }
}

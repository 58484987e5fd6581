// The project copy `npm run bench` builds: the real templates, code and assets with a
// synthetic archive and its columns.

import { writeFileSync } from "node:fs";
import path from "node:path";
import { copyProject } from "../helpers/project-copy.ts";
import type { SiteConfig } from "../../src/config/site.ts";
import { syntheticArticle, syntheticColumns } from "./synthetic-corpus.ts";

export const BENCH_COLUMNS = 15;

export function prepareBenchProject(
  root: string,
  articles: number,
  site: SiteConfig,
  onProgress: (done: number) => void = () => {},
): void {
  copyProject(root);

  const columns = syntheticColumns(BENCH_COLUMNS);
  const keys = Object.keys(columns);
  const benchSite: SiteConfig = { ...site, columns, relatedColumns: keys.slice(0, 2) };
  writeFileSync(
    path.join(root, "src", "config", "site.ts"),
    `// Written by npm run bench (types are erased when it runs).\nexport default ${JSON.stringify(benchSite, null, 2)};\n`,
  );
  for (let i = 0; i < articles; i++) {
    const { fileName, text } = syntheticArticle(i, keys);
    writeFileSync(path.join(root, "articles", fileName), text);
    if ((i + 1) % 1000 === 0) onProgress(i + 1);
  }
}

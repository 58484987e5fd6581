// npm run check [-- DIR]: validate every article, print each problem as file:line:col,
// then a summary. Exit 1 when any article has an error; warnings alone pass.

import { optionsFromEnv } from "../src/config/build-options.ts";
import site from "../src/config/site.ts";
import { checkReport } from "../src/editor/check.ts";
import { loadArticles } from "../src/model/load-articles.ts";

const options = optionsFromEnv(process.env, site, { production: false });
const dir = process.argv[2] ?? options.articlesDir;
const loaded = await loadArticles(dir, site.columns);
const { lines, failed } = checkReport(loaded, dir, options.now);
for (const line of lines) console.log(line);
process.exitCode = failed ? 1 : 0;

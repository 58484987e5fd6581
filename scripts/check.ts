// npm run check [-- DIR]: validate every article, print each problem as file:line:col,
// then a summary. Exit 1 when any article has an error (a folder that is missing or holds
// no article is one); warnings alone pass.

import { InputError, runCommand } from "../src/cli/command.ts";
import { optionsFromEnv } from "../src/config/build-options.ts";
import site from "../src/config/site.ts";
import { checkReport } from "../src/editor/check.ts";
import { loadArticles } from "../src/model/load-articles.ts";

await runCommand("npm run check [-- DIR] [--debug]", { allowPositionals: true, options: {} }, async ({ positionals }) => {
  const options = optionsFromEnv(process.env, site, { production: false });
  if (positionals.length > 1) throw new InputError(`Give one folder to check, not ${positionals.length}`);
  const dir = positionals[0] ?? options.articlesDir;
  const loaded = await loadArticles(dir, site.columns);
  const { lines, failed } = checkReport(loaded, dir, options.now);
  for (const line of lines) console.log(line);
  return failed ? 1 : 0;
});

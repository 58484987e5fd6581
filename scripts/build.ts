// npm run build [-- --future] [-- --out DIR]: the production site in _site/.
// Exit 1 with file:line messages if any article is wrong; the previous _site/ is kept.

import { InputError, runCommand } from "../src/cli/command.ts";
import { isPlaceholderUrl, optionsFromEnv, placeholderUrlMessage } from "../src/config/build-options.ts";
import site from "../src/config/site.ts";
import { buildSite } from "../src/pipeline/build.ts";
import { errorChain, errorLines } from "../src/pipeline/errors.ts";
import { folderRefusal } from "../src/features/deploy/folder.ts";
import type { IndexResult } from "../src/features/search/indexer.ts";
import { ContentError, warningSummary } from "../src/model/problems.ts";

const USAGE = "npm run build [-- --future] [--out DIR] [--debug]";
const OPTIONS = {
  options: {
    future: { type: "boolean", default: false },
    out: { type: "string", default: "_site" },
  },
} as const;

/** What the build did to the search index (src/features/search/tiers.ts). */
function searchNote({ wrote, recent }: IndexResult): string {
  const tier = recent ? `, ${recent} in the recent tier` : "";
  if (wrote === "archive") return "index written whole";
  if (wrote === "recent") return `archive reused, recent tier written${tier}`;
  return `indexes reused from the cache${tier}`;
}

await runCommand(USAGE, OPTIONS, async ({ values }, { debug }) => {
  const started = performance.now();
  // The finished site replaces the whole folder: never one of the project's own.
  const refusal = await folderRefusal(values.out, process.cwd());
  if (refusal) throw new InputError(`Not built: ${refusal}`);
  try {
    const options = optionsFromEnv({ ...process.env, ...(values.future ? { QIAO_FUTURE: "1" } : {}) }, site, { production: true });
    const { written, indexed, warnings } = await buildSite(values.out, options);
    for (const line of warningSummary(warnings)) console.warn(line);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const search = indexed ? `, search records: ${indexed.counts.en} English, ${indexed.counts.zh} Chinese (${searchNote(indexed)}),` : "";
    console.log(`Built ${written.length} pages${search} into ${values.out}/ in ${seconds} s`);
    if (options.production && isPlaceholderUrl(options.siteUrl)) {
      console.warn(`\nWarning: ${placeholderUrlMessage(options.siteUrl)} npm run deploy refuses to publish it.`);
    }
  } catch (error) {
    for (const line of errorLines(error)) console.error(line);
    if (error instanceof ContentError) {
      console.error(`Build failed: fix the errors above. ${values.out}/ was left as it was.`);
    } else {
      if (debug) console.error(errorChain(error).at(-1)?.stack);
      console.error(`Build failed. ${values.out}/ was left as it was.${debug ? "" : " (npm run build -- --debug shows where it went wrong.)"}`);
    }
    return 1;
  }
});

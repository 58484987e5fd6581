// npm run build [-- --future] [-- --out DIR]: the production site in _site/.
// Exit 1 with file:line messages if any article is wrong; the previous _site/ is kept.

import { parseArgs } from "node:util";
import { isPlaceholderUrl, optionsFromEnv, placeholderUrlMessage } from "../src/config/build-options.ts";
import site from "../src/config/site.ts";
import { buildSite } from "../src/build/build.ts";
import { errorChain, errorLines } from "../src/build/errors.ts";
import type { IndexResult } from "../src/features/search/indexer.ts";
import { ContentError, warningSummary } from "../src/model/problems.ts";

const { values } = parseArgs({
  options: {
    future: { type: "boolean", default: false },
    out: { type: "string", default: "_site" },
  },
});

/** What the build did to the search index (src/features/search/tiers.ts). */
function searchNote({ wrote, recent }: IndexResult): string {
  const tier = recent ? `, ${recent} in the recent tier` : "";
  if (wrote === "archive") return "index written whole";
  if (wrote === "recent") return `archive reused, recent tier written${tier}`;
  return `indexes reused from the cache${tier}`;
}

const started = performance.now();
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
    if (process.env.DEBUG) console.error(errorChain(error).at(-1)?.stack);
    console.error(`Build failed. ${values.out}/ was left as it was.`);
  }
  process.exit(1);
}

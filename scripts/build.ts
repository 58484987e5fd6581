// npm run build [-- --future] [-- --out DIR]: the production site in _site/.
// Exit 1 with file:line messages if any article is wrong; the previous _site/ is kept.

import { parseArgs } from "node:util";
import { buildSite, errorChain, errorLines } from "../src/build.ts";
import { ContentError } from "../src/problems.ts";

const { values } = parseArgs({
  options: {
    future: { type: "boolean", default: false },
    out: { type: "string", default: "_site" },
  },
});

process.env.QIAO_ENV ??= "production";
if (values.future) process.env.QIAO_FUTURE = "1";

const started = performance.now();
try {
  const { pages, indexed } = await buildSite(values.out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const search = indexed ? `, search records: ${indexed.en} English, ${indexed.zh} Chinese,` : "";
  console.log(`Built ${pages} pages${search} into ${values.out}/ in ${seconds} s`);
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

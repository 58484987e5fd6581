// npm run build [-- --future] [-- --out DIR]: the production site in _site/.
// Exit 1 with file:line messages if any article is wrong; the previous _site/ is kept.

import { parseArgs } from "node:util";
import { buildSite, errorChain } from "../src/build.ts";
import { ContentError, formatProblem } from "../src/problems.ts";

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
  const { pages } = await buildSite(values.out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Built ${pages} pages into ${values.out}/ in ${seconds} s`);
} catch (error) {
  if (error instanceof ContentError) {
    for (const problem of error.problems) console.error(formatProblem(problem));
    console.error(`Build failed: fix the errors above. ${values.out}/ was left as it was.`);
  } else {
    const chain = errorChain(error);
    // The innermost error says what is wrong; the outer ones say where Eleventy was.
    for (const e of chain.length ? chain : [new Error(String(error))]) console.error(e.message);
    if (process.env.DEBUG) console.error(chain.at(-1)?.stack);
    console.error(`Build failed. ${values.out}/ was left as it was.`);
  }
  process.exit(1);
}

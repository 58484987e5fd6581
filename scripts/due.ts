// npm run due [-- --live URL|FILE] [--before SHA]
// Whether a build now would publish anything the live site lacks, and whether the code's
// tests must run first; builds nothing. Prints `publish=true|false` and `test=true|false`
// (CI appends them to $GITHUB_OUTPUT) and, on stderr, why. --live is the live site's
// build-info.json (default: SITE_URL + PATH_PREFIX + build-info.json); --before the commit
// the push started from, compared with when the live site's commit is not in this clone.
// The commit to build is the one checked out, whose articles are the ones read.

import { runCommand } from "../src/cli/command.ts";
import { optionsFromEnv } from "../src/config/build-options.ts";
import site from "../src/config/site.ts";
import { BUILD_INFO_PATH, published } from "../src/features/deploy/build-info.ts";
import { changesSince, headCommit } from "../src/features/deploy/changes.ts";
import { due } from "../src/features/deploy/due.ts";
import { readLiveInfo } from "../src/features/deploy/live-info.ts";
import { loadArticles } from "../src/model/load-articles.ts";
import { isPublished } from "../src/site/publication.ts";
import { absoluteUrl } from "../src/site/urls.ts";

await runCommand("npm run due [-- --live URL|FILE] [--before SHA] [--debug]", { options: { live: { type: "string" }, before: { type: "string" } } }, async ({ values }, { debug }) => {
  try {
    const options = optionsFromEnv({ ...process.env, QIAO_ENV: "production" }, site, { production: true });
    const cwd = process.cwd();
    const live = await readLiveInfo(values.live ?? absoluteUrl(BUILD_INFO_PATH, options));
    const changes = "info" in live ? changesSince(cwd, headCommit(cwd), live.info.commit, values.before) : undefined;
    const { articles } = await loadArticles(options.articlesDir, site.columns, cwd);
    const decision = due({ live, changes, published: published(articles.filter((a) => isPublished(a, options))), articlesDir: options.articlesDir });
    console.error(decision.reason);
    console.log(`publish=${decision.publish}\ntest=${decision.test}`);
  } catch (error) {
    // Not knowing is no reason to skip a publish: say why, and let CI build and test.
    console.error(`Could not tell what is due (${error instanceof Error ? error.message : error}): publish, tests first.`);
    if (debug && error instanceof Error) console.error(error.stack);
    console.log("publish=true\ntest=true");
  }
});

// npm run deploy -- <target> [--site _site] [--dry-run] [--allow-deletes] [--endpoint URL] [--region R]
//   ./public or /var/www/site     a folder, swapped in atomically
//   [user@]host:/var/www/site     rsync over ssh (also rsync://host/module/path)
//   s3://bucket/prefix            S3 or S3-compatible storage (--endpoint for non-AWS);
//                                 credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
// Deploys what `npm run build` left in _site/; it does not build, and it refuses a preview
// build or one whose site URL is a placeholder (see src/features/deploy/build-info.ts), a
// target that is not one (src/features/deploy/target.ts, folder.ts) and a deploy that would
// delete many articles without --allow-deletes (src/features/deploy/plan.ts).

import { existsSync } from "node:fs";
import { InputError, runCommand } from "../src/cli/command.ts";
import { readBuildInfo, unpublishable } from "../src/features/deploy/build-info.ts";
import { deployToFolder } from "../src/features/deploy/folder.ts";
import { DeployRefused } from "../src/features/deploy/plan.ts";
import { deployWithRsync } from "../src/features/deploy/rsync.ts";
import { deployToS3 } from "../src/features/deploy/s3.ts";
import { siteFiles } from "../src/features/deploy/site-files.ts";
import { parseTarget } from "../src/features/deploy/target.ts";

const USAGE =
  "npm run deploy -- <./folder | [user@]host:/path | rsync://host/module/path | s3://bucket/prefix> " +
  "[--site _site] [--dry-run] [--allow-deletes] [--endpoint URL] [--region R] [--debug]";
const OPTIONS = {
  allowPositionals: true,
  options: {
    site: { type: "string", default: "_site" },
    "dry-run": { type: "boolean", default: false },
    "allow-deletes": { type: "boolean", default: false },
    endpoint: { type: "string" },
    region: { type: "string" },
  },
} as const;

await runCommand(USAGE, OPTIONS, async ({ values, positionals }) => {
  if (positionals.length !== 1) throw new InputError(`Give one target. Usage: ${USAGE}`);
  const target = parseTarget(positionals[0]!, values.endpoint, values.region ?? process.env.AWS_REGION);
  if ("error" in target) throw new InputError(`Not deployed: ${target.error}.`);
  if (!existsSync(`${values.site}/index.html`)) throw new InputError(`${values.site}/ holds no built site: run npm run build first.`);
  const built = await readBuildInfo(values.site);
  if ("error" in built) throw new InputError(`${built.error}: build the site again with npm run build.`);
  const refusal = unpublishable(built.info);
  if (refusal) throw new InputError(`Not deployed: ${refusal}`);

  const log = (line: string) => console.log(line);
  const run = { dryRun: values["dry-run"], allowDeletes: values["allow-deletes"], log };
  try {
    if (target.kind === "s3") await deployToS3(await siteFiles(values.site), target.s3, run);
    else if (target.kind === "rsync") await deployWithRsync(values.site, target.destination, run);
    else await deployToFolder(values.site, target.path, { ...run, projectRoot: process.cwd() });
  } catch (error) {
    if (error instanceof DeployRefused) throw new InputError(`Not deployed: ${error.message}`);
    throw new InputError(`Deploy failed: ${error instanceof Error ? error.message : error}`, { cause: error });
  }
  log(run.dryRun ? "Dry run: nothing was changed." : "Deployed.");
});

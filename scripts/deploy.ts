// npm run deploy -- <target> [--site _site] [--dry-run] [--endpoint URL] [--region R]
//   ./public or /var/www/site     a folder, swapped in atomically
//   user@host:/var/www/site       rsync over ssh (also rsync://host/module/path)
//   s3://bucket/prefix            S3 or S3-compatible storage (--endpoint for non-AWS);
//                                 credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
// Deploys what `npm run build` left in _site/; it does not build, and it refuses a preview
// build or one whose site URL is a placeholder (see src/features/deploy/build-info.ts).

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { BUILD_INFO_PATH, parseBuildInfo, unpublishable } from "../src/features/deploy/build-info.ts";
import { deployToFolder } from "../src/features/deploy/folder.ts";
import { deployWithRsync } from "../src/features/deploy/rsync.ts";
import { deployToS3 } from "../src/features/deploy/s3.ts";
import { siteFiles } from "../src/features/deploy/site-files.ts";
import { parseTarget } from "../src/features/deploy/target.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    site: { type: "string", default: "_site" },
    "dry-run": { type: "boolean", default: false },
    endpoint: { type: "string" },
    region: { type: "string" },
  },
});

const log = (line: string) => console.log(line);
const [destination] = positionals;
if (!destination) {
  console.error("Give a target: npm run deploy -- s3://bucket/prefix | user@host:/path | ./folder");
  process.exit(1);
}
if (!existsSync(`${values.site}/index.html`)) {
  console.error(`${values.site}/ holds no built site: run npm run build first.`);
  process.exit(1);
}
const infoFile = path.join(values.site, BUILD_INFO_PATH);
let refusal: string | undefined;
try {
  refusal = unpublishable(existsSync(infoFile) ? parseBuildInfo(readFileSync(infoFile, "utf8")) : undefined);
} catch {
  refusal = `${infoFile} is not the one a build writes: build the site again with npm run build.`;
}
if (refusal) {
  console.error(`Not deployed: ${refusal}`);
  process.exit(1);
}

const dryRun = values["dry-run"];
const target = parseTarget(destination, values.endpoint, values.region ?? process.env.AWS_REGION);
try {
  if (target.kind === "s3") await deployToS3(await siteFiles(values.site), target.s3, { dryRun, log });
  else if (target.kind === "rsync") await deployWithRsync(values.site, target.destination, dryRun, log);
  else await deployToFolder(values.site, target.path, dryRun, log);
  log(dryRun ? "Dry run: nothing was changed." : "Deployed.");
} catch (error) {
  console.error(`Deploy failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

// Deploy with rsync to a server ([user@]host:/var/www/site, rsync://host/module/path).
// --delay-updates moves every new file into place at the end and --delete-after removes
// stale files last, so readers see the old site until the new one is complete.
//
// rsync --delete removes whatever the target holds that the build lacks, so a dry run goes
// first and says what that is: the deploy stops if the target holds files but no site built
// by Qiao (no build-info.json: they would be overwritten or deleted), or if it would take
// too many articles offline (checkDeletions). The real run may then delete no more than the
// dry run saw (--max-delete), in case the target changed in between.

import { spawn } from "node:child_process";
import { BUILD_INFO_PATH } from "./build-info.ts";
import { checkDeletions, DeployRefused, type DeployRun } from "./plan.ts";

function rsyncArgs(siteDir: string, target: string, run: { dryRun: boolean; maxDelete?: number }): string[] {
  return [
    "--recursive",
    "--links",
    "--times",
    "--checksum",
    "--delete-after",
    "--delay-updates",
    "--human-readable",
    // Twice: unchanged files are listed too, so the dry run shows everything the target has.
    "--itemize-changes",
    "--itemize-changes",
    ...(run.dryRun ? ["--dry-run"] : []),
    ...(run.maxDelete === undefined ? [] : [`--max-delete=${run.maxDelete}`]),
    `${siteDir.replace(/\/+$/, "")}/`,
    target,
  ];
}

/** rsync's output lines; rejects with its error output when it fails. */
function rsync(args: string[], onLine: (line: string) => void = () => {}): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("rsync", args, { stdio: ["ignore", "pipe", "pipe"] });
    const lines: string[] = [];
    let partial = "";
    let errors = "";
    child.stdout.on("data", (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split("\n");
      partial = parts.pop()!;
      for (const line of parts.filter(Boolean)) {
        lines.push(line);
        onLine(line);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk));
    child.on("error", (error) => reject(new Error(`could not run rsync (is it installed?): ${error.message}`)));
    // rsync's first complaint is the cause ("ssh: Could not resolve hostname"); what follows
    // is rsync giving up because of it.
    child.on("close", (code) => (code === 0 ? resolve(lines) : reject(new Error(`rsync exited with ${code}: ${errors.trim().split("\n")[0]}`))));
  });
}

const ITEMIZED = /^[<>ch.][fdLDS].{9} /;

/** What an itemized dry run says the target has now and what the deploy would delete
 *  (files only: a folder is not a file readers lose). */
function targetFiles(itemized: readonly string[]): { live: string[]; deleted: string[] } {
  const live: string[] = [];
  const deleted: string[] = [];
  for (const line of itemized) {
    // Itemized lines only ("YXcstpoguax path"): rsync also says "created directory …".
    if (!line.startsWith("*deleting") && !ITEMIZED.test(line)) continue;
    const file = line.slice(12);
    if (file.endsWith("/")) continue;
    if (line.startsWith("*deleting")) deleted.push(file);
    else if (!line.slice(2, 11).includes("+")) live.push(file); // "+++++++++": new at the target
  }
  return { live: [...live, ...deleted], deleted };
}

export async function deployWithRsync(siteDir: string, target: string, options: DeployRun): Promise<void> {
  const itemized = await rsync(rsyncArgs(siteDir, target, { dryRun: true }));
  // Every file of the build is itemized, build-info.json among them: output read otherwise
  // (another rsync's format) would hide what the target holds.
  if (!itemized.some((line) => ITEMIZED.test(line) && line.slice(12) === BUILD_INFO_PATH.slice(1))) {
    throw new Error(`could not read what rsync's dry run says about ${target} (is this rsync 3?): nothing was changed`);
  }
  const { live, deleted } = targetFiles(itemized);
  if (live.length && !live.includes(BUILD_INFO_PATH.slice(1))) {
    throw new DeployRefused(
      `${target} holds ${live.length === 1 ? "a file" : `${live.length} files`} and no site built by Qiao (no ${BUILD_INFO_PATH.slice(1)}), ` +
        `and rsync would overwrite or delete ${live.length === 1 ? "it" : "them"} (${live.length === 1 ? "" : "such as "}${live.slice(0, 3).join(", ")}): ` +
        `deploy to a new or empty folder, or one an earlier deploy made.`,
    );
  }
  checkDeletions(deleted, live, options.allowDeletes);
  const changes = itemized.filter((line) => !/^\.[df] {9}/.test(line));
  if (options.dryRun) {
    for (const line of changes) options.log(`  ${line}`);
    return;
  }
  const deletions = itemized.filter((line) => line.startsWith("*deleting")).length;
  await rsync(rsyncArgs(siteDir, target, { dryRun: false, maxDelete: deletions }), (line) => {
    if (!/^\.[df] {9}/.test(line)) options.log(`  ${line}`);
  });
}

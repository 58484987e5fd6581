// Deploy with rsync to a server (user@host:/var/www/site) or a local path. --delay-updates
// moves every new file into place at the end and --delete-after removes stale files last,
// so readers see the old site until the new one is complete.

import { spawn } from "node:child_process";

export function rsyncArgs(siteDir: string, target: string, dryRun: boolean): string[] {
  return [
    "--recursive",
    "--links",
    "--times",
    "--checksum",
    "--delete-after",
    "--delay-updates",
    "--human-readable",
    "--itemize-changes",
    ...(dryRun ? ["--dry-run"] : []),
    `${siteDir.replace(/\/+$/, "")}/`,
    target,
  ];
}

export function deployWithRsync(siteDir: string, target: string, dryRun: boolean, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("rsync", rsyncArgs(siteDir, target, dryRun), { stdio: ["ignore", "pipe", "pipe"] });
    let errors = "";
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().split("\n").filter(Boolean).forEach((l) => log(`  ${l}`)));
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk));
    child.on("error", (error) => reject(new Error(`could not run rsync (is it installed?): ${error.message}`)));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`rsync exited with ${code}: ${errors.trim()}`))));
  });
}

// What git says changed between the commit the live site was built from (or a push's
// `before`) and the commit to build. Compared as trees, so a merge, a force push or several
// pushes in one run count every file that differs from what readers have.

import { execFileSync } from "node:child_process";
import type { Changes } from "./due.ts";

const git = (cwd: string, args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** A full or abbreviated commit id; anything else (a push's all-zero `before` on a new
 *  branch, an option-like string) is never handed to git. */
const COMMIT = /^(?!0+$)[0-9a-f]{7,40}$/;

function hasCommit(cwd: string, commit: string | undefined): commit is string {
  if (!commit || !COMMIT.test(commit)) return false;
  try {
    git(cwd, ["cat-file", "-e", `${commit}^{commit}`]);
    return true;
  } catch {
    return false; // a commit a force push dropped, or one a shallow clone lacks
  }
}

export function headCommit(cwd: string): string {
  return git(cwd, ["rev-parse", "HEAD"]).trim();
}

/** The files that differ between `head` and the live site's commit, else the push's `before`;
 *  undefined when this clone has neither. */
export function changesSince(cwd: string, head: string, deployed: string | undefined, before: string | undefined): Changes | undefined {
  const base = hasCommit(cwd, deployed) ? deployed : hasCommit(cwd, before) ? before : undefined;
  if (!base) return undefined;
  // --no-renames: a rename is its two paths, and a blobless clone need not fetch contents.
  const files = git(cwd, ["diff", "--no-renames", "--name-only", base, head]).split("\n").filter(Boolean);
  return { base, deployed: base === deployed, files };
}

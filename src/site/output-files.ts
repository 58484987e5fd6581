// Putting files made in an earlier build (encoded pictures, search indexes kept in the cache)
// into a new site: hard links when both folders share a file system, so no bytes are copied,
// and copies when they do not. Built files are never changed in place, so a link is as good
// as a copy.

import { copyFile, link, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";

/** Links (or copies) `from/file` to `to/file`, replacing what is there: the preview renders
 *  into the folder of its last render, where the file may be already. */
async function linkFile(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      await rm(to, { force: true });
      return linkFile(from, to);
    }
    if (code !== "EXDEV" && code !== "EPERM") throw error;
    await copyFile(from, to);
  }
}

/** Links (or copies) `files`, paths relative to `from`, to the same paths under `to`. */
export async function linkFiles(from: string, to: string, files: readonly string[]): Promise<void> {
  for (const folder of new Set(files.map((f) => path.dirname(path.join(to, f))))) await mkdir(folder, { recursive: true });
  await Promise.all(files.map((f) => linkFile(path.join(from, f), path.join(to, f))));
}

/** Links (or copies) every file below `from` to the same place below `to`. */
export async function linkTree(from: string, to: string): Promise<void> {
  await linkFiles(from, to, await glob("**", { cwd: from, dot: true, expandDirectories: false }));
}

// Putting files made in an earlier build (encoded pictures, search indexes kept in the cache)
// into a new site: hard links when both folders share a file system, so no bytes are copied,
// and copies when they do not. Built files are never changed in place, so a link is as good
// as a copy. Synchronous on purpose: a link is one quick metadata write, and tens of
// thousands of them (a search index) cost three times the CPU as promises on libuv's
// threads, on the thread that renders.

import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";

/** Links (or copies) `from/file` to `to/file`, replacing what is there: the preview renders
 *  into the folder of its last render, where the file may be already. */
function linkFile(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      rmSync(to, { force: true });
      return linkFile(from, to);
    }
    if (code !== "EXDEV" && code !== "EPERM") throw error;
    copyFileSync(from, to);
  }
}

/** Links (or copies) `files`, paths relative to `from`, to the same paths under `to`. */
export function linkFiles(from: string, to: string, files: readonly string[]): void {
  for (const folder of new Set(files.map((f) => path.dirname(path.join(to, f))))) mkdirSync(folder, { recursive: true });
  for (const file of files) linkFile(path.join(from, file), path.join(to, file));
}

/** Links (or copies) every file below `from` to the same place below `to`. */
export function linkTree(from: string, to: string): void {
  const files = readdirSync(from, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(from, path.join(entry.parentPath, entry.name)));
  linkFiles(from, to, files);
}

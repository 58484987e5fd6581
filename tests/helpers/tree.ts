// A folder as files and their contents, to show that a command which refused changed
// nothing: compare the tree before and after.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { globSync } from "tinyglobby";

/** SHA-256 of every file below `dir` by path, dot files included; the linked node_modules
 *  of a project copy left out. */
export function tree(dir: string): Record<string, string> {
  const files = globSync("**", { cwd: dir, dot: true, expandDirectories: false, followSymbolicLinks: false, ignore: ["node_modules/**"] });
  return Object.fromEntries(files.sort().map((file) => [file, createHash("sha256").update(readFileSync(path.join(dir, file))).digest("hex")]));
}

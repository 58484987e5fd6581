// A throwaway copy of this project (code, templates, assets, site data; node_modules
// linked) with its own articles: what the benchmark builds its synthetic archive in, and
// what tests use when an article needs files the sample site does not have.

import { cpSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";

const PROJECT_PARTS = ["src", "scripts", "_includes", "assets", ".eleventy.ts", "package.json", "tsconfig.json"];

/** Copies the project from `from` to `root`, with an `articles/` folder holding only the
 *  folder defaults. */
export function copyProject(root: string, from = process.cwd()): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, "articles"), { recursive: true });
  for (const part of PROJECT_PARTS) cpSync(path.join(from, part), path.join(root, part), { recursive: true });
  symlinkSync(path.join(from, "node_modules"), path.join(root, "node_modules"));
  cpSync(path.join(from, "articles", "articles.json"), path.join(root, "articles", "articles.json"));
}

// A built site as files: what the whole-site checks (valid HTML, links, determinism, policy)
// walk over. Site paths are how a browser asks for a file: "/news/index.html".

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { globSync } from "tinyglobby";
import type { SiteSnapshot } from "./links.ts";

/** Every file below `dir` as a site path, sorted. Synchronous so tests can be listed per file. */
export function sitePaths(dir: string): string[] {
  return globSync("**", { cwd: dir, dot: true, expandDirectories: false }).map((f) => `/${f}`).sort();
}

/** The HTML pages below `dir`, as site paths. */
export function pagePaths(dir: string): string[] {
  return sitePaths(dir).filter((p) => p.endsWith(".html"));
}

/** The URL a browser uses for a page file: "/news/index.html" is "/news/". */
export function pageUrl(sitePath: string): string {
  return sitePath.replace(/(^|\/)index\.html$/, "$1");
}

/** A SHA-256 of every file, by site path: equal snapshots mean byte-identical folders. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const file of sitePaths(dir)) {
    hashes[file] = createHash("sha256").update(await readFile(path.join(dir, file))).digest("hex");
  }
  return hashes;
}

/** The folder as the link checker sees it: every file, and the text of every page. */
export async function readSite(dir: string): Promise<SiteSnapshot> {
  const files = sitePaths(dir);
  const pages = new Map<string, string>();
  for (const file of files.filter((f) => f.endsWith(".html"))) pages.set(file, await readFile(path.join(dir, file), "utf8"));
  return { files: new Set(files), pages };
}

// What a cache of things the build makes is keyed by besides their input: the code that
// makes them. A cache entry made by other code (another drawing of a QR code, other search
// records) must not be reused, so each cache mixes this digest into its keys.

import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** What a module imports by relative path and runs: `import … from`, `import "…"`,
 *  `export … from` (an import of types only runs nothing). */
const RELATIVE_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^;]*?\sfrom\s*)?["'](\.{1,2}\/[^"']+)["']/gms;

/** A digest of the source of every module the `entries` run (what they import by relative
 *  path, followed) and of the installed versions of `packages`. */
export function codeRecipe(entries: readonly URL[], packages: readonly string[] = []): string {
  const hash = createHash("sha1");
  const sources = sourcesOf(entries);
  for (const file of [...sources.keys()].sort()) hash.update(file).update("\0").update(sources.get(file)!).update("\0");
  for (const name of packages) hash.update(name).update("\0").update(packageVersion(name)).update("\0");
  return hash.digest("hex");
}

/** The source files that modules run, by path from the first one's folder: each one and what
 *  it imports by relative path, followed. */
export function sourcesOf(entries: readonly URL[], found = new Map<string, Buffer>(), from = entries[0]): Map<string, Buffer> {
  if (!from) return found;
  for (const entry of entries) {
    const key = path.relative(path.dirname(fileURLToPath(from)), fileURLToPath(entry));
    if (found.has(key) || !existsSync(entry)) continue;
    const text = readFileSync(entry);
    found.set(key, text);
    const imports = [...text.toString().matchAll(RELATIVE_IMPORT)].map((m) => new URL(m[1]!, entry));
    sourcesOf(imports, found, from);
  }
  return found;
}

/** An installed package's version, found as Node finds the package (Pagefind does not export
 *  its package.json, so it cannot be imported). */
function packageVersion(name: string): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "node_modules", name, "package.json");
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
    if (path.dirname(dir) === dir) throw new Error(`${name} is not installed: run npm ci`);
  }
}

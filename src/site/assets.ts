// The site's own stylesheet and scripts as browsers get them: minified by esbuild (scripts
// bundled with what they import) and named by a hash of what they hold
// (/assets/site.3f2a1c9e04.css). A new version is a new name, so any host may let browsers
// keep these files a year (src/features/deploy/headers.ts treats such names as immutable),
// and pages, which are revalidated, always name the current one.

import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";

/** Where the sources live, in the project and on the site. */
export const ASSETS_DIR = "assets";

/** Every asset the pages load, by its source name. Each script is one file for the browser. */
const SOURCES = {
  "site.css": { format: undefined },
  // A classic script in <head>: it runs before first paint, so it cannot be a module.
  "reading-mode.js": { format: "iife" },
  "search.js": { format: "esm" },
  "search-worker.js": { format: "esm" },
} as const;

export type AssetName = keyof typeof SOURCES;

/** Site paths of the built assets (no path prefix), by source name. */
export type AssetUrls = Record<AssetName, string>;

export interface BuiltAssets {
  urls: AssetUrls;
  /** Site path -> contents. */
  files: Map<string, Uint8Array>;
}

/** Hex digits of the content hash in a name: enough that two versions never share one. */
const HASH_LENGTH = 10;

export function hashedName(name: string, contents: Uint8Array | string): string {
  const hash = createHash("sha256").update(contents).digest("hex").slice(0, HASH_LENGTH);
  const dot = name.lastIndexOf(".");
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

/** One asset minified, and the files it was made from (paths under `dir`). */
async function minified(dir: string, name: AssetName): Promise<{ contents: Uint8Array; inputs: string[] }> {
  const result = await build({
    absWorkingDir: dir,
    entryPoints: [path.join(ASSETS_DIR, name)],
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent",
    ...(SOURCES[name].format ? { format: SOURCES[name].format, target: "es2022" } : {}),
  });
  return { contents: result.outputFiles[0]!.contents, inputs: Object.keys(result.metafile.inputs) };
}

/** The SHA-256 of each file, by path under `dir`; a file that is gone hashes to "". */
async function fingerprints(dir: string, files: Iterable<string>): Promise<Map<string, string>> {
  const entries = await Promise.all(
    [...files].map(async (file) => {
      const contents = await readFile(path.join(dir, file)).catch(() => undefined);
      return [file, contents ? createHash("sha256").update(contents).digest("hex") : ""] as const;
    }),
  );
  return new Map(entries);
}

const same = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) => a.size === b.size && [...a].every(([file, hash]) => b.get(file) === hash);

/** Built assets, with every file esbuild read to make them (a script's imports included),
 *  fingerprinted as they were before it read them. */
interface Built {
  assets: BuiltAssets;
  inputs: Map<string, string>;
}

async function buildAll(dir: string, before: ReadonlyMap<string, string>): Promise<Built> {
  const urls = {} as AssetUrls;
  const files = new Map<string, Uint8Array>();
  const read = new Set<string>();
  for (const name of Object.keys(SOURCES) as AssetName[]) {
    const { contents, inputs } = await minified(dir, name);
    for (const file of inputs) read.add(file);
    const sitePath = `/${ASSETS_DIR}/${hashedName(name, contents)}`;
    urls[name] = sitePath;
    files.set(sitePath, contents);
  }
  // A file first read by this build (a new import) is fingerprinted now, after the fact.
  const known = [...before].filter(([file]) => read.has(file));
  const added = await fingerprints(dir, [...read].filter((file) => !before.has(file)));
  return { assets: { urls, files }, inputs: new Map([...known, ...added]) };
}

/**
 * The last assets built: a build and every preview render that changed none of the files
 * they were made from reuse them. Each file is fingerprinted before esbuild reads it, so a
 * file saved while the assets build makes the next render build them again.
 */
let last: { dir: string; built: Promise<Built> } | undefined;

/** The assets built from the sources in `projectDir`/assets. */
export async function siteAssets(projectDir = "."): Promise<BuiltAssets> {
  const dir = path.resolve(projectDir);
  const previous = last?.dir === dir ? await last.built.catch(() => undefined) : undefined;
  const before = await fingerprints(dir, previous?.inputs.keys() ?? Object.keys(SOURCES).map((name) => path.join(ASSETS_DIR, name)));
  if (previous && same(before, previous.inputs)) return previous.assets;
  const built = buildAll(dir, before);
  last = { dir, built };
  return (await built).assets;
}

/** Writes the built assets into a site folder. */
export async function writeAssets(assets: BuiltAssets, outDir: string): Promise<void> {
  await mkdir(path.join(outDir, ASSETS_DIR), { recursive: true });
  await Promise.all([...assets.files].map(([sitePath, contents]) => writeFile(path.join(outDir, sitePath), contents)));
}

// The site's own stylesheet and scripts as browsers get them: minified by esbuild (scripts
// bundled with what they import) and named by a hash of what they hold
// (/assets/site.3f2a1c9e04.css). A new version is a new name, so any host may let browsers
// keep these files a year (src/features/deploy/headers.ts treats such names as immutable),
// and pages, which are revalidated, always name the current one.

import { createHash } from "node:crypto";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
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

async function minified(projectDir: string, name: AssetName): Promise<Uint8Array> {
  const result = await build({
    absWorkingDir: path.resolve(projectDir),
    entryPoints: [path.join(ASSETS_DIR, name)],
    bundle: true,
    minify: true,
    write: false,
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent",
    ...(SOURCES[name].format ? { format: SOURCES[name].format, target: "es2022" } : {}),
  });
  return result.outputFiles[0]!.contents;
}

/** Built once per set of sources: a build and every preview render that changed no asset
 *  reuse it. */
let last: { key: string; built: Promise<BuiltAssets> } | undefined;

async function sourcesKey(projectDir: string): Promise<string> {
  const dir = path.join(projectDir, ASSETS_DIR);
  const names = (await readdir(dir)).filter((n) => /\.(?:css|js)$/.test(n)).sort();
  const hash = createHash("sha256");
  for (const name of names) hash.update(`${name}\0`).update(await readFile(path.join(dir, name))).update("\0");
  return `${path.resolve(projectDir)}\0${hash.digest("hex")}`;
}

/** The assets built from the sources in `projectDir`/assets. */
export async function siteAssets(projectDir = "."): Promise<BuiltAssets> {
  const key = await sourcesKey(projectDir);
  if (last?.key !== key) {
    const built = (async () => {
      const urls = {} as AssetUrls;
      const files = new Map<string, Uint8Array>();
      for (const name of Object.keys(SOURCES) as AssetName[]) {
        const contents = await minified(projectDir, name);
        const sitePath = `/${ASSETS_DIR}/${hashedName(name, contents)}`;
        urls[name] = sitePath;
        files.set(sitePath, contents);
      }
      return { urls, files };
    })();
    last = { key, built };
    built.catch(() => {
      if (last?.built === built) last = undefined;
    });
  }
  return last.built;
}

/** Writes the built assets into a site folder. */
export async function writeAssets(assets: BuiltAssets, outDir: string): Promise<void> {
  await mkdir(path.join(outDir, ASSETS_DIR), { recursive: true });
  await Promise.all([...assets.files].map(([sitePath, contents]) => writeFile(path.join(outDir, sitePath), contents)));
}

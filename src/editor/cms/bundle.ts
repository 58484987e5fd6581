// The CMS as browsers get it: admin.ts and everything it imports (Decap, React, the pair
// editor, the model) bundled and minified by esbuild into one script and one stylesheet,
// named by their hash like the site's own (src/site/assets.ts). Nothing is left for a CDN.
//
// Bundling Decap costs seconds of CPU, so the result is kept in the cache folder with the
// hash of every file that went into it, and a later build whose inputs are the same reads it
// back; within one process it is made once per project folder.

import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import { hashedName } from "../../site/assets.ts";

export interface AdminBundle {
  /** Site paths (no path prefix) of the script and the stylesheet. */
  urls: { script: string; style: string };
  /** Site path -> contents. */
  files: Map<string, Uint8Array>;
}

const ENTRY = "src/editor/cms/admin.ts";
const CACHE_FORMAT = 1;

interface CacheManifest {
  format: number;
  /** Project-relative path -> SHA-1 of its contents, for every file esbuild read. */
  inputs: Record<string, string>;
  script: string;
  style: string;
}

const sha1 = (data: Uint8Array | string) => createHash("sha1").update(data).digest("hex");

async function bundled(projectDir: string): Promise<{ script: Uint8Array; style: Uint8Array; inputs: string[] }> {
  const result = await build({
    absWorkingDir: projectDir,
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    write: false,
    outdir: "out",
    format: "esm",
    target: "es2022",
    platform: "browser",
    metafile: true,
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent",
    // React and Decap read these at load time; the production build of React is the small one.
    define: { "process.env.NODE_ENV": '"production"', global: "globalThis" },
  });
  const js = result.outputFiles.find((f) => f.path.endsWith(".js"))!;
  const css = result.outputFiles.find((f) => f.path.endsWith(".css"));
  return { script: js.contents, style: css?.contents ?? new Uint8Array(), inputs: Object.keys(result.metafile.inputs) };
}

async function fromCache(projectDir: string, dir: string): Promise<{ script: Uint8Array; style: Uint8Array } | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8")) as CacheManifest;
    if (manifest.format !== CACHE_FORMAT) return undefined;
    for (const [file, hash] of Object.entries(manifest.inputs)) {
      if (sha1(await readFile(path.join(projectDir, file))) !== hash) return undefined;
    }
    return { script: await readFile(path.join(dir, manifest.script)), style: await readFile(path.join(dir, manifest.style)) };
  } catch {
    return undefined; // no cache yet, or a file it names is gone: bundle again
  }
}

async function toCache(projectDir: string, dir: string, made: Awaited<ReturnType<typeof bundled>>): Promise<void> {
  const inputs: Record<string, string> = {};
  // esbuild names some inputs by namespace ("<define:...>"); only files can change.
  for (const file of made.inputs.filter((f) => !f.includes(":"))) inputs[file] = sha1(await readFile(path.join(projectDir, file)));
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "admin.js"), made.script);
  await writeFile(path.join(dir, "admin.css"), made.style);
  const manifest: CacheManifest = { format: CACHE_FORMAT, inputs, script: "admin.js", style: "admin.css" };
  await writeFile(path.join(dir, "manifest.json"), JSON.stringify(manifest));
}

const made = new Map<string, Promise<AdminBundle>>();

/** The CMS bundle of the project in `projectDir`, cached under `cacheDir`. */
export function adminBundle(projectDir: string, cacheDir: string): Promise<AdminBundle> {
  const root = path.resolve(projectDir);
  let bundle = made.get(root);
  if (!bundle) {
    bundle = (async () => {
      const dir = path.resolve(root, cacheDir, "admin");
      let files = await fromCache(root, dir);
      if (!files) {
        const fresh = await bundled(root);
        await toCache(root, dir, fresh);
        files = fresh;
      }
      const script = `/assets/${hashedName("admin.js", files.script)}`;
      const style = `/assets/${hashedName("admin.css", files.style)}`;
      return { urls: { script, style }, files: new Map([[script, files.script], [style, files.style]]) };
    })();
    made.set(root, bundle);
    bundle.catch(() => made.delete(root));
  }
  return bundle;
}

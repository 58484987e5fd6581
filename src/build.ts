// A production build: Eleventy renders into a fresh folder, the search index is written
// beside it, and only a complete site replaces the previous one.

import Eleventy from "@11ty/eleventy";
import { replaceDirAtomically } from "./atomic-dir.ts";
import { ContentError } from "./problems.ts";

export interface BuildResult {
  pages: number;
}

/** Renders the site from the project in `cwd` into `dir` with Eleventy. */
export async function renderSite(dir: string): Promise<BuildResult> {
  const eleventy = new Eleventy(".", dir, { configPath: ".eleventy.ts", quietMode: true });
  try {
    const [, written] = (await eleventy.write()) as unknown as [unknown, Array<{ outputPath: string | false }>];
    return { pages: written.filter((w) => w.outputPath).length };
  } catch (error) {
    throw contentErrorIn(error) ?? error;
  }
}

/** Builds into `outDir` (default `_site`) without ever leaving a half-written site there. */
export async function buildSite(outDir = "_site"): Promise<BuildResult> {
  let result: BuildResult = { pages: 0 };
  await replaceDirAtomically(outDir, async (dir) => {
    result = await renderSite(dir);
  });
  return result;
}

/** Eleventy wraps errors from data files; find ours so its file:line messages surface. */
function contentErrorIn(error: unknown): ContentError | undefined {
  for (let e: unknown = error; e instanceof Error; ) {
    if (e instanceof ContentError) return e;
    const next: unknown = (e as { originalError?: unknown }).originalError ?? e.cause;
    if (next === e) break;
    e = next;
  }
  return undefined;
}

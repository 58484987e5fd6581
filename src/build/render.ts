// One Eleventy run: renders the site as `options` say into `dir`. The options reach
// .eleventy.ts through Eleventy's config callback (see giveOptions), never the environment.

import Eleventy from "@11ty/eleventy";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { giveOptions, type BuildOptions } from "../config/build-options.ts";
import { contentErrorIn } from "./errors.ts";

/** The project's Eleventy config: wiring only. */
const CONFIG_FILE = ".eleventy.ts";

export interface Rendered {
  /** Files Eleventy wrote, for the preview server's live reload. */
  written: string[];
}

// Eleventy keeps what it read and compiled of templates and layouts in module-wide caches
// that outlive an Eleventy object; its own watcher empties them with this event, which the
// programmatic API does not expose. Resolved beside Eleventy's entry point, it is the very
// module Eleventy uses.
const eleventyEntry = createRequire(import.meta.url).resolve("@11ty/eleventy");
const eventBus = (await import(pathToFileURL(path.join(path.dirname(eleventyEntry), "EventBus.js")).href)).default as {
  emit(event: string, ...args: unknown[]): void;
};

/** Makes the next render in this process read `files` (templates, layouts, partials) again. */
export function forgetTemplates(files: readonly string[]): void {
  for (const file of files) eventBus.emit("eleventy.resourceModified", file, [], {});
}

/** Renders the site from the project in the working folder into `dir`. */
export async function renderSite(dir: string, options: BuildOptions): Promise<Rendered> {
  const eleventy = new Eleventy(".", dir, {
    configPath: CONFIG_FILE,
    quietMode: true,
    config: (config: object) => giveOptions(config, options),
  });
  // Eleventy would print every error it meets with its stack: the build and the preview say
  // what went wrong themselves (errors.ts), and show a stack only when asked (--debug).
  eleventy.disableLogger();
  try {
    const [, results] = (await eleventy.write()) as unknown as [unknown, Array<{ outputPath: string | false }>];
    return { written: results.flatMap((r) => (r.outputPath ? [r.outputPath] : [])) };
  } catch (error) {
    throw contentErrorIn(error) ?? error;
  }
}

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
// that outlive an Eleventy object. Its own watcher empties them with an event on its private
// event bus (EventBus.js), which the programmatic API does not expose. The public switch,
// `setUseTemplateCache(false)` (the maintainers' advice for the programmatic API, 11ty/eleventy
// issue 3667), turns the caches off for every render instead: measured here, a full render of
// 3,000 articles took two to four times as long without them. So the preview empties them as
// Eleventy's watcher does, and this is the one place that knows how: the bus, resolved beside
// Eleventy's entry point so that it is the very module Eleventy uses, and the event its caches
// listen to. tests/eleventy-caches.test.ts fails if a new Eleventy stops caching or stops
// listening.
const eleventyEntry = createRequire(import.meta.url).resolve("@11ty/eleventy");
const eventBus = (await import(pathToFileURL(path.join(path.dirname(eleventyEntry), "EventBus.js")).href)).default as {
  emit(event: string, ...args: unknown[]): void;
  listenerCount(event: string): number;
};
const TEMPLATE_CHANGED = "eleventy.resourceModified";
if (!eventBus.listenerCount(TEMPLATE_CHANGED)) {
  throw new Error(`This Eleventy's caches no longer listen to "${TEMPLATE_CHANGED}": the preview cannot make it read a changed template again (src/pipeline/render.ts).`);
}

/** Makes the next render in this process read `files` (templates, layouts, partials) again. */
export function forgetTemplates(files: readonly string[]): void {
  for (const file of files) eventBus.emit(TEMPLATE_CHANGED, file, [], {});
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

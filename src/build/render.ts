// One Eleventy run: renders the site as `options` say into `dir`. The options reach
// .eleventy.ts through Eleventy's config callback (see giveOptions), never the environment.

import Eleventy from "@11ty/eleventy";
import { giveOptions, type BuildOptions } from "../config/build-options.ts";
import { contentErrorIn } from "./errors.ts";

/** The project's Eleventy config: wiring only. */
const CONFIG_FILE = ".eleventy.ts";

export interface Rendered {
  /** Files Eleventy wrote, for the preview server's live reload. */
  written: string[];
}

/** Renders the site from the project in the working folder into `dir`. */
export async function renderSite(dir: string, options: BuildOptions): Promise<Rendered> {
  const eleventy = new Eleventy(".", dir, {
    configPath: CONFIG_FILE,
    quietMode: true,
    config: (config: object) => giveOptions(config, options),
  });
  try {
    const [, results] = (await eleventy.write()) as unknown as [unknown, Array<{ outputPath: string | false }>];
    return { written: results.flatMap((r) => (r.outputPath ? [r.outputPath] : [])) };
  } catch (error) {
    throw contentErrorIn(error) ?? error;
  }
}

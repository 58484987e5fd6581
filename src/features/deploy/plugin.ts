// Deploying as Eleventy renders for it: every build writes build-info.json, which
// `npm run deploy` reads before it publishes anything and `npm run due` reads on the live
// site (build-info.ts).

import type UserConfig from "@11ty/eleventy/UserConfig";
import type { BuildOptions } from "../../config/build-options.ts";
import site from "../../config/site.ts";
import { addPage } from "../../site/plugin.ts";
import { loadPublication } from "../../site/publication.ts";
import { BUILD_INFO_PATH, buildInfo } from "./build-info.ts";

export default function deployPlugin(config: UserConfig, options: BuildOptions): void {
  addPage(config, options, "build-info", {
    permalink: BUILD_INFO_PATH,
    layout: "pages/json.njk",
    eleventyComputed: { json: async () => buildInfo(options, (await loadPublication(site, options)).articles) },
    eleventyExcludeFromCollections: true,
  });
}

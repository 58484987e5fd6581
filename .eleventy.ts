// Wiring only: the plugins that make the site, each with the build's options. What each one
// does lives in its folder under src/ (see README, "Where things are").

import { EleventyHtmlBasePlugin } from "@11ty/eleventy";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { optionsFromEnv, optionsGiven } from "./src/config/build-options.ts";
import site from "./src/config/site.ts";
import cmsPlugin from "./src/editor/cms/plugin.ts";
import deployPlugin from "./src/features/deploy/plugin.ts";
import feedsPlugin from "./src/features/feeds/plugin.ts";
import imagesPlugin from "./src/features/images/plugin.ts";
import qrPlugin from "./src/features/qr/plugin.ts";
import searchPlugin from "./src/features/search/plugin.ts";
import sitePlugin from "./src/site/plugin.ts";

export default function (config: UserConfig) {
  // `npm run build` and `npm start` hand their options over (src/pipeline/render.ts). Run by
  // the bare Eleventy CLI, this file is the edge and reads them from the environment.
  const options =
    optionsGiven(config) ??
    optionsFromEnv(process.env, site, { production: !["serve", "watch"].includes(process.env.ELEVENTY_RUN_MODE ?? "") });

  // Eleventy's own: the path prefix on every URL of every page. Added here, first, because
  // Eleventy runs a plugin that a plugin adds (the feed plugin adds this one) once per add.
  config.addPlugin(EleventyHtmlBasePlugin);
  config.addPlugin(sitePlugin, options);
  config.addPlugin(imagesPlugin, options);
  config.addPlugin(qrPlugin, options);
  config.addPlugin(feedsPlugin, options);
  config.addPlugin(searchPlugin, options);
  config.addPlugin(deployPlugin, options);
  config.addPlugin(cmsPlugin, options);
  config.ignores.add("README.md");
  config.ignores.add("tests/**");

  return {
    // No `output` here: it would override the folder a build renders into.
    dir: { input: ".", includes: "_includes" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
    pathPrefix: options.pathPrefix,
  };
}

// Images as Eleventy renders them: each article page's local images become responsive
// <picture>s, and the encoded files are copied into the site once it is written.

import type UserConfig from "@11ty/eleventy/UserConfig";
import path from "node:path";
import type { BuildOptions } from "../../config/build-options.ts";
import { addArticleExtension } from "../../site/plugin.ts";
import { copyPictures, withArticlePictures } from "./pictures.ts";

export default function imagesPlugin(config: UserConfig, options: BuildOptions): void {
  const cacheDir = path.join(options.cacheDir, "images");
  addArticleExtension(config, (article) => withArticlePictures(article, cacheDir));
  config.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => copyPictures(cacheDir, directories.output));
}

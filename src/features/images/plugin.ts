// Images as Eleventy renders them: each article page's local images become responsive
// <picture>s, and the encoded files they use are put into the site once it is written.

import type UserConfig from "@11ty/eleventy/UserConfig";
import path from "node:path";
import type { BuildOptions } from "../../config/build-options.ts";
import { addArticleExtension } from "../../site/plugin.ts";
import { publishPictures, withArticlePictures, type PictureStore } from "./pictures.ts";

export default function imagesPlugin(config: UserConfig, options: BuildOptions): void {
  const store: PictureStore = { cacheDir: path.join(options.cacheDir, "images"), used: new Set() };
  addArticleExtension(config, (article) => withArticlePictures(article, store));
  config.on("eleventy.after", ({ directories }: { directories: { output: string } }) => publishPictures(store, directories.output));
}

// QR codes as Eleventy renders them: every article page gets the code of its canonical URL,
// in a part of its header (_includes/partials/qr.njk: under "Scan QR Code").

import type UserConfig from "@11ty/eleventy/UserConfig";
import path from "node:path";
import type { BuildOptions } from "../../config/build-options.ts";
import { addArticleExtension } from "../../site/plugin.ts";
import { cachedQrSvg } from "./cache.ts";

export default function qrPlugin(config: UserConfig, options: BuildOptions): void {
  if (!options.qr) return;
  const dir = path.join(options.cacheDir, "qr");
  addArticleExtension(config, (article) => ({
    ...article,
    headerParts: [...article.headerParts, { template: "partials/qr.njk", data: { svg: cachedQrSvg(article.canonicalUrl, dir) } }],
  }));
}

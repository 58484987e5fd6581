// The CMS as Eleventy renders it: the /admin/ page (drawn by _includes/pages/admin.njk) with
// Decap's configuration made from src/config/, its own Content-Security-Policy and no place
// in the sitemap, the feeds or search; and the bundled CMS written beside the site's assets.

import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { BuildOptions } from "../../config/build-options.ts";
import cms from "../../config/cms.ts";
import site from "../../config/site.ts";
import { bothLanguages } from "../../config/ui.ts";
import { readDefaults } from "../../model/load-articles.ts";
import { siteAssets } from "../../site/assets.ts";
import { addPage } from "../../site/plugin.ts";
import { absoluteUrl, prefixedPath } from "../../site/urls.ts";
import { adminBundle } from "./bundle.ts";
import { adminPolicy, decapConfig } from "./config.ts";

/** What admin.ts reads from the page. */
export type AdminData = Awaited<ReturnType<typeof adminData>>;

async function adminData(options: BuildOptions) {
  const defaults = await readDefaults(options.articlesDir);
  const config = decapConfig({
    site,
    cms,
    articlesDir: options.articlesDir,
    defaults,
    localBackend: options.preview === true,
    // Under npm start the page is reached as localhost, 127.0.0.1 or [::1]: admin.ts makes
    // the path absolute against its own address.
    siteUrl: options.preview ? options.pathPrefix : absoluteUrl("/", options),
  });
  return {
    config,
    // The preview pane draws an article with the site's own stylesheet.
    previewStyles: [prefixedPath((await siteAssets()).urls["site.css"], options.pathPrefix)],
    columns: site.columns,
    defaults,
    pathPrefix: options.pathPrefix,
  };
}

export default function cmsPlugin(config: UserConfig, options: BuildOptions): void {
  addPage(config, options, "admin", {
    permalink: "/admin/",
    layout: "pages/admin.njk",
    eleventyExcludeFromCollections: true,
    pageTitle: bothLanguages("cmsPageTitle"),
    eleventyComputed: {
      admin: async () => ({
        policy: adminPolicy(cms, options.preview === true),
        assets: (await adminBundle(".", options.cacheDir)).urls,
        data: await adminData(options),
      }),
    },
  });
  config.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    // A preview's render of one saved article does not touch the CMS.
    if (options.changedArticles) return;
    for (const [sitePath, contents] of (await adminBundle(".", options.cacheDir)).files) {
      const file = path.join(directories.output, sitePath);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, contents);
    }
  });
}

// What a build says about itself, in a small file beside its pages, so that `npm run deploy`
// can tell what it is about to publish (a preview, or a site whose links point to a
// placeholder address, must not reach readers), and so that once it is live the next CI run
// can tell what changed since (`npm run due`): the commit it was built from, and which
// articles it published, as a fingerprint (the file is public: it names no scheduled article
// and no time to come).

import { createHash } from "node:crypto";
import { z } from "zod";
import { isPlaceholderUrl, placeholderUrlMessage, type BuildOptions } from "../../config/build-options.ts";

/** The file's site path. */
export const BUILD_INFO_PATH = "/build-info.json";

const buildInfoSchema = z.object({
  siteUrl: z.string(),
  pathPrefix: z.string(),
  production: z.boolean(),
  commit: z.string().optional(),
  published: z.object({ articles: z.number(), fingerprint: z.string() }).optional(),
});

export type BuildInfo = z.infer<typeof buildInfoSchema>;
export type Published = NonNullable<BuildInfo["published"]>;

/** The published articles, named by their URLs: what changes when one comes due. */
export function published(articles: readonly { url: string }[]): Published {
  const urls = articles.map((a) => a.url).sort();
  return { articles: urls.length, fingerprint: createHash("sha1").update(urls.join("\n")).digest("hex") };
}

export function buildInfo(options: Pick<BuildOptions, "siteUrl" | "pathPrefix" | "production" | "commit">, articles: readonly { url: string }[]): BuildInfo {
  return {
    siteUrl: options.siteUrl,
    pathPrefix: options.pathPrefix,
    production: options.production,
    ...(options.commit ? { commit: options.commit } : {}),
    published: published(articles),
  };
}

/** A build-info.json as read back; throws when it is not one. */
export function parseBuildInfo(text: string): BuildInfo {
  return buildInfoSchema.parse(JSON.parse(text));
}

/** Why a built site must not be published, or undefined when it may be. */
export function unpublishable(info: BuildInfo | undefined): string | undefined {
  if (!info) return `the site has no ${BUILD_INFO_PATH.slice(1)}: build it with npm run build first.`;
  if (!info.production) return "this is a preview build (drafts and scheduled articles included): build it with npm run build.";
  if (isPlaceholderUrl(info.siteUrl)) return placeholderUrlMessage(info.siteUrl);
  return undefined;
}

// What a build says about itself, in a small file beside its pages, so that `npm run deploy`
// can tell what it is about to publish: a preview, or a site whose links point to a
// placeholder address, must not reach readers.

import { isPlaceholderUrl, placeholderUrlMessage, type BuildOptions } from "../../config/build-options.ts";

/** The file's site path. */
export const BUILD_INFO_PATH = "/build-info.json";

export interface BuildInfo {
  siteUrl: string;
  pathPrefix: string;
  production: boolean;
}

export function buildInfo(options: Pick<BuildOptions, "siteUrl" | "pathPrefix" | "production">): BuildInfo {
  return { siteUrl: options.siteUrl, pathPrefix: options.pathPrefix, production: options.production };
}

/** Why a built site must not be published, or undefined when it may be. */
export function unpublishable(info: BuildInfo | undefined): string | undefined {
  if (!info) return `the site has no ${BUILD_INFO_PATH.slice(1)}: build it with npm run build first.`;
  if (!info.production) return "this is a preview build (drafts and scheduled articles included): build it with npm run build.";
  if (isPlaceholderUrl(info.siteUrl)) return placeholderUrlMessage(info.siteUrl);
  return undefined;
}

// Absolute URLs: what QR codes, canonical links, feeds and sitemaps point at. A site path
// ("/news/20210105/slug/") becomes site URL + path prefix + path, percent-encoded.

import type { BuildOptions } from "../config/build-options.ts";

/** The absolute, percent-encoded URL of a site path. */
export function absoluteUrl(sitePath: string, options: Pick<BuildOptions, "siteUrl" | "pathPrefix">): string {
  const relative = (options.pathPrefix + sitePath.replace(/^\//, "")).replace(/^\//, "");
  return new URL(relative, `${options.siteUrl}/`).href;
}

/** An image or file reference as an absolute URL: site paths get site URL and prefix,
 *  addresses on other hosts stay as they are. */
export function absoluteAssetUrl(src: string, options: Pick<BuildOptions, "siteUrl" | "pathPrefix">): string {
  return src.startsWith("/") && !src.startsWith("//") ? absoluteUrl(src, options) : new URL(src).href;
}

/** A site path ("/assets/images/a.jpg") as a browser on the site asks for it, under the path
 *  prefix; addresses on other hosts and blob: URLs stay as they are. */
export function prefixedPath(url: string, pathPrefix: string): string {
  return url.startsWith("/") && !url.startsWith("//") ? pathPrefix + url.slice(1) : url;
}

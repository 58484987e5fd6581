// Absolute URLs: what QR codes, canonical links, feeds and sitemaps point at. A site path
// ("/news/20210105/slug/") becomes site URL + path prefix + path, percent-encoded.

import type { BuildOptions } from "./build-options.ts";

/** Throws a message an operator can act on unless `url` is an absolute http(s) URL. */
export function checkSiteUrl(url: string | undefined): string {
  let parsed: URL | undefined;
  try {
    parsed = url ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.pathname.replace(/\/+$/, "") !== "" || parsed.search || parsed.hash) {
    throw new Error(
      `The site URL ${url ? `"${url}"` : "is missing; it"} must be an absolute http(s) URL with no path, ` +
        `such as https://news.example.org. Set "url" in _data/site.ts or the SITE_URL environment ` +
        `variable; put a sub-path in PATH_PREFIX.`,
    );
  }
  return parsed.origin;
}

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

// What a static host should send with each file: its content type, and how long browsers
// and CDNs may keep it. Files whose names carry a content hash never change, so they are
// kept a year; everything else, HTML above all, is revalidated so readers see a new
// article at once.

import mime from "mime-types";

export const CACHE = {
  immutable: "public, max-age=31536000, immutable",
  revalidate: "public, max-age=0, must-revalidate",
  short: "public, max-age=300, must-revalidate",
};

// Pagefind names its index chunks by content hash (en_379d5fceb7.pf_meta, fragment/...),
// eleventy-img its outputs (hashes of the source and options), and the build the site's own
// stylesheet and scripts (site.3f2a1c9e04.css: src/site/assets.ts).
const HASHED = /(?:^|[._/-])[0-9a-f]{8,}\.(?:pf_\w+|pagefind|webp|avif|jpe?g|png|gif|css|js)$|\/(?:fragment|index|filter)\/[^/]+\.pf_\w+$/;

/** The Content-Type of a site file; Pagefind's own index formats are plain bytes. */
export function contentType(key: string): string {
  return mime.contentType(key.slice(key.lastIndexOf("/") + 1)) || "application/octet-stream";
}

export function cacheControl(key: string): string {
  if (isEntryPoint(key)) return CACHE.revalidate;
  if (HASHED.test(key)) return CACHE.immutable;
  return CACHE.short;
}

/** HTML, feeds and the sitemap go last: they point at everything else. */
export function isEntryPoint(key: string): boolean {
  return /\.(?:html|xml|txt)$/.test(key);
}

// What a static host should send with each file: its content type, and how long browsers
// and CDNs may keep it. Files whose names carry a content hash never change, so they are
// kept a year; everything else, HTML above all, is revalidated so readers see a new
// article at once.

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  json: "application/json",
  xml: "application/xml; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  ico: "image/x-icon",
  woff2: "font/woff2",
  wasm: "application/wasm",
  pagefind: "application/octet-stream",
  pf_meta: "application/octet-stream",
  pf_index: "application/octet-stream",
  pf_fragment: "application/octet-stream",
  pf_filter: "application/octet-stream",
};

export const CACHE = {
  immutable: "public, max-age=31536000, immutable",
  revalidate: "public, max-age=0, must-revalidate",
  short: "public, max-age=300, must-revalidate",
};

// Pagefind names its index chunks by content hash (en_379d5fceb7.pf_meta, fragment/...),
// and so does eleventy-img (its output names are hashes of the source and options).
const HASHED = /(?:^|[._/-])[0-9a-f]{8,}\.(?:pf_\w+|pagefind|webp|avif|jpe?g|png|gif)$|\/(?:fragment|index|filter)\/[^/]+\.pf_\w+$/;

export function contentType(key: string): string {
  const ext = key.slice(key.lastIndexOf(".") + 1).toLowerCase();
  return TYPES[ext] ?? "application/octet-stream";
}

export function cacheControl(key: string): string {
  if (key.endsWith(".html") || key.endsWith(".xml") || key.endsWith(".txt")) return CACHE.revalidate;
  if (HASHED.test(key)) return CACHE.immutable;
  return CACHE.short;
}

/** HTML, feeds and the sitemap go last: they point at everything else. */
export function isEntryPoint(key: string): boolean {
  return /\.(?:html|xml|txt)$/.test(key);
}

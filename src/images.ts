// Article images: a local image becomes a <picture> with AVIF, WebP and its own format at
// several widths, with width and height so the page does not jump while it loads. Made in
// the content model, only for articles that have images: an HTML transform over every page
// would re-parse ten thousand pages to find the few with photos.
//
// Encoded files go to a cache folder that outlives builds (eleventy-img skips any output
// that already exists there) and are copied into each build: re-encoding every photo of a
// ten-year archive on every build would dominate the build time.

import Image, { generateHTML } from "@11ty/eleventy-img";
import { existsSync } from "node:fs";
import { cp } from "node:fs/promises";
import path from "node:path";

/** Images this site hosts: under /assets/, which the build copies as is. Images on other
 *  hosts are shown as they are: making variants would mean downloading them at build time. */
export function isLocalImage(src: string): boolean {
  return src.startsWith("/assets/");
}

export const IMAGE_CACHE_DIR = ".cache/images";
export const IMAGE_URL_PATH = "/img/";

const OPTIONS = {
  formats: ["avif", "webp", "auto"],
  widths: [480, 960, 1440],
  outputDir: IMAGE_CACHE_DIR,
  urlPath: IMAGE_URL_PATH,
};
/** The article column is 42rem wide at most. */
const SIZES = "(min-width: 44rem) 42rem, 100vw";

export interface PictureOptions {
  /** The lead image is above the fold: load it at once. */
  eager?: boolean;
}

/** A <picture> for a local image (a site path under /assets/). */
export async function pictureHtml(src: string, alt: string, options: PictureOptions = {}): Promise<string> {
  const metadata = await Image(src.slice(1), OPTIONS);
  return generateHTML(metadata, {
    alt,
    sizes: SIZES,
    loading: options.eager ? "eager" : "lazy",
    decoding: "async",
    ...(options.eager ? { fetchpriority: "high" } : {}),
  });
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const unescape = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
// The <img> markdown.ts writes: src first, then alt.
const RENDERED_IMG = /<img src="([^"]*)" alt="([^"]*)"[^>]*>/g;

/** Paragraph HTML from markdown.ts with each local <img> made a <picture>. */
export async function withPictures(html: string): Promise<string> {
  const found = [...html.matchAll(RENDERED_IMG)].filter((m) => isLocalImage(unescape(m[1]!)));
  if (!found.length) return html;
  const pictures = await Promise.all(found.map((m) => pictureHtml(unescape(m[1]!), unescape(m[2]!))));
  let i = 0;
  return html.replace(RENDERED_IMG, (tag, src: string) => (isLocalImage(unescape(src)) ? pictures[i++]! : tag));
}

/** Copies the encoded images into a build's output folder. */
export async function copyImages(siteDir: string): Promise<void> {
  if (!existsSync(IMAGE_CACHE_DIR)) return;
  await cp(IMAGE_CACHE_DIR, path.join(siteDir, IMAGE_URL_PATH), { recursive: true });
}

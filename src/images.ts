// Article images, made responsive by eleventy-img's HTML transform: every local <img>
// becomes a <picture> with AVIF and WebP and the original format as fallback, several
// widths, and width/height so the page does not jump while it loads.
//
// Encoded files go to a cache folder that outlives builds (eleventy-img skips any output
// that already exists there) and are copied into each build: re-encoding every photo of a
// ten-year archive on every build would dominate the build time.

import { cp } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";

/** Images this site hosts: under /assets/, which the build copies as is. Others (on other
 *  hosts) are shown as they are: the transform would have to download them. */
export function isLocalImage(src: string): boolean {
  return src.startsWith("/assets/");
}

/** The attribute that makes eleventy-img's transform leave an <img> alone. */
export const TRANSFORM_IGNORE = "eleventy:ignore";

export const IMAGE_CACHE_DIR = ".cache/images";
export const IMAGE_URL_PATH = "/img/";

/** Options for eleventy-img's eleventyImageTransformPlugin. */
export const imageTransformOptions = {
  formats: ["avif", "webp", "auto"],
  widths: [480, 960, 1440],
  outputDir: IMAGE_CACHE_DIR,
  urlPath: IMAGE_URL_PATH,
  htmlOptions: {
    // Below-the-fold default; the lead image overrides it with loading="eager".
    imgAttributes: { loading: "lazy", decoding: "async", sizes: "(min-width: 44rem) 42rem, 100vw" },
  },
};

/** Copies the encoded images into a build's output folder. */
export async function copyImages(siteDir: string): Promise<void> {
  if (!existsSync(IMAGE_CACHE_DIR)) return;
  await cp(IMAGE_CACHE_DIR, path.join(siteDir, IMAGE_URL_PATH), { recursive: true });
}

// Article images: a local image becomes a <picture> with AVIF, WebP and its own format at
// several widths, with width and height so the page does not jump while it loads. Made from
// the publication, only for articles that have images: an HTML transform over every page
// would re-parse every page of the archive to find the few with photos.
//
// Encoded files go to a cache folder that outlives builds (eleventy-img skips any output
// that already exists there) and are linked into each build: re-encoding every photo of a
// ten-year archive on every build would dominate the build time.

import Image, { generateHTML } from "@11ty/eleventy-img";
import path from "node:path";
import type { RenderedParagraph } from "../../model/article.ts";
import { isLocalImage } from "../../model/image-paths.ts";
import { figureHtml, type Figure } from "../../model/markdown.ts";
import { linkFiles } from "../../site/output-files.ts";
import type { ArticlePage } from "../../site/publication.ts";

/** Where the encoded files are served from. */
export const IMAGE_URL_PATH = "/img/";

const FORMATS = ["avif", "webp", "auto"];
const WIDTHS = [480, 960, 1440];
/** The article column is 42rem wide at most. */
const SIZES = "(min-width: 44rem) 42rem, 100vw";

export interface PictureOptions {
  /** The lead image is above the fold: load it at once. */
  eager?: boolean;
}

/** Where pictures are encoded to, and the encoded files this build's pages use: only those
 *  go into the site, not every picture the cache holds from earlier builds. */
export interface PictureStore {
  cacheDir: string;
  used: Set<string>;
}

/** A <picture> for a local image (a site path under /assets/), its files encoded into the store. */
export async function pictureHtml(src: string, alt: string, store: PictureStore, options: PictureOptions = {}): Promise<string> {
  const metadata = await Image(src.slice(1), { formats: FORMATS, widths: WIDTHS, outputDir: store.cacheDir, urlPath: IMAGE_URL_PATH });
  for (const file of Object.values(metadata).flat() as { filename: string }[]) store.used.add(file.filename);
  return generateHTML(metadata, {
    alt,
    sizes: SIZES,
    loading: options.eager ? "eager" : "lazy",
    decoding: "async",
    ...(options.eager ? { fetchpriority: "high" } : {}),
  });
}

/** A figure whose picture is a local image: the build encodes it. */
const encodable = (p: RenderedParagraph): p is RenderedParagraph & { figure: Figure } =>
  p.figure !== undefined && isLocalImage(p.figure.src);

/** Responsive pictures for an article's local images (the lead image and the figures the model
 *  found); articles without any pass as they are. */
export async function withArticlePictures(article: ArticlePage, store: PictureStore): Promise<ArticlePage> {
  const lead = article.image;
  if (!lead && !article.paragraphs.some(encodable)) return article;
  const paragraphs = await Promise.all(
    article.paragraphs.map(async (p) =>
      encodable(p) ? { ...p, html: figureHtml(p.figure, p.lang, await pictureHtml(p.figure.src, p.figure.alt, store)) } : p,
    ),
  );
  const byLine = new Map(paragraphs.map((p) => [p.line, p]));
  const swap = (p: RenderedParagraph) => byLine.get(p.line)!;
  return {
    ...article,
    paragraphs,
    blocks: article.blocks.map((b) => (b.kind === "pair" ? { ...b, en: swap(b.en), zh: swap(b.zh) } : { ...b, paragraph: swap(b.paragraph) })),
    leadImageHtml: lead && isLocalImage(lead.src) ? await pictureHtml(lead.src, lead.alt, store, { eager: true }) : undefined,
  };
}

/** Puts the encoded files this build's pages use into the site. */
export function publishPictures(store: PictureStore, siteDir: string): void {
  linkFiles(store.cacheDir, path.join(siteDir, IMAGE_URL_PATH), [...store.used].sort());
}

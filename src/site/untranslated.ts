// Which paragraphs of a page have no translation, and whether the whole article is in one
// language, in a module of its own that reads no file:
// the CMS's preview (src/editor/cms/) bundles it for the browser and marks them as the page does.

import type { Lang } from "../config/languages.ts";
import type { RenderedParagraph } from "../model/article.ts";
import type { Block } from "../model/paragraphs.ts";

/** A block as the article page draws it. `only`: a paragraph of text that stands alone in an
 *  article that translates, so the page can say it has no translation (the reader would
 *  otherwise see an empty half beside it, or English in the middle of the Chinese). */
export type PageBlock = Block<RenderedParagraph> & { only?: Lang };

/** Marks the paragraphs of text that stand alone without translation, in an article whose
 *  text is in both languages. A caption, a subhead or a picture is not missing a translation,
 *  and an article whose text is in one language (a bilingual caption or subhead aside) is not
 *  missing anything paragraph by paragraph. */
export function markUntranslated(blocks: readonly Block<RenderedParagraph>[]): PageBlock[] {
  const paragraphs = blocks.flatMap((b) => (b.kind === "pair" ? [b.en, b.zh] : [b.paragraph]));
  if (textLanguages(paragraphs).size < 2) return [...blocks];
  return blocks.map((b) => (b.kind === "single" && b.paragraph.kind === "text" ? { ...b, only: b.paragraph.lang } : b));
}

/** The language of every paragraph of text, when they share one; undefined for an article
 *  with text in both languages (or none). Captions, subheads and pictures do not count: a
 *  Chinese photo credit or a bilingual subhead in an English story leaves it an English story,
 *  read as one column. */
export function oneLanguageOf(paragraphs: readonly RenderedParagraph[]): Lang | undefined {
  const langs = textLanguages(paragraphs);
  return langs.size === 1 ? [...langs][0] : undefined;
}

const textLanguages = (paragraphs: readonly RenderedParagraph[]) => new Set(paragraphs.filter((p) => p.kind === "text").map((p) => p.lang));

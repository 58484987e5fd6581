// The editorial warnings of an article as the preview shows them on its page: in both
// languages, each after the block of the paragraph it is about, so a translator sees them
// while writing. Production pages never carry them (publication.ts adds them only when
// the options say this is the preview).

import ui, { type UiStrings } from "../config/ui.ts";
import type { Article } from "../model/article.ts";
import type { Warning, WarningKind } from "../model/editorial-warnings.ts";
import type { Bilingual } from "./bilingual.ts";

export interface EditorNotes {
  /** Notes about the article as a whole, shown before its text. */
  top: Bilingual[];
  /** Notes after each block, by the block's index in `article.blocks`. */
  blocks: Bilingual[][];
}

const TEXT: Record<WarningKind, keyof UiStrings> = {
  "no-chinese": "noteNoChinese",
  "untranslated-run": "noteUntranslatedRun",
  "pair-zh-shorter": "notePairZhShorter",
  "pair-zh-longer": "notePairZhLonger",
  "lost-partner": "noteLostPartner",
  "caption-without-picture": "noteCaptionWithoutPicture",
  "stray-heading": "noteStrayHeading",
};

function note(warning: Warning): Bilingual {
  const words = (text: string) => text.replace("{n}", String(warning.count));
  return { en: words(ui.en[TEXT[warning.kind]]), zh: words(ui.zh[TEXT[warning.kind]]) };
}

/** The notes of an article's warnings, or none when it has no warning. */
export function editorNotes(article: Pick<Article, "warnings" | "blocks">): EditorNotes | undefined {
  if (!article.warnings.length) return undefined;
  const lines = article.blocks.map((b) => (b.kind === "pair" ? [b.en.line, b.zh.line] : [b.paragraph.line]));
  const notes: EditorNotes = { top: [], blocks: article.blocks.map(() => []) };
  for (const warning of article.warnings) {
    const block = lines.findIndex((l) => l.includes(warning.line));
    (block < 0 ? notes.top : notes.blocks[block]!).push(note(warning));
  }
  return notes;
}

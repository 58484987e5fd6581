// Editorial warnings: things that build fine but that an editor would want to look at before
// readers do. They never fail a build.

import type { FrontMatter } from "./front-matter.ts";
import { holdsHeading } from "./markdown.ts";
import { scriptCounts, type Block, type Paragraph, type ParagraphKind } from "./paragraphs.ts";

/** What a warning is about, for whoever shows it in words of their own (the preview). */
export type WarningKind =
  | "no-chinese"
  | "untranslated-run"
  | "pair-zh-shorter"
  | "pair-zh-longer"
  | "lost-partner"
  | "caption-without-picture"
  | "stray-heading";

export interface Warning {
  kind: WarningKind;
  /** The line of the paragraph it is about (the first of a run), or of the title. */
  line: number;
  message: string;
  /** Paragraphs in an untranslated run. */
  count?: number;
}

/** English paragraphs in a row without translation, in an article that does translate. */
export const LONG_UNPAIRED_RUN = 3;
/** English letters per Han character; outside this band a pair is probably mismatched. */
const LETTERS_PER_HAN = { min: 0.8, max: 12 };

const kindOf = (block: Block): ParagraphKind => (block.kind === "pair" ? block.en : block.paragraph).kind;
const lineOf = (block: Block): number => (block.kind === "pair" ? block.en : block.paragraph).line;

/**
 * Captions with no picture beside them, as text dumps leave them (the photos gone, their
 * credits kept). Captions in a row (a caption and its credit, a bilingual caption) belong to
 * one picture, right before or right after them; captions that open the body may belong to
 * the lead image.
 */
function captionsWithoutPicture(blocks: readonly Block[], leadImage: boolean): Warning[] {
  const warnings: Warning[] = [];
  for (let start = 0; start < blocks.length; start++) {
    if (kindOf(blocks[start]!) !== "caption") continue;
    let end = start;
    while (end < blocks.length && kindOf(blocks[end]!) === "caption") end++;
    const before = blocks[start - 1];
    const after = blocks[end];
    const pictured = (before ? kindOf(before) === "figure" : leadImage) || (after !== undefined && kindOf(after) === "figure");
    if (!pictured) {
      warnings.push(...blocks.slice(start, end).map((block) => ({
        kind: "caption-without-picture" as const,
        line: lineOf(block),
        message: "this caption has no picture beside it: add the photo right before or after it (![what it shows](/assets/images/….jpg)), or delete the caption",
      })));
    }
    start = end;
  }
  return warnings;
}

export function editorialWarnings(
  front: Pick<FrontMatter, "title" | "image">,
  paragraphs: readonly Paragraph[],
  blocks: readonly Block[],
  titleLine: number,
): Warning[] {
  const { title } = front;
  const warnings: Warning[] = [];
  // Captions, subheads and pictures are not the text a reader translates: they neither make
  // nor break a run.
  const body = blocks.filter((b) => kindOf(b) === "text");
  const translates = body.some((b) => b.kind === "pair");

  if (!title.zh && !paragraphs.some((p) => p.lang === "zh")) {
    warnings.push({ kind: "no-chinese", line: titleLine, message: "the article has no Chinese at all: add title.zh or Chinese paragraphs" });
  }

  let run: Paragraph[] = [];
  const endRun = () => {
    if (translates && run.length >= LONG_UNPAIRED_RUN) {
      warnings.push({
        kind: "untranslated-run",
        line: run[0]!.line,
        count: run.length,
        message: `${run.length} English paragraphs in a row (lines ${run[0]!.line}-${run.at(-1)!.line}) have no Chinese translation`,
      });
    }
    run = [];
  };
  body.forEach((block, i) => {
    if (block.kind === "single" && block.paragraph.lang === "en") {
      run.push(block.paragraph);
      return;
    }
    endRun();
    if (block.kind === "pair") {
      const ratio = scriptCounts(block.en.text).latinLetters / Math.max(1, scriptCounts(block.zh.text).han);
      if (ratio < LETTERS_PER_HAN.min || ratio > LETTERS_PER_HAN.max) {
        warnings.push({
          kind: ratio > LETTERS_PER_HAN.max ? "pair-zh-shorter" : "pair-zh-longer",
          line: block.zh.line,
          message: `this Chinese paragraph is much ${ratio > LETTERS_PER_HAN.max ? "shorter" : "longer"} than the English one it is paired with (line ${block.en.line}): check the pairing`,
        });
      }
      return;
    }
    const previous = body[i - 1];
    const lostPartner =
      translates && !block.paragraph.solo && previous !== undefined &&
      (previous.kind === "pair" || previous.paragraph.lang === "zh");
    if (lostPartner) {
      warnings.push({
        kind: "lost-partner",
        line: block.paragraph.line,
        message: "this Chinese paragraph follows Chinese text: did its English partner go missing? Start it with {solo} if it stands alone on purpose",
      });
    }
  });
  endRun();
  const strayHeadings = paragraphs
    .filter((p) => p.kind === "text" && holdsHeading(p.text))
    .map((p) => ({
      kind: "stray-heading" as const,
      line: p.line,
      message: "this paragraph is shown as a heading but read as text: a subhead is one line starting with \"## \", with a blank line after it (not #, ### or an underlined line)",
    }));
  return [...warnings, ...captionsWithoutPicture(blocks, front.image !== undefined), ...strayHeadings];
}

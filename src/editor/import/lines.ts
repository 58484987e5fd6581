// A dump's lines as the importer reads them: trimmed of what copy-paste adds, each with its
// line number (for messages) and the paragraph it sat in (lines with no blank line between).

export interface DumpLine {
  text: string;
  /** 1-based line number in the dump. */
  line: number;
  /** Lines with the same group had no blank line between them. */
  group: number;
}

// Full-width (U+3000) and non-breaking (U+00A0) spaces are how the portal indents; they are
// not in JavaScript's \s everywhere we need them to be, so name them.
const EDGE_SPACE = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0]+$/g;

/** The non-blank lines of a dump, with a BOM, CR line ends and edge spaces removed. */
export function dumpLines(text: string): DumpLine[] {
  const lines: DumpLine[] = [];
  let group = 0;
  text.replace(/\r\n?/g, "\n").split("\n").forEach((raw, index) => {
    const trimmed = raw.replace(EDGE_SPACE, "");
    if (!trimmed) {
      group++;
      return;
    }
    lines.push({ text: trimmed, line: index + 1, group });
  });
  return lines;
}

/** Whether the dump separates its paragraphs by blank lines (most groups hold one line), so
 *  that two lines without a blank between them are one paragraph of the source. */
export function blankLineSeparated(lines: readonly DumpLine[]): boolean {
  const groups = new Set(lines.map((l) => l.group)).size;
  return groups > 1 && groups >= lines.length * 0.75;
}

// One shape for everything wrong with an article, so `check`, the build and the importer
// all report it the same way: `file:line:col severity message`.

export type Severity = "error" | "warning";

export interface Problem {
  file: string;
  /** 1-based; 0 when the problem is with the whole file or folder. */
  line: number;
  col: number;
  severity: Severity;
  message: string;
}

/** `file:line:col severity message`; a problem with a whole file or folder (line 0) has no
 *  line and column. */
export function formatProblem(p: Problem): string {
  return `${p.line ? `${p.file}:${p.line}:${p.col}` : `${p.file}:`} ${p.severity} ${p.message}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** Thrown when articles cannot be built; carries every problem found, not just the first. */
export class ContentError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(
      problems.filter((p) => p.severity === "error").map(formatProblem).join("\n") ||
        "content has errors",
    );
    this.name = "ContentError";
  }
}

/** Warnings a build prints: the first few, then how many more `npm run check` lists. A
 *  large archive can have thousands, and a build log that long hides everything else. */
export function warningSummary(warnings: readonly Problem[], shown = 20): string[] {
  const lines = warnings.slice(0, shown).map(formatProblem);
  if (warnings.length > shown) lines.push(`... and ${warnings.length - shown} more warnings: npm run check lists them all`);
  return lines;
}

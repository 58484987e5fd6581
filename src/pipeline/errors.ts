// What a failed build tells the person who ran it, the same from `npm run build` and from
// the preview: every file:line problem when articles are wrong, otherwise the chain of
// errors, the innermost (what is wrong) last.

import { ContentError, formatProblem } from "../model/problems.ts";

/** An error and the errors it wraps (Eleventy keeps the original in `originalError`). */
export function errorChain(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let e: unknown = error; e instanceof Error && !chain.includes(e); ) {
    chain.push(e);
    e = (e as { originalError?: unknown }).originalError ?? e.cause;
  }
  return chain;
}

/** Eleventy wraps errors from data functions; find ours so its file:line messages surface. */
export function contentErrorIn(error: unknown): ContentError | undefined {
  return errorChain(error).find((e) => e instanceof ContentError);
}

/** What went wrong, a line each; `errorsOnly` leaves out the warnings that came with it. */
export function errorLines(error: unknown, errorsOnly = false): string[] {
  const content = contentErrorIn(error);
  if (content) return content.problems.filter((p) => !errorsOnly || p.severity === "error").map(formatProblem);
  const chain = errorChain(error);
  return chain.length ? chain.map((e) => e.message) : [String(error)];
}

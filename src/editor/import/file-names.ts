// Where each imported page goes. Two different pages with the same date and headline get two
// files (…-2.md), never one overwriting the other, whether they come in one run or in two;
// the same page dumped twice goes once.

/** What a run has claimed so far: file names, and the article text of each (to tell the same
 *  page dumped twice), each with the dump it came from. */
export interface Claims {
  names: Set<string>;
  texts: Map<string, string>;
  /** The suffix to try first for a base: an archive may hold a headline a hundred times. */
  next: Map<string, number>;
}

export function newClaims(): Claims {
  return { names: new Set(), texts: new Map(), next: new Map() };
}

/** The first of `base`.md, `base`-2.md… that no other page holds, of this run or of an
 *  earlier one (`heldByOtherPage`: an article there says it came from another page); or,
 *  when a page of this run has the same article text, that page's dump. */
export function claimFileName(
  base: string,
  text: string,
  input: string,
  claims: Claims,
  heldByOtherPage: (name: string) => boolean = () => false,
): { name: string } | { sameAs: string } {
  const sameAs = claims.texts.get(text);
  if (sameAs !== undefined) return { sameAs };
  let n = claims.next.get(base) ?? 1;
  const nameFor = (k: number) => (k === 1 ? `${base}.md` : `${base}-${k}.md`);
  while (claims.names.has(nameFor(n)) || heldByOtherPage(nameFor(n))) n++;
  const name = nameFor(n);
  claims.next.set(base, n + 1);
  claims.names.add(name);
  claims.texts.set(text, input);
  return { name };
}

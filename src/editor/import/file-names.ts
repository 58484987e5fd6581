// Where each imported page goes. Two different pages with the same date and headline get two
// files (…-2.md), never one overwriting the other; the same page dumped twice goes once.

export interface Claim {
  text: string;
  input: string;
}

/** The first of `base`.md, `base`-2.md… that no other page of this run holds; or, when one
 *  holds the same article text, that page's input. */
export function claimFileName(
  base: string,
  claim: Claim,
  claimed: Map<string, Claim>,
): { name: string } | { sameAs: string } {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.md` : `${base}-${n}.md`;
    const holder = claimed.get(name);
    if (!holder) {
      claimed.set(name, claim);
      return { name };
    }
    if (holder.text === claim.text) return { sameAs: holder.input };
  }
}

// Replace a folder only once its new contents are complete. Readers (a web server, a deploy)
// see either the old folder or the new one, never a half-written mix, and a failure leaves
// the old one exactly as it was.

import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";

/**
 * Runs `fill` on a fresh sibling of `target` and, if it succeeds, swaps it in for `target`.
 * The sibling lives in the same parent folder so the swap is a rename, not a copy.
 */
export async function replaceDirAtomically(target: string, fill: (dir: string) => Promise<void>): Promise<void> {
  const parent = path.dirname(path.resolve(target));
  const base = path.basename(target);
  const stamp = `${process.pid}-${Date.now()}`;
  const next = path.join(parent, `${base}.next-${stamp}`);
  const old = path.join(parent, `${base}.old-${stamp}`);
  await mkdir(parent, { recursive: true });
  await rm(next, { recursive: true, force: true });
  try {
    await mkdir(next);
    await fill(next);
  } catch (error) {
    await rm(next, { recursive: true, force: true });
    throw error;
  }
  const hadTarget = await rename(target, old).then(() => true, (e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return false;
    throw e;
  });
  try {
    await rename(next, target);
  } catch (error) {
    if (hadTarget) await rename(old, target);
    throw error;
  }
  if (hadTarget) await rm(old, { recursive: true, force: true });
}

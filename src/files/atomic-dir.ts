// Replace a folder only once its new contents are complete, so a failure leaves the old one
// exactly as it was. How the new folder takes the old one's place depends on the target:
//
// - A symlink (`/var/www/news -> news.releases/…`): the new folder is made beside the one it
//   points to and a new link is renamed over the old one. One rename: a web server that
//   follows the link sees the old site or the new one, never neither.
// - A plain folder (`_site/`): the old folder is renamed aside and the new one renamed into
//   its place, then the old one is deleted. Between the two renames, microseconds apart,
//   there is no folder; for a folder a server serves, make it a symlink (README, Publishing).

import { lstat, mkdir, readlink, rename, rm, symlink } from "node:fs/promises";
import path from "node:path";

async function isSymlink(file: string): Promise<boolean> {
  return (await lstat(file).catch(() => undefined))?.isSymbolicLink() ?? false;
}

/** The folder `next`, made afresh and filled by `fill`; removed again when `fill` fails. */
async function filled(next: string, fill: (dir: string) => Promise<void>): Promise<string> {
  await rm(next, { recursive: true, force: true });
  try {
    await mkdir(next);
    await fill(next);
  } catch (error) {
    // Work the failure left running (an encoder, a copy) may still write into the folder and
    // make the removal fail: retry it, and never let it hide why filling failed.
    await rm(next, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }).catch(() => {});
    throw error;
  }
  return next;
}

/** Runs `fill` on a fresh folder and, if it succeeds, puts it where `target` is. */
export async function replaceDirAtomically(target: string, fill: (dir: string) => Promise<void>): Promise<void> {
  const resolved = path.resolve(target);
  await mkdir(path.dirname(resolved), { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  if (await isSymlink(resolved)) return replaceLinkedDir(resolved, stamp, fill);

  const next = await filled(`${resolved}.next-${stamp}`, fill);
  const old = `${resolved}.old-${stamp}`;
  const hadTarget = await rename(resolved, old).then(
    () => true,
    (e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return false;
      throw e;
    },
  );
  try {
    await rename(next, resolved);
  } catch (error) {
    if (hadTarget) await rename(old, resolved);
    throw error;
  }
  if (hadTarget) await rm(old, { recursive: true, force: true });
}

/** The symlink case: the new folder goes beside the current one, a new link replaces the old
 *  link in one rename, and the folder the old link pointed to is deleted. */
async function replaceLinkedDir(link: string, stamp: string, fill: (dir: string) => Promise<void>): Promise<void> {
  const current = path.resolve(path.dirname(link), await readlink(link));
  const next = await filled(path.join(path.dirname(current), `${path.basename(link)}-${stamp}`), fill);
  const newLink = `${link}.link-${stamp}`;
  await symlink(path.relative(path.dirname(link), next), newLink);
  try {
    await rename(newLink, link);
  } catch (error) {
    await rm(newLink, { force: true });
    await rm(next, { recursive: true, force: true });
    throw error;
  }
  await rm(current, { recursive: true, force: true });
}

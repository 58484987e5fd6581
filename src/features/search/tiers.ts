// Which search index a build writes. Pagefind has no way to add to an index, and writing the
// whole archive's index for one new story costs as much as a full build. So the index is kept
// in two tiers: the archive, written rarely and kept in the cache, and a recent tier written
// on every build, with the articles the archive lacks or has in an older version. The search
// page searches both (assets/search-engine.js) and leaves out the archive's records of edited
// and deleted articles (`masked`). Once the articles new, edited or deleted since the archive
// was written pass `recentLimit` of the archive, the build writes the archive again with every
// article, and the recent tier is empty until the next change. A cold cache writes the archive
// with every article: the build from scratch.
//
// The plan depends only on the articles and the archives in the cache, so the same cache and
// the same articles give the same site, byte for byte.

import type { Lang } from "../../config/languages.ts";

/** What the cache keeps of an archive beside its two indexes. */
export interface ArchiveManifest {
  /** Each article's digest (`articleDigest`), by URL. */
  digests: Record<string, string>;
  /** Per language, the Pagefind id of each article's record, by URL. */
  ids: Record<Lang, Record<string, string>>;
}

export interface CachedArchive {
  key: string;
  manifest: ArchiveManifest;
}

export type TierPlan =
  /** Write one index of every article, the next archive. */
  | { kind: "archive" }
  /** Keep the cached archive `key`; write the recent tier of `recent` (article URLs); leave
   *  out the archive's records `masked`. */
  | { kind: "tiered"; archive: CachedArchive; recent: string[]; masked: Record<Lang, string[]> };

/** How far the recent tier may grow before the next build merges it into the archive: a
 *  share of the archive, and at least a few stories, but never half the archive (an archive
 *  of other articles, a small site's, is no archive of these). The recent tier is written on
 *  every build, so its size is what a one-story build pays. */
const RECENT_SHARE = 0.02;
const RECENT_MIN = 50;

export function recentLimit(archived: number): number {
  return Math.min(Math.max(RECENT_MIN, Math.ceil(archived * RECENT_SHARE)), Math.floor(archived / 2));
}

/** What an archive lacks of `digests` (the build's articles): the articles it does not have
 *  or has in another version, and those it has that are gone. */
function changesFrom(digests: ReadonlyMap<string, string>, archive: ArchiveManifest): { recent: string[]; gone: string[] } {
  const recent = [...digests].filter(([url, digest]) => archive.digests[url] !== digest).map(([url]) => url);
  const gone = Object.keys(archive.digests).filter((url) => !digests.has(url));
  return { recent, gone };
}

/**
 * The tiers of a build of articles with these digests, given the archives in the cache: the
 * archive that needs the fewest changes (ties go to the smaller key), kept while its changes
 * stay within the limit; else a new archive.
 */
export function planTiers(digests: ReadonlyMap<string, string>, archives: readonly CachedArchive[]): TierPlan {
  const candidates = archives
    .map((archive) => ({ archive, ...changesFrom(digests, archive.manifest) }))
    .sort((a, b) => a.recent.length + a.gone.length - (b.recent.length + b.gone.length) || (a.archive.key < b.archive.key ? -1 : 1));
  const best = candidates[0];
  if (!best) return { kind: "archive" };
  const archived = Object.keys(best.archive.manifest.digests).length;
  if (best.recent.length + best.gone.length > recentLimit(archived)) return { kind: "archive" };
  // An edited article's old record and a deleted article's record stay in the archive, masked.
  const replaced = [...best.recent, ...best.gone].sort();
  const masked = Object.fromEntries(
    Object.entries(best.archive.manifest.ids).map(([lang, ids]) => [lang, replaced.flatMap((url) => ids[url] ?? [])]),
  ) as Record<Lang, string[]>;
  return { kind: "tiered", archive: best.archive, recent: best.recent.sort(), masked };
}

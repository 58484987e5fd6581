// What a deploy must do to turn what the host has into what was built, in an order that
// never shows readers a half-updated site: new and changed assets first, then the pages
// that link to them, and stale files only after every page has moved on. And when not to
// do it at all: a build that lost its articles (a typo in QIAO_ARTICLES_DIR is enough)
// would take them offline, so a deploy that deletes many articles stops before it
// changes anything, as `hugo deploy` stops at its --maxDeletes.

import { isArticlePage } from "../../model/article.ts";
import { isEntryPoint } from "./headers.ts";
import type { SiteFile } from "./site-files.ts";

export interface RemoteFile {
  key: string;
  /** MD5 hex of the content, when the host reports it (S3's ETag of a simple upload). */
  md5?: string;
}

export interface DeployPlan {
  upload: SiteFile[];
  unchanged: number;
  remove: string[];
  /** Files on the host that the build lacks but no earlier deploy put there: left alone. */
  kept: number;
}

/** The plan from what was built, what the host has and what earlier deploys put there
 *  (`deployed`; only those are ever deleted, none when no deploy recorded them). */
export function planDeploy(local: readonly SiteFile[], remote: readonly RemoteFile[], deployed: readonly string[] = []): DeployPlan {
  const remoteByKey = new Map(remote.map((r) => [r.key, r]));
  const localKeys = new Set(local.map((f) => f.key));
  const ours = new Set(deployed);
  const changed = local.filter((f) => remoteByKey.get(f.key)?.md5 !== f.md5);
  const stale = remote.filter((r) => !localKeys.has(r.key));
  const byOrder = (a: SiteFile, b: SiteFile) =>
    Number(isEntryPoint(a.key)) - Number(isEntryPoint(b.key)) || a.key.localeCompare(b.key);
  return {
    upload: changed.sort(byOrder),
    unchanged: local.length - changed.length,
    remove: stale.filter((r) => ours.has(r.key)).map((r) => r.key).sort(),
    kept: stale.filter((r) => !ours.has(r.key)).length,
  };
}

export function describePlan(plan: DeployPlan): string {
  const kept = plan.kept ? `, ${plan.kept} left alone (no earlier deploy put them there)` : "";
  return `${plan.upload.length} to upload, ${plan.unchanged} unchanged, ${plan.remove.length} to delete${kept}`;
}

/** A deploy stops when it would delete more articles than this... */
const MAX_ARTICLE_DELETES = 10;
/** ...or more than this share of the articles the host has. */
const MAX_ARTICLE_DELETE_SHARE = 0.5;

/** What every deploy is told, whatever its target. */
export interface DeployRun {
  dryRun: boolean;
  log: (line: string) => void;
  /** Lets the deploy delete as many articles as the build lacks. */
  allowDeletes: boolean;
}

/** What a deploy says when it will not go on; nothing was changed. */
export class DeployRefused extends Error {
  override name = "DeployRefused";
}

/** Refuses (throws) a deploy that would delete `deleted` (site paths) from a host whose
 *  files are `live`, when that takes too many articles offline and `allowDeletes` is not set. */
export function checkDeletions(deleted: readonly string[], live: readonly string[], allowDeletes: boolean): void {
  const articles = deleted.filter(isArticlePage);
  const liveArticles = live.filter(isArticlePage).length;
  const tooMany = articles.length > MAX_ARTICLE_DELETES || articles.length > liveArticles * MAX_ARTICLE_DELETE_SHARE;
  if (allowDeletes || !tooMany) return;
  const some = articles.slice(0, 3).map((file) => `/${file.replace(/index\.html$/, "")}`);
  throw new DeployRefused(
    `this deploy would delete ${deleted.length} files, ${articles.length} of them articles of the ${liveArticles} online ` +
      `(${some.join(", ")}${articles.length > some.length ? ", ..." : ""}). Nothing was changed. Is the build complete ` +
      `(was it built from the right articles folder)? If those articles are meant to go, deploy again with --allow-deletes.`,
  );
}

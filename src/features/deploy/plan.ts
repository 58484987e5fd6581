// What a deploy must do to turn what the host has into what was built, in an order that
// never shows readers a half-updated site: new and changed assets first, then the pages
// that link to them, and stale files only after every page has moved on.

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
}

export function planDeploy(local: readonly SiteFile[], remote: readonly RemoteFile[]): DeployPlan {
  const remoteByKey = new Map(remote.map((r) => [r.key, r]));
  const localKeys = new Set(local.map((f) => f.key));
  const changed = local.filter((f) => remoteByKey.get(f.key)?.md5 !== f.md5);
  const byOrder = (a: SiteFile, b: SiteFile) =>
    Number(isEntryPoint(a.key)) - Number(isEntryPoint(b.key)) || a.key.localeCompare(b.key);
  return {
    upload: changed.sort(byOrder),
    unchanged: local.length - changed.length,
    remove: remote.filter((r) => !localKeys.has(r.key)).map((r) => r.key).sort(),
  };
}

export function describePlan(plan: DeployPlan): string {
  return `${plan.upload.length} to upload, ${plan.unchanged} unchanged, ${plan.remove.length} to delete`;
}

// Which kind of host a deploy target names, read the way rsync and scp read one: a colon
// before any slash makes `host:path` remote, so `./web:x` and `/srv/a:b` stay folders, and
// a drive letter (`C:\www`) is a folder too. A scheme other than s3:// or rsync:// is a
// mistake to report, never a folder to create.

import type { S3Target } from "./s3.ts";

export type DeployTarget =
  | { kind: "s3"; s3: S3Target }
  | { kind: "rsync"; destination: string }
  | { kind: "folder"; path: string };

const KINDS = "a folder, [user@]host:/path (rsync over ssh), rsync://host/module/path or s3://bucket/prefix";

/** s3://bucket/prefix; rsync://host/module/path or [user@]host:path; a folder; or why the
 *  target is none of them. */
export function parseTarget(target: string, endpoint?: string, region?: string): DeployTarget | { error: string } {
  const s3 = /^s3:\/\/([^/]*)\/?(.*)$/.exec(target);
  if (s3) {
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(s3[1]!)) return { error: `"${s3[1]}" in ${target} is not an S3 bucket name` };
    return { kind: "s3", s3: { bucket: s3[1]!, prefix: s3[2]!.replace(/^\/+|\/+$/g, ""), endpoint, region } };
  }
  if (target.startsWith("rsync://")) return { kind: "rsync", destination: target };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(target) ?? /^(s3|rsync):/i.exec(target);
  if (scheme) return { error: `${target} is not a deploy target: use ${KINDS}` };
  if (!target.trim()) return { error: `the target is empty: use ${KINDS}` };
  const drive = /^[a-z]:(?:[\\/]|$)/i.test(target);
  if (!drive && /^(?:[^/@:\s]+@)?[^/@:\s]+:/.test(target)) return { kind: "rsync", destination: target };
  return { kind: "folder", path: target };
}

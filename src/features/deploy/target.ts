// Which kind of host a deploy target names.

import type { S3Target } from "./s3.ts";

export type DeployTarget =
  | { kind: "s3"; s3: S3Target }
  | { kind: "rsync"; destination: string }
  | { kind: "folder"; path: string };

/** s3://bucket/prefix, rsync://host/module/path or user@host:path, anything else a folder. */
export function parseTarget(target: string, endpoint?: string, region?: string): DeployTarget {
  const s3 = /^s3:\/\/([^/]+)\/?(.*)$/.exec(target);
  if (s3) return { kind: "s3", s3: { bucket: s3[1]!, prefix: s3[2]!.replace(/^\/+|\/+$/g, ""), endpoint, region } };
  if (target.startsWith("rsync://") || /^[^/\s]+@[^/\s]+:/.test(target)) return { kind: "rsync", destination: target };
  return { kind: "folder", path: target };
}

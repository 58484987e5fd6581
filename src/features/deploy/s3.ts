// Deploy to S3 or any S3-compatible store (MinIO, R2, OSS, COS...): upload what changed,
// assets before pages, then delete what the new site no longer has.
//
// A bucket is often shared (downloads, backups, another site under a prefix), so a deploy
// deletes only what an earlier deploy put there. It keeps the list in a manifest object
// beside the site (MANIFEST_KEY), read with one request; tagging each object would cost a
// request per object to read back, and some S3-compatible stores do not keep tags. The
// manifest names the new files before any is uploaded and only the new site once the stale
// files are gone, so an interrupted deploy never leaves a file of ours unrecorded.

import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { parseJson } from "../../files/json.ts";
import { CACHE, cacheControl, contentType, isEntryPoint } from "./headers.ts";
import { checkDeletions, describePlan, planDeploy, type DeployRun, type RemoteFile } from "./plan.ts";
import type { SiteFile } from "./site-files.ts";

export interface S3Target {
  bucket: string;
  /** Key prefix without leading or trailing slash ("" for the bucket root). */
  prefix: string;
  endpoint?: string;
  region?: string;
}

export interface DeployOptions extends DeployRun {
  /** Uploads in flight at once. */
  concurrency?: number;
}

export function s3Client(target: S3Target): S3Client {
  return new S3Client({
    region: target.region ?? "us-east-1",
    ...(target.endpoint ? { endpoint: target.endpoint, forcePathStyle: true } : {}),
    // Many S3-compatible stores reject the SDK's newer default checksums.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

const keyOf = (target: S3Target, key: string) => (target.prefix ? `${target.prefix}/${key}` : key);

/** The object, beside the site's files, that lists the files deploys put there. */
export const MANIFEST_KEY = ".qiao-deploy.json";

const manifestSchema = z.strictObject({ files: z.array(z.string()) });

/** The files earlier deploys recorded; none when no deploy did. */
async function readManifest(s3: S3Client, target: S3Target): Promise<string[]> {
  const key = keyOf(target, MANIFEST_KEY);
  let text: string;
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: target.bucket, Key: key }));
    text = await object.Body!.transformToString();
  } catch (error) {
    if (error instanceof NoSuchKey) return [];
    throw error;
  }
  const parsed = parseJson(text);
  const checked = "value" in parsed ? manifestSchema.safeParse(parsed.value) : undefined;
  if (!checked?.success) throw new Error(`s3://${target.bucket}/${key} is not a deploy manifest: delete it, and delete stale files by hand`);
  return checked.data.files;
}

async function writeManifest(s3: S3Client, target: S3Target, files: readonly string[]): Promise<void> {
  await s3.send(
    new PutObjectCommand({
      Bucket: target.bucket,
      Key: keyOf(target, MANIFEST_KEY),
      Body: JSON.stringify({ files: [...files].sort() }),
      ContentType: "application/json",
      CacheControl: CACHE.revalidate,
    }),
  );
}

async function listRemote(s3: S3Client, target: S3Target): Promise<RemoteFile[]> {
  const files: RemoteFile[] = [];
  const prefix = target.prefix ? `${target.prefix}/` : "";
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: target.bucket, Prefix: prefix, ContinuationToken: token }));
    for (const object of page.Contents ?? []) {
      if (object.Key === prefix + MANIFEST_KEY) continue;
      // A multipart ETag ("...-3") is not an MD5; such a file is simply uploaded again.
      const etag = object.ETag?.replaceAll('"', "");
      files.push({ key: object.Key!.slice(prefix.length), md5: etag && !etag.includes("-") ? etag : undefined });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return files;
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

export async function deployToS3(files: readonly SiteFile[], target: S3Target, options: DeployOptions) {
  const s3 = s3Client(target);
  try {
    const remote = await listRemote(s3, target);
    const deployed = await readManifest(s3, target);
    const plan = planDeploy(files, remote, deployed);
    checkDeletions(plan.remove, remote.map((r) => r.key), options.allowDeletes);
    options.log(`s3://${target.bucket}/${target.prefix}: ${describePlan(plan)}`);
    if (options.dryRun) {
      for (const f of plan.upload) options.log(`  upload ${f.key} (${contentType(f.key)}; ${cacheControl(f.key)})`);
      for (const key of plan.remove) options.log(`  delete ${key}`);
      return plan;
    }
    await writeManifest(s3, target, [...new Set([...deployed, ...files.map((f) => f.key)])]);
    // Two waves: pages only after every asset they may link to is in place.
    let done = 0;
    let lastReport = 0;
    for (const wave of [plan.upload.filter((f) => !isEntryPoint(f.key)), plan.upload.filter((f) => isEntryPoint(f.key))]) {
      await inBatches(wave, options.concurrency ?? 8, async (f) => {
        await s3.send(
          new PutObjectCommand({
            Bucket: target.bucket,
            Key: keyOf(target, f.key),
            Body: await readFile(f.file),
            ContentType: contentType(f.key),
            CacheControl: cacheControl(f.key),
          }),
        );
        done++;
        if (Date.now() - lastReport > 1000 || done === plan.upload.length) {
          lastReport = Date.now();
          options.log(`  uploaded ${done}/${plan.upload.length}`);
        }
      });
    }
    for (let i = 0; i < plan.remove.length; i += 1000) {
      const batch = plan.remove.slice(i, i + 1000);
      const result = await s3.send(
        new DeleteObjectsCommand({ Bucket: target.bucket, Delete: { Objects: batch.map((key) => ({ Key: keyOf(target, key) })) } }),
      );
      if (result.Errors?.length) throw new Error(`could not delete ${result.Errors.map((e) => `${e.Key}: ${e.Message}`).join(", ")}`);
    }
    if (plan.remove.length) options.log(`  deleted ${plan.remove.length} stale files`);
    await writeManifest(s3, target, files.map((f) => f.key));
    return plan;
  } finally {
    s3.destroy();
  }
}

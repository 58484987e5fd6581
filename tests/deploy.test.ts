// Deploys of the real built site to a real S3-compatible server (s3rver on loopback), a
// folder and rsync.

import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { cp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EventEmitter } from "node:events";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { deployToFolder } from "../src/features/deploy/folder.ts";
import { CACHE, cacheControl, contentType } from "../src/features/deploy/headers.ts";
import { planDeploy } from "../src/features/deploy/plan.ts";
import { deployWithRsync } from "../src/features/deploy/rsync.ts";
import { deployToS3, s3Client, type S3Target } from "../src/features/deploy/s3.ts";
import { siteFiles } from "../src/features/deploy/site-files.ts";
import { parseTarget } from "../src/features/deploy/target.ts";
import { tempDir } from "./helpers/build.ts";
import { sitePaths } from "./helpers/site-snapshot.ts";

const siteDir = inject("siteDir");
const quiet = () => {};

describe("the deploy plan", () => {
  const file = (key: string, md5 = "new") => ({ key, file: key, size: 1, md5 });
  it("uploads only what changed, assets before pages, and deletes stale files", () => {
    const plan = planDeploy(
      [file("index.html"), file("assets/site.css"), file("news/index.html", "same"), file("pagefind/x.pf_meta")],
      [{ key: "news/index.html", md5: "same" }, { key: "old/index.html", md5: "x" }, { key: "assets/site.css", md5: "old" }],
    );
    expect(plan.upload.map((f) => f.key)).toEqual(["assets/site.css", "pagefind/x.pf_meta", "index.html"]);
    expect(plan.unchanged).toBe(1);
    expect(plan.remove).toEqual(["old/index.html"]);
  });

  it("keeps hashed files a year and revalidates pages", () => {
    expect(cacheControl("news/20240614/a/index.html")).toBe(CACHE.revalidate);
    expect(cacheControl("feed.xml")).toBe(CACHE.revalidate);
    expect(cacheControl("pagefind/fragment/en_3a9f0c1b2d.pf_fragment")).toBe(CACHE.immutable);
    expect(cacheControl("pagefind/pagefind.en_379d5fceb7.pf_meta")).toBe(CACHE.immutable);
    expect(cacheControl("assets/site.css")).toBe(CACHE.short);
    expect(cacheControl("assets/site.3f2a1c9e04.css")).toBe(CACHE.immutable);
    expect(cacheControl("assets/search-worker.0a1b2c3d4e.js")).toBe(CACHE.immutable);
    expect(cacheControl("pagefind/pagefind.js")).toBe(CACHE.short);
    expect(contentType("assets/search.js")).toBe("text/javascript; charset=utf-8");
    expect(contentType("pagefind/wasm.en.pagefind")).toBe("application/octet-stream");
  });

  it("reads targets", () => {
    expect(parseTarget("s3://news-bucket/site/", "http://127.0.0.1:9000")).toEqual({
      kind: "s3",
      s3: { bucket: "news-bucket", prefix: "site", endpoint: "http://127.0.0.1:9000", region: undefined },
    });
    expect(parseTarget("deploy@example.org:/var/www/news").kind).toBe("rsync");
    expect(parseTarget("./public").kind).toBe("folder");
  });
});

describe("deploying to S3-compatible storage", () => {
  let server: S3rver;
  let target: S3Target;
  const events: string[] = [];

  beforeAll(async () => {
    process.env.AWS_ACCESS_KEY_ID = "S3RVER";
    process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
    server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: await tempDir(), configureBuckets: [{ name: "news" }] });
    const { port } = await server.run();
    // s3rver is a Koa app: it reports every object it stores as an "event".
    (server as unknown as EventEmitter).on("event", (e: { Records: Array<{ eventName: string; s3: { object: { key: string } } }> }) =>
      e.Records.forEach((r) => events.push(`${r.eventName.startsWith("ObjectCreated") ? "put" : "delete"} ${decodeURIComponent(r.s3.object.key)}`)),
    );
    target = { bucket: "news", prefix: "site", endpoint: `http://127.0.0.1:${port}` };
  });

  afterAll(async () => {
    await server?.close();
  });

  const remoteKeys = async () => {
    const s3 = s3Client(target);
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: "news", Prefix: "site/" }));
    s3.destroy();
    return (listed.Contents ?? []).map((c) => c.Key!.slice("site/".length)).sort();
  };

  it("a dry run prints the plan and changes nothing", async () => {
    const lines: string[] = [];
    await deployToS3(await siteFiles(siteDir), target, { dryRun: true, log: (l) => lines.push(l) });
    expect(lines[0]).toMatch(/to upload, 0 unchanged, 0 to delete/);
    expect(lines).toContain("  upload index.html (text/html; charset=utf-8; public, max-age=0, must-revalidate)");
    expect(await remoteKeys()).toEqual([]);
  });

  it("uploads the whole site with content types and cache headers, pages last", async () => {
    const files = await siteFiles(siteDir);
    const plan = await deployToS3(files, target, { dryRun: false, log: quiet });
    expect(plan.upload).toHaveLength(files.length);
    expect(await remoteKeys()).toEqual(files.map((f) => f.key).sort());

    const s3 = s3Client(target);
    const head = await s3.send(new HeadObjectCommand({ Bucket: "news", Key: "site/index.html" }));
    expect(head.ContentType).toBe("text/html; charset=utf-8");
    expect(head.CacheControl).toBe(CACHE.revalidate);
    const page = await s3.send(new GetObjectCommand({ Bucket: "news", Key: "site/news/20240614/blood-donor-day/index.html" }));
    expect(await page.Body!.transformToString()).toBe(await readFile(path.join(siteDir, "news/20240614/blood-donor-day/index.html"), "utf8"));
    s3.destroy();

    const puts = events.filter((e) => e.startsWith("put ")).map((e) => e.slice(4));
    const firstPage = puts.findIndex((k) => k.endsWith(".html"));
    expect(puts.slice(firstPage).every((k) => /\.(html|xml|txt)$/.test(k))).toBe(true);
  });

  it("a second deploy uploads only what changed and prunes what is gone, last", async () => {
    const changed = path.join(await tempDir(), "site");
    await cp(siteDir, changed, { recursive: true });
    await writeFile(path.join(changed, "index.html"), "<!doctype html><title>changed</title>");
    await writeFile(path.join(changed, "assets", "extra.css"), "p{}");
    await rm(path.join(changed, "vision", "index.html"));
    events.length = 0;

    const lines: string[] = [];
    const plan = await deployToS3(await siteFiles(changed), target, { dryRun: false, log: (l) => lines.push(l) });
    expect(plan.upload.map((f) => f.key)).toEqual(["assets/extra.css", "index.html"]);
    expect(plan.remove).toEqual(["vision/index.html"]);
    expect(events).toEqual(["put site/assets/extra.css", "put site/index.html"]);
    // Stale files go only after every upload.
    expect(lines.indexOf("  uploaded 2/2")).toBeGreaterThan(0);
    expect(lines.at(-1)).toBe("  deleted 1 stale files");
    expect(await remoteKeys()).not.toContain("vision/index.html");

    const again = await deployToS3(await siteFiles(changed), target, { dryRun: false, log: quiet });
    expect(again.upload).toEqual([]);
    expect(again.remove).toEqual([]);
  });
});

describe("deploying to a folder or with rsync", () => {
  it("a folder is replaced whole", async () => {
    const parent = await tempDir();
    const target = path.join(parent, "public");
    await deployToFolder(siteDir, target, false, quiet);
    await writeFile(path.join(target, "stale.html"), "old");
    await deployToFolder(siteDir, target, false, quiet);
    expect(sitePaths(target)).toEqual(sitePaths(siteDir));
    expect(await readdir(parent)).toEqual(["public"]);
  });

  it("rsync mirrors the site and removes stale files", async () => {
    const target = path.join(await tempDir(), "www");
    await deployWithRsync(siteDir, target, false, quiet);
    await writeFile(path.join(target, "stale.html"), "old");
    await deployWithRsync(siteDir, target, false, quiet);
    expect(sitePaths(target)).toEqual(sitePaths(siteDir));
  });
});

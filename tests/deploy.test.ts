// Deploys of the real built site to a real S3-compatible server (s3rver on loopback), a
// folder and rsync.

import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { cp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EventEmitter } from "node:events";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { isArticlePage } from "../src/model/article.ts";
import { deployToFolder, folderRefusal } from "../src/features/deploy/folder.ts";
import { CACHE, cacheControl, contentType } from "../src/features/deploy/headers.ts";
import { checkDeletions, planDeploy } from "../src/features/deploy/plan.ts";
import { deployWithRsync } from "../src/features/deploy/rsync.ts";
import { deployToS3, MANIFEST_KEY, s3Client, type S3Target } from "../src/features/deploy/s3.ts";
import { siteFiles } from "../src/features/deploy/site-files.ts";
import { parseTarget } from "../src/features/deploy/target.ts";
import { tempDir } from "./helpers/build.ts";
import { sitePaths, snapshot } from "./helpers/site-snapshot.ts";

const siteDir = inject("siteDir");
const quiet = () => {};

describe("the deploy plan", () => {
  const file = (key: string, md5 = "new") => ({ key, file: key, size: 1, md5 });
  it("uploads only what changed, assets before pages, and deletes stale files", () => {
    const plan = planDeploy(
      [file("index.html"), file("assets/site.css"), file("news/index.html", "same"), file("pagefind/x.pf_meta")],
      [{ key: "news/index.html", md5: "same" }, { key: "old/index.html", md5: "x" }, { key: "assets/site.css", md5: "old" }, { key: "by-hand.pdf" }],
      ["news/index.html", "old/index.html", "assets/site.css"],
    );
    expect(plan.upload.map((f) => f.key)).toEqual(["assets/site.css", "pagefind/x.pf_meta", "index.html"]);
    expect(plan.unchanged).toBe(1);
    expect(plan.remove).toEqual(["old/index.html"]);
    expect(plan.kept).toBe(1);
  });

  it("refuses to take many articles offline: more than ten, or more than half of those online", () => {
    const articles = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `news/20250101/story-${from + i}/index.html`);
    const assets = Array.from({ length: 150 }, (_, i) => `pagefind-zh/index/zh-cn_${i.toString(16).padStart(7, "0")}.pf_index`);
    const live = [...articles(36), ...assets, "index.html"];
    const refused = (deleted: string[], online = live, allow = false) => {
      try {
        checkDeletions(deleted, online, allow);
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    };
    // The sample site losing 34 of its 36 articles.
    expect(refused(articles(34, 2))).toMatch(/^this deploy would delete 34 files, 34 of them articles of the 36 online \(\/news\/20250101\/story-2\/, /);
    expect(refused(articles(34, 2))).toContain("--allow-deletes");
    expect(refused(articles(34, 2), live, true)).toBeUndefined();
    // An article unpublished, with the index chunks a rebuild replaces; a handful of articles.
    expect(refused([...articles(1), ...assets])).toBeUndefined();
    expect(refused(articles(5))).toBeUndefined();
    // A large archive: the count decides; a small one: the share.
    const archive = articles(3000);
    expect(refused(articles(10), archive)).toBeUndefined();
    expect(refused(articles(11), archive)).toMatch(/11 of them articles of the 3000 online/);
    expect(refused(articles(3), articles(5))).toMatch(/3 of them articles of the 5 online/);
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

  it("reads targets as rsync and scp do, and refuses what is none of them", () => {
    expect(parseTarget("s3://news-bucket/site/", "http://127.0.0.1:9000")).toEqual({
      kind: "s3",
      s3: { bucket: "news-bucket", prefix: "site", endpoint: "http://127.0.0.1:9000", region: undefined },
    });
    const kind = (target: string) => {
      const parsed = parseTarget(target);
      return "error" in parsed ? "error" : parsed.kind;
    };
    for (const rsync of ["deploy@example.org:/var/www/news", "web:/var/www", "web.example.org:news", "rsync://host/module/path"]) expect(kind(rsync), rsync).toBe("rsync");
    for (const folder of ["./public", "/var/www/news", "./web:x", "/srv/a:b", "C:\\www\\news", "C:/www", "public"]) expect(kind(folder), folder).toBe("folder");
    for (const wrong of ["https://news.example.org/", "ftp://host/www", "s3:/bucket", "s3://", "s3://Not_A_Bucket/x", "rsync:host", ""]) expect(kind(wrong), wrong).toBe("error");
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
    await deployToS3(await siteFiles(siteDir), target, { dryRun: true, allowDeletes: false, log: (l) => lines.push(l) });
    expect(lines[0]).toMatch(/to upload, 0 unchanged, 0 to delete/);
    expect(lines).toContain("  upload index.html (text/html; charset=utf-8; public, max-age=0, must-revalidate)");
    expect(await remoteKeys()).toEqual([]);
  });

  it("uploads the whole site with content types and cache headers, pages last", async () => {
    const files = await siteFiles(siteDir);
    const plan = await deployToS3(files, target, { dryRun: false, allowDeletes: false, log: quiet });
    expect(plan.upload).toHaveLength(files.length);
    expect(await remoteKeys()).toEqual([MANIFEST_KEY, ...files.map((f) => f.key)].sort());

    const s3 = s3Client(target);
    const head = await s3.send(new HeadObjectCommand({ Bucket: "news", Key: "site/index.html" }));
    expect(head.ContentType).toBe("text/html; charset=utf-8");
    expect(head.CacheControl).toBe(CACHE.revalidate);
    const page = await s3.send(new GetObjectCommand({ Bucket: "news", Key: "site/news/20240614/blood-donor-day/index.html" }));
    expect(await page.Body!.transformToString()).toBe(await readFile(path.join(siteDir, "news/20240614/blood-donor-day/index.html"), "utf8"));
    s3.destroy();

    // The manifest first (it names what is about to be uploaded) and last (what is there now).
    const puts = events.filter((e) => e.startsWith("put ")).map((e) => e.slice(4));
    expect([puts[0], puts.at(-1)]).toEqual([`site/${MANIFEST_KEY}`, `site/${MANIFEST_KEY}`]);
    puts.pop();
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
    const plan = await deployToS3(await siteFiles(changed), target, { dryRun: false, allowDeletes: false, log: (l) => lines.push(l) });
    expect(plan.upload.map((f) => f.key)).toEqual(["assets/extra.css", "index.html"]);
    expect(plan.remove).toEqual(["vision/index.html"]);
    expect(events).toEqual([`put site/${MANIFEST_KEY}`, "put site/assets/extra.css", "put site/index.html", `put site/${MANIFEST_KEY}`]);
    // Stale files go only after every upload.
    expect(lines.indexOf("  uploaded 2/2")).toBeGreaterThan(0);
    expect(lines.at(-1)).toBe("  deleted 1 stale files");
    expect(await remoteKeys()).not.toContain("vision/index.html");

    const again = await deployToS3(await siteFiles(changed), target, { dryRun: false, allowDeletes: false, log: quiet });
    expect(again.upload).toEqual([]);
    expect(again.remove).toEqual([]);
  });

  it("never deletes an object no deploy put there, and says how many it left alone", async () => {
    const s3 = s3Client(target);
    await s3.send(new PutObjectCommand({ Bucket: "news", Key: "site/downloads/report.pdf", Body: "a file put there by hand" }));
    s3.destroy();
    const lines: string[] = [];
    const plan = await deployToS3(await siteFiles(siteDir), target, { dryRun: false, allowDeletes: false, log: (l) => lines.push(l) });
    expect(plan.kept).toBe(1);
    expect(lines[0]).toMatch(/, 1 left alone \(no earlier deploy put them there\)$/);
    expect(await remoteKeys()).toContain("downloads/report.pdf");
  });
});

describe("deploying to a folder or with rsync", () => {
  it("never takes the root of the file system, or any folder above the project, for a folder to replace", async () => {
    // Only asked, never deployed: the answer is why not.
    for (const target of ["/", path.dirname(process.cwd()), process.cwd()]) {
      expect(await folderRefusal(target, process.cwd()), target).toMatch(/(holds this project|is this project), and the whole folder would be replaced/);
    }
  });

  it("a folder is replaced whole", async () => {
    const parent = await tempDir();
    const target = path.join(parent, "public");
    const run = { dryRun: false, allowDeletes: false, log: quiet, projectRoot: process.cwd() };
    await deployToFolder(siteDir, target, run);
    await writeFile(path.join(target, "stale.html"), "old");
    await deployToFolder(siteDir, target, run);
    expect(sitePaths(target)).toEqual(sitePaths(siteDir));
    expect(await readdir(parent)).toEqual(["public"]);
  });

  /** The built site without all but two of its articles: what a build from a mistyped
   *  articles folder publishes. */
  async function siteWithTwoArticles(): Promise<string> {
    const dir = path.join(await tempDir(), "site");
    await cp(siteDir, dir, { recursive: true });
    const articles = sitePaths(dir).map((p) => p.slice(1)).filter(isArticlePage).sort();
    for (const page of articles.slice(2)) await rm(path.join(dir, path.dirname(page)), { recursive: true });
    return dir;
  }

  it("rsync finds what it would delete by a dry run, stops before deleting most articles, and --allow-deletes lets it through", async () => {
    const target = path.join(await tempDir(), "www");
    const lines: string[] = [];
    const run = { dryRun: false, allowDeletes: false, log: (l: string) => lines.push(l) };
    await deployWithRsync(siteDir, target, run);
    const live = await snapshot(target);
    const small = await siteWithTwoArticles();
    lines.length = 0;
    const online = sitePaths(siteDir).map((p) => p.slice(1)).filter(isArticlePage).length;
    await expect(deployWithRsync(small, target, run)).rejects.toThrow(
      new RegExp(`^this deploy would delete \\d+ files, ${online - 2} of them articles of the ${online} online .*--allow-deletes\\.$`),
    );
    expect(lines).toEqual([]);
    expect(await snapshot(target)).toEqual(live);
    await deployWithRsync(small, target, { ...run, allowDeletes: true });
    expect(sitePaths(target)).toEqual(sitePaths(small));
  });

  it("rsync refuses a folder of other files, and changes nothing in it", async () => {
    const target = path.join(await tempDir(), "www");
    await mkdir(target);
    await writeFile(path.join(target, "index.php"), "<?php echo 'another site';");
    await writeFile(path.join(target, "notes.txt"), "kept");
    const before = await snapshot(target);
    await expect(deployWithRsync(siteDir, target, { dryRun: false, allowDeletes: true, log: quiet })).rejects.toThrow(
      /holds 2 files and no site built by Qiao \(no build-info\.json\), and rsync would overwrite or delete them/,
    );
    expect(await snapshot(target)).toEqual(before);
  });

  it("rsync refuses a folder of another site it would only overwrite, deleting nothing", async () => {
    const target = path.join(await tempDir(), "www");
    await mkdir(target);
    await writeFile(path.join(target, "index.html"), "<p>another site</p>");
    const before = await snapshot(target);
    await expect(deployWithRsync(siteDir, target, { dryRun: false, allowDeletes: true, log: quiet })).rejects.toThrow(
      /holds a file and no site built by Qiao \(no build-info\.json\), and rsync would overwrite or delete it \(index\.html\)/,
    );
    expect(await snapshot(target)).toEqual(before);
  });

  it("rsync's deploy stops when it cannot read what the dry run says", async () => {
    // Another rsync (openrsync, 2.6) itemizes in another format, or not at all.
    const bin = await tempDir();
    await writeFile(path.join(bin, "rsync"), "#!/bin/sh\necho 'sending incremental file list'\n", { mode: 0o755 });
    const target = path.join(await tempDir(), "www");
    const PATH = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${PATH}`;
    try {
      await expect(deployWithRsync(siteDir, target, { dryRun: false, allowDeletes: false, log: quiet })).rejects.toThrow(/could not read what rsync's dry run says about .*www \(is this rsync 3\?\): nothing was changed/);
    } finally {
      process.env.PATH = PATH;
    }
  });

  it("rsync mirrors the site and removes stale files", async () => {
    const target = path.join(await tempDir(), "www");
    const run = { dryRun: false, allowDeletes: false, log: quiet };
    await deployWithRsync(siteDir, target, run);
    await writeFile(path.join(target, "stale.html"), "old");
    await deployWithRsync(siteDir, target, run);
    expect(sitePaths(target)).toEqual(sitePaths(siteDir));
  });
});

// Safe by default, as an operator meets it: the real commands on a copy of the project. Every
// refusal changes nothing (the tree before and after is the same) and says why in one line,
// without a stack trace; the flag that means "yes, really" lets the same deploy through.

import { ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MANIFEST_KEY, s3Client } from "../src/features/deploy/s3.ts";
import { isArticlePage } from "../src/model/article.ts";
import { TEST_NOW, tempDir } from "./helpers/build.ts";
import { CHANNEL_DIR } from "./helpers/channel-fixtures.ts";
import { copyProject } from "./helpers/project-copy.ts";
import { tree } from "./helpers/tree.ts";

/** Not a placeholder address: deploy refuses to publish those. */
const SITE_URL = "https://english.qiao-news.net";

let work: string;
let root: string;
const file = (...parts: string[]) => path.join(root, ...parts);

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run <script>` as tsx runs it, in the project copy. */
function command(script: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", `scripts/${script}.ts`, ...args],
      { cwd: root, env: { ...process.env, SITE_URL, QIAO_NOW: TEST_NOW, AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER", ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const STACK = /^\s+at\s/m;

/** What a command that refused says (stderr, or the report on stdout of `check`), after
 *  checking it exited 1 without a stack trace. */
function refused(ran: Ran): string[] {
  expect(ran.code, ran.stdout + ran.stderr).toBe(1);
  expect(ran.stderr + ran.stdout).not.toMatch(STACK);
  // Node's own warnings (the AWS SDK's about Node versions) are not the command's.
  const stderr = ran.stderr.replace(/^\(node:\d+\) [\s\S]*?to show where the warning was created\)\n/gm, "");
  return (stderr || ran.stdout).split("\n").filter(Boolean);
}

/** Runs a command that must refuse and change nothing in `dirs` (the project, by default);
 *  answers what it said. */
async function refusal(script: string, args: string[], env: Record<string, string> = {}, dirs = [root]): Promise<string[]> {
  const before = dirs.map(tree);
  const said = refused(await command(script, args, env));
  expect(dirs.map(tree)).toEqual(before);
  return said;
}

/** The sample's published articles: what the full build puts online. */
const onlineArticles = () => Object.keys(tree(file("_site"))).filter(isArticlePage).length;

/** The one line a command that refused says. */
async function oneLine(script: string, args: string[], env: Record<string, string> = {}, dirs = [root]): Promise<string> {
  const said = await refusal(script, args, env, dirs);
  expect(said).toHaveLength(1);
  return said[0]!;
}

beforeAll(async () => {
  work = await tempDir();
  root = path.join(work, "project");
  copyProject(root);
  cpSync("articles", file("articles"), { recursive: true });
  if (existsSync(".cache/images")) cpSync(".cache/images", file(".cache", "images"), { recursive: true });
  // A folder left with two articles: what a mistyped QIAO_ARTICLES_DIR can build.
  mkdirSync(file("two"));
  for (const name of ["articles.json", "2025-02-12-lantern-festival.md", "2024-06-14-blood-donor-day.md"]) cpSync(file("articles", name), file("two", name));
  for (const [env, out] of [[{}, "_site"], [{ QIAO_ARTICLES_DIR: "two" }, "_site_two"]] as const) {
    const built = await command("build", ["--out", out], env);
    expect(built.code, built.stderr).toBe(0);
  }
});

describe("npm run deploy to a folder", () => {
  it("never replaces the project, a folder that holds it, or one of its own folders", async () => {
    expect(await oneLine("deploy", ["."])).toMatch(/^Not deployed: \. is this project, and the whole folder would be replaced/);
    expect(await oneLine("deploy", [".."], {}, [root, work])).toMatch(/^Not deployed: \.\. holds this project/);
    expect(await oneLine("deploy", ["articles"])).toMatch(new RegExp(`^Not deployed: articles holds ${readdirSync(file("articles")).length} files or folders and no site built by Qiao`));
    expect(await oneLine("deploy", ["src/"])).toMatch(/^Not deployed: src\/ holds \d+ files or folders and no site built by Qiao/);
    expect(await oneLine("deploy", ["_site"])).toMatch(/^Not deployed: _site is the built site/);
    expect(await oneLine("deploy", ["_site/news"])).toMatch(/^Not deployed: _site\/news is inside the built site/);
  });

  it("never replaces a folder of other files", async () => {
    const www = path.join(work, "www");
    mkdirSync(www);
    writeFileSync(path.join(www, "index.php"), "<?php echo 'another site';");
    expect(await oneLine("deploy", [www], {}, [root, www])).toMatch(/holds a file or folder and no site built by Qiao \(no valid build-info\.json\)/);
  });

  it("deploys into a new folder, again into the same one, and stops before taking most articles offline unless --allow-deletes", async () => {
    const pub = path.join(work, "public");
    expect((await command("deploy", [pub])).code).toBe(0);
    expect(tree(pub)).toEqual(tree(file("_site")));
    expect((await command("deploy", [pub])).code).toBe(0);

    const line = await oneLine("deploy", ["--site", "_site_two", pub], {}, [root, pub]);
    const online = onlineArticles();
    expect(line).toMatch(new RegExp(`^Not deployed: this deploy would delete \\d+ files, ${online - 2} of them articles of the ${online} online \\(/[a-z]+/\\d{8}/[a-z-]+/, `));
    expect(line).toContain("deploy again with --allow-deletes");

    expect((await command("deploy", ["--site", "_site_two", "--allow-deletes", pub])).code).toBe(0);
    expect(tree(pub)).toEqual(tree(file("_site_two")));
  });
});

describe("npm run build", () => {
  it("never writes the site over a folder of the project or over a file", async () => {
    expect(await oneLine("build", ["--out", "articles"])).toMatch(new RegExp(`^Not built: articles holds ${readdirSync(file("articles")).length} files or folders and no site built by Qiao`));
    expect(await oneLine("build", ["--out", "."])).toMatch(/^Not built: \. is this project/);
    expect(await oneLine("build", ["--out", "package.json"])).toBe("Not built: package.json is a file, not a folder.");
  });
});

describe("npm run deploy: what a target is", () => {
  it("sends host:path to rsync, with or without user@, and never makes a local folder of it", async () => {
    const ran = await command("deploy", ["web.invalid:/var/www"]);
    expect(refused(ran)).toEqual([expect.stringMatching(/^Deploy failed: rsync exited with \d+: ssh: .*web\.invalid/)]);
    expect(readdirSync(root)).not.toContain("web.invalid:");
  });

  it("refuses what is neither a folder, rsync nor s3://", async () => {
    expect(await oneLine("deploy", ["ftp://host/www"])).toBe(
      "Not deployed: ftp://host/www is not a deploy target: use a folder, [user@]host:/path (rsync over ssh), rsync://host/module/path or s3://bucket/prefix.",
    );
    expect(await oneLine("deploy", ["s3:/news"])).toMatch(/^Not deployed: s3:\/news is not a deploy target/);
  });
});

describe("npm run deploy to S3 (s3rver)", () => {
  let server: S3rver;
  let endpoint: string;
  beforeAll(async () => {
    // For this process's own look at the bucket; the commands get theirs from `command`.
    process.env.AWS_ACCESS_KEY_ID = "S3RVER";
    process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
    server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: await tempDir(), configureBuckets: [{ name: "news" }] });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Every object of the bucket by key, with its ETag. */
  async function bucket(): Promise<Record<string, string>> {
    const s3 = s3Client({ bucket: "news", prefix: "", endpoint });
    const objects: Record<string, string> = {};
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: "news", ContinuationToken: token }));
      for (const o of page.Contents ?? []) objects[o.Key!] = o.ETag!;
      token = page.NextContinuationToken;
    } while (token);
    s3.destroy();
    return objects;
  }

  it("refuses a build with two articles against a bucket holding the whole site, and --allow-deletes lets it through", async () => {
    expect((await command("deploy", ["s3://news", "--endpoint", endpoint])).code).toBe(0);
    const site = Object.keys(tree(file("_site")));
    expect(Object.keys(await bucket()).sort()).toEqual([...site, MANIFEST_KEY].sort());
    // A file someone put in the bucket by hand: no deploy put it there, so none deletes it.
    const s3 = s3Client({ bucket: "news", prefix: "", endpoint });
    await s3.send(new PutObjectCommand({ Bucket: "news", Key: "downloads/annual-report.pdf", Body: "by hand" }));
    s3.destroy();

    const live = await bucket();
    const [line, ...more] = refused(await command("deploy", ["--site", "_site_two", "s3://news", "--endpoint", endpoint]));
    expect(more).toEqual([]);
    const online = onlineArticles();
    expect(line).toMatch(new RegExp(`^Not deployed: this deploy would delete \\d+ files, ${online - 2} of them articles of the ${online} online .*--allow-deletes\\.$`));
    expect(await bucket()).toEqual(live);

    const through = await command("deploy", ["--site", "_site_two", "--allow-deletes", "s3://news", "--endpoint", endpoint]);
    expect(through.code, through.stderr).toBe(0);
    const left = Object.keys(await bucket()).sort();
    expect(left).toEqual([...Object.keys(tree(file("_site_two"))), MANIFEST_KEY, "downloads/annual-report.pdf"].sort());
    expect(left.filter(isArticlePage)).toHaveLength(2);
  });
});

describe("no articles is an error, and the last good site stays", () => {
  it("npm run check and npm run build name a missing or empty articles folder", async () => {
    mkdirSync(file("empty"));
    expect(await refusal("check", ["typo"])).toEqual(["typo: error the articles folder does not exist", "Checked 0 articles in typo/: 1 error, 0 warnings."]);
    expect((await refusal("check", ["empty"]))[0]).toBe("empty: error the articles folder holds no article (no .md file, sub-folders included)");
    for (const folder of ["no-such-folder", "empty"]) {
      const [line, ...more] = await refusal("build", [], { QIAO_ARTICLES_DIR: folder });
      expect(line).toMatch(new RegExp(`^${folder}: error the articles folder (?:does not exist|holds no article)`));
      expect(more).toEqual(["Build failed: fix the errors above. _site/ was left as it was."]);
    }
    rmSync(file("empty"), { recursive: true });
  });
});

describe("one clear line for bad input", () => {
  it("a malformed articles.json, at its line and column, from check, build and import", async () => {
    const defaults = file("articles", "articles.json");
    const good = readFileSync(defaults, "utf8");
    writeFileSync(defaults, '{\n  "source": "郑州之窗",\n}\n');
    try {
      const line = "articles/articles.json:3:1 error not valid JSON: Expected double-quoted property name";
      expect(await oneLine("check", [])).toBe(line);
      expect(await refusal("build", [])).toEqual([line, "Build failed: fix the errors above. _site/ was left as it was."]);
      expect(await oneLine("import", [CHANNEL_DIR])).toBe(line);
    } finally {
      writeFileSync(defaults, good);
    }
  });

  it("a corrupt build-info.json", async () => {
    cpSync(file("_site"), file("_site_cut"), { recursive: true });
    const info = file("_site_cut", "build-info.json");
    writeFileSync(info, readFileSync(info, "utf8").slice(0, 20));
    expect(await oneLine("deploy", ["--site", "_site_cut", path.join(work, "cut")])).toMatch(
      /^_site_cut\/build-info\.json:1:21 not valid JSON: .*: build the site again with npm run build\.$/,
    );
    rmSync(file("_site_cut"), { recursive: true });
  });

  it("paths that do not exist", async () => {
    expect(await oneLine("import", ["no-such-dumps"])).toBe("no-such-dumps: no such file or folder: nothing was imported.");
    expect(await oneLine("deploy", ["--site", "no-such-site", path.join(work, "x")])).toBe("no-such-site/ holds no built site: run npm run build first.");
  });

  it("an unknown option, with the usage, from every command", async () => {
    for (const script of ["build", "check", "deploy", "import", "new", "serve"]) {
      expect(await oneLine(script, ["--nope"]), script).toMatch(/^Unknown option '--nope'\. Usage: npm (?:run \w+|start) /);
    }
  });

  it("a port that is not a number", async () => {
    expect(await oneLine("serve", ["--port", "80a"])).toBe("--port 80a: give a port number from 1 to 65535");
  });

  it("an unexpected error: what went wrong in one line, its stack only with --debug", async () => {
    // An output folder below a file: the build cannot make it.
    const out = "package.json/site";
    expect(await refusal("build", ["--out", out])).toEqual([
      expect.stringMatching(/^EEXIST: file already exists, mkdir '.*package\.json'$/),
      `Build failed. ${out}/ was left as it was. (npm run build -- --debug shows where it went wrong.)`,
    ]);
    const debug = await command("build", ["--out", out, "--debug"]);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(STACK);
  });
});

// `npm run due`, as CI runs it: in a git repository holding a copy of the project, against the
// build-info.json of a real build of it served over http as the live site, with real commits
// of articles, pictures and code between that build and the run.

import { execFile, execFileSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isContent } from "../src/features/deploy/due.ts";
import { tempDir, TEST_NOW, TEST_SITE_URL } from "./helpers/build.ts";
import { copyProject } from "./helpers/project-copy.ts";
import { serveFolder, type StaticServer } from "./helpers/static-server.ts";

const run = promisify(execFile);
let project: string;
let server: StaticServer;
let deployed: string;
const liveUrl = () => `${server.url}/build-info.json`;
const ONE_HOUR_LATER = new Date(new Date(TEST_NOW).getTime() + 3_600_000).toISOString();

const git = (...args: string[]) => execFileSync("git", args, { cwd: project, encoding: "utf8" }).trim();
function commit(message: string): string {
  git("add", "-A");
  git("-c", "user.name=Editor", "-c", "user.email=editor@example.org", "commit", "-q", "-m", message);
  return git("rev-parse", "HEAD");
}

/** Runs `npm run due` in the project; answers its two outputs and its reason. */
async function due(args: string[], now = ONE_HOUR_LATER, env: Record<string, string> = {}) {
  const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/due.ts", ...args], {
    cwd: project,
    env: { ...process.env, QIAO_NOW: now, SITE_URL: TEST_SITE_URL, ...env },
  });
  const output = Object.fromEntries(stdout.trim().split("\n").map((line) => line.split("=")));
  return { publish: output.publish, test: output.test, reason: stderr.trim() };
}

/** The live site's build-info.json with `commit` in place of the one it names, as a file. */
async function liveInfoNaming(commit: string | undefined): Promise<string> {
  const info = JSON.parse(readFileSync(path.join(project, "_site", "build-info.json"), "utf8"));
  const file = path.join(await tempDir(), "build-info.json");
  writeFileSync(file, JSON.stringify({ ...info, commit }));
  return file;
}

const article = (slug: string) =>
  ["---", "title:", `  en: ${slug}`, "column: news", "date: 2026-11-27 09:00", "---", "", "A short story.", "", "一个短故事。", ""].join("\n");

beforeAll(async () => {
  project = path.join(await tempDir(), "project");
  copyProject(project);
  cpSync("articles", path.join(project, "articles"), { recursive: true });
  writeFileSync(path.join(project, ".gitignore"), "node_modules\n_site/\n.cache/\n");
  git("init", "-q", "-b", "main");
  deployed = commit("The site as it went live");
  await run(process.execPath, ["--import", "tsx", "scripts/build.ts"], {
    cwd: project,
    env: { ...process.env, QIAO_ENV: "production", SITE_URL: TEST_SITE_URL, QIAO_NOW: TEST_NOW, QIAO_COMMIT: deployed },
  });
  server = await serveFolder(path.join(project, "_site"));
});

afterAll(async () => {
  await server?.close();
});

describe("npm run due", () => {
  it("stops a scheduled run when the live site is what a build would publish", async () => {
    const result = await due(["--live", liveUrl()]);
    expect(result).toMatchObject({ publish: "false", test: "false" });
    expect(result.reason).toMatch(/^Nothing to publish: nothing changed since \w{7} \(the live site's commit\); no article has come due/);
    // Without --live, the address the build gives the site.
    expect(await due([], ONE_HOUR_LATER, { SITE_URL: server.url })).toMatchObject({ publish: "false", test: "false" });
  });

  it("publishes without tests once a scheduled article's time has come", async () => {
    const result = await due(["--live", liveUrl()], "2030-05-01T12:00:00+08:00");
    expect(result).toMatchObject({ publish: "true", test: "false" });
    const live = JSON.parse(readFileSync(path.join(project, "_site", "build-info.json"), "utf8")).published.articles as number;
    expect(result.reason).toContain(`a build now publishes ${live + 1} articles, the live site ${live} articles: some have come due`);
  });

  it("publishes a pushed article and a pushed picture without the code's tests", async () => {
    writeFileSync(path.join(project, "articles", "2026-11-27-new-story.md"), article("A new story"));
    commit("A new story");
    cpSync(path.join(project, "assets/images/sample/lantern-show.jpg"), path.join(project, "assets/images/lanterns-again.jpg"));
    const head = commit("A picture for tomorrow");
    const result = await due(["--live", liveUrl(), "--before", head]);
    expect(result).toMatchObject({ publish: "true", test: "false" });
    // Compared with the live site's commit, not the push's before: both commits count.
    expect(result.reason).toMatch(/^Publish: 2 files changed since \w{7} \(the live site's commit\), articles and images only: no tests/);
  });

  it("runs the tests first when code changed since the live site's commit, even if this push holds only articles", async () => {
    writeFileSync(path.join(project, "_includes", "partials", "extra.njk"), "<p>new partial</p>\n");
    commit("A template");
    writeFileSync(path.join(project, "articles", "2026-11-27-another-story.md"), article("Another story"));
    const head = commit("Another story");
    const result = await due(["--live", liveUrl(), "--before", git("rev-parse", "HEAD~1")]);
    expect(result).toMatchObject({ publish: "true", test: "true" });
    expect(result.reason).toContain("code among them (_includes/partials/extra.njk)");
    expect(head).toBe(git("rev-parse", "HEAD"));
  });

  it("counts what a merge brings in from a branch", async () => {
    const before = git("rev-parse", "HEAD");
    git("checkout", "-q", "-b", "redesign");
    writeFileSync(path.join(project, "assets", "extra.css"), "p { margin: 0 }\n");
    commit("A stylesheet");
    git("checkout", "-q", "main");
    writeFileSync(path.join(project, "articles", "2026-11-27-third-story.md"), article("A third story"));
    commit("A third story");
    git("-c", "user.name=Editor", "-c", "user.email=editor@example.org", "merge", "-q", "--no-ff", "-m", "Merge the redesign", "redesign");
    // The live site's commit is not known here: the push's before is the base.
    const result = await due(["--live", await liveInfoNaming(undefined), "--before", before]);
    expect(result).toMatchObject({ publish: "true", test: "true" });
    expect(result.reason).toMatch(/2 files changed since \w{7} \(the push's before.*code among them \(assets\/extra\.css\)/);
  });

  it("after a force push, goes by the push's before, and tests everything", async () => {
    const before = git("rev-parse", "HEAD");
    writeFileSync(path.join(project, "articles", "2026-11-27-fourth-story.md"), article("A fourth story"));
    commit("A fourth story");
    const gone = await liveInfoNaming("0123456789abcdef0123456789abcdef01234567");
    // Articles alone since the push's before, but an earlier push's code may never have gone
    // live (its tests failed): the tests run.
    const forced = await due(["--live", gone, "--before", before]);
    expect(forced).toMatchObject({ publish: "true", test: "true" });
    expect(forced.reason).toMatch(/1 file changed since \w{7} \(the push's before.*articles and images only, but code may have changed before it, unpublished: tests first/);
    const unknown = await due(["--live", gone, "--before", "fedcba9876543210fedcba9876543210fedcba98"]);
    expect(unknown).toMatchObject({ publish: "true", test: "true" });
    expect(unknown.reason).toMatch(/cannot be told/);
    // A branch's first push names no before (all zeros).
    expect(await due(["--live", gone, "--before", "0".repeat(40)])).toMatchObject({ publish: "true", test: "true" });
  });

  it("publishes after the tests when no site is live yet", async () => {
    const result = await due(["--live", `${server.url}/not-yet/build-info.json`]);
    expect(result).toMatchObject({ publish: "true", test: "true" });
    expect(result.reason).toMatch(/no site at .* yet \(404\): publish, tests first/);
  });
});

describe("what counts as content", () => {
  it("is articles and pictures, never code beside them", () => {
    expect(isContent("articles/2026-11-27-a.md", "articles")).toBe(true);
    expect(isContent("articles/articles.json", "./articles/")).toBe(true);
    expect(isContent("assets/images/sample/a.jpg", "articles")).toBe(true);
    for (const file of ["articles.md", "assets/site.css", "assets/images-old/a.jpg", "src/model/article.ts", ".github/workflows/publish.yml", "package-lock.json"]) {
      expect(isContent(file, "articles"), file).toBe(false);
    }
  });
});

// `npm start -- --cms git`: each CMS save is a commit (decap-server's git mode), made on the
// branch the editor has checked out, whatever branch the CMS's configuration names, and never
// with other changes of the working tree swept into it. Driven through the real preview and
// its local backend, in a git repository made from a copy of the project.

import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers/build.ts";
import { copyProjectWithSamples, startPreviewServer, type PreviewServer } from "./helpers/preview-server.ts";

let root: string;
let server: PreviewServer;
let api: string;

const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=Editor", "-c", "user.email=editor@example.org", ...args], { cwd: root, encoding: "utf8" }).trim();

beforeAll(async () => {
  root = path.join(await tempDir(), "project");
  copyProjectWithSamples(root);
  writeFileSync(path.join(root, ".gitignore"), "node_modules\n.cache/\n_site/\n");
  git("init", "-q", "-b", "main");
  git("add", ".");
  git("commit", "-q", "-m", "The site");
  git("checkout", "-q", "-b", "newsroom");
  server = await startPreviewServer(root, ["--cms", "git"]);
  api = `${server.url}/admin/api/v1`;
});

afterAll(async () => {
  await server?.stop();
});

/** A request as the CMS sends it, naming the branch of src/config/cms.ts. */
async function call(action: string, params: Record<string, unknown>): Promise<{ status: number; body: { error?: string; message?: string } }> {
  const res = await fetch(api, { method: "POST", headers: { "content-type": "application/json", origin: new URL(api).origin }, body: JSON.stringify({ action, params: { branch: "main", ...params } }) });
  return { status: res.status, body: (await res.json()) as { error?: string; message?: string } };
}

/** A save of a new article, straight to the branch or (`useWorkflow`) as a draft of its own. */
function save(name: string, useWorkflow = false) {
  const raw = `---\ntitle:\n  en: ${name}\ncolumn: news\ndate: 2026-01-01 09:00\n---\n\nA paragraph about ${name}.\n`;
  const entry = { path: `articles/2026-01-01-${name}.md`, slug: `2026-01-01-${name}`, raw };
  return call("persistEntry", { entry, assets: [], options: { commitMessage: `Create ${name}`, useWorkflow, collectionName: "articles", status: "draft" } });
}

describe("the CMS's git mode", () => {
  it("commits a save to the branch checked out, and leaves the working tree on it", async () => {
    const main = git("rev-parse", "main");
    const res = await save("first");
    expect(res, JSON.stringify(res.body)).toMatchObject({ status: 200 });
    expect(git("branch", "--show-current")).toBe("newsroom");
    expect(git("log", "-1", "--format=%s")).toBe("Create first");
    expect(git("show", "--name-only", "--format=", "HEAD")).toBe("articles/2026-01-01-first.md");
    expect(git("rev-parse", "main")).toBe(main);
    expect(git("status", "--porcelain")).toBe("");
  });

  it("keeps a draft of the editorial workflow on a branch made from the editor's, and publishes it there", async () => {
    const main = git("rev-parse", "main");
    const draft = await save("workflow", true);
    expect(draft, JSON.stringify(draft.body)).toMatchObject({ status: 200 });
    expect(git("branch", "--show-current")).toBe("newsroom");
    expect(existsSync(path.join(root, "articles", "2026-01-01-workflow.md"))).toBe(false);
    expect(git("log", "-1", "--format=%s", "cms/articles/2026-01-01-workflow")).toBe("Create workflow");
    expect(git("merge-base", "--is-ancestor", "newsroom", "cms/articles/2026-01-01-workflow")).toBe("");
    const published = await call("publishUnpublishedEntry", { collection: "articles", slug: "2026-01-01-workflow" });
    expect(published, JSON.stringify(published.body)).toMatchObject({ status: 200 });
    expect(git("branch", "--show-current")).toBe("newsroom");
    expect(existsSync(path.join(root, "articles", "2026-01-01-workflow.md"))).toBe(true);
    expect(git("log", "-1", "--format=%s")).toBe("Create workflow");
    expect(git("rev-parse", "main")).toBe(main);
    expect(git("status", "--porcelain")).toBe("");
  });

  it("refuses to commit while the working tree holds other changes, and commits nothing", async () => {
    const head = git("rev-parse", "HEAD");
    appendFileSync(path.join(root, "articles", "2025-02-12-lantern-festival.md"), "\nA line typed in a text editor.\n");
    const res = await save("second");
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/needs a working tree without uncommitted changes/);
    expect(git("rev-parse", "HEAD")).toBe(head);
    expect(existsSync(path.join(root, "articles", "2026-01-01-second.md"))).toBe(false);
  });
});

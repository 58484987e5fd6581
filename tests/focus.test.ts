// The preview server's fast path: after an edit, only what the article changes is rendered.

import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildTestSite } from "./helpers/build.ts";

const FIXTURES = { QIAO_ARTICLES_DIR: "tests/fixtures/site", QIAO_ENV: "development" };

describe("a render of one changed article (npm start after saving it)", () => {
  it("writes that article's page, the column page listing it and the home page, nothing else", async () => {
    const out = await buildTestSite(FIXTURES, undefined, { changedArticles: ["tests/fixtures/site/2020-03-01-published.md"] });
    const exists = (p: string) => stat(path.join(out, p)).then(() => true, () => false);
    expect(await exists("news/20200301/published/index.html")).toBe(true);
    expect(await exists("news/index.html")).toBe(true);
    expect(await exists("index.html")).toBe(true);
    expect(await exists("news/20200302/draft/index.html")).toBe(false);
    expect(await exists("energy/index.html")).toBe(false);
    // The home page still lists every article, not just the changed one.
    const home = await readFile(path.join(out, "index.html"), "utf8");
    expect(home).toContain("/news/20200302/draft/");
  });
});

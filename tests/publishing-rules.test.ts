// What a production build publishes, and what a failed build leaves behind.

import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTestSite, tempDir } from "./helpers/build.ts";
import { readPage, text } from "./helpers/html.ts";
import { snapshot } from "./helpers/site-snapshot.ts";

const FIXTURES = { QIAO_ARTICLES_DIR: "tests/fixtures/site" };
const PUBLISHED = "/news/20200301/published/";
const DRAFT = "/news/20200302/draft/";
const SCHEDULED = "/energy/20990101/scheduled/";

async function teaserLinks(siteDir: string, page: string) {
  const doc = await readPage(siteDir, page);
  return [...doc.querySelectorAll(":is(.teaser-title, .lead-story-title) a")].map((a) => a.getAttribute("href"));
}

describe("a production build", () => {
  let siteDir: string;
  beforeAll(async () => {
    siteDir = await buildTestSite(FIXTURES);
  });

  it("publishes ready articles", () => {
    expect(existsSync(path.join(siteDir, PUBLISHED, "index.html"))).toBe(true);
  });

  it("never publishes a draft or an article dated in the future", async () => {
    expect(existsSync(path.join(siteDir, DRAFT))).toBe(false);
    expect(existsSync(path.join(siteDir, SCHEDULED))).toBe(false);
    expect(await teaserLinks(siteDir, "/")).toEqual([PUBLISHED]);
    expect(await teaserLinks(siteDir, "/news/")).toEqual([PUBLISHED]);
    expect(await teaserLinks(siteDir, "/energy/")).toEqual([]);
  });

  it("publishes a scheduled article with --future", async () => {
    const future = await buildTestSite({ ...FIXTURES, QIAO_FUTURE: "1" });
    expect(existsSync(path.join(future, SCHEDULED, "index.html"))).toBe(true);
    expect(existsSync(path.join(future, DRAFT))).toBe(false);
  });
});

describe("a preview build (npm start)", () => {
  it("shows drafts and scheduled articles with a visible badge", async () => {
    const preview = await buildTestSite({ ...FIXTURES, QIAO_ENV: "development" });
    const draft = await readPage(preview, DRAFT);
    expect(text(draft.querySelector(".article-header .badge-draft"))).toBe("Draft 草稿");
    const scheduled = await readPage(preview, SCHEDULED);
    expect(text(scheduled.querySelector(".article-header .badge-scheduled"))).toBe("Scheduled 定时发布");
    expect(await teaserLinks(preview, "/news/")).toEqual([DRAFT, PUBLISHED]);
  });
});

describe("a failed build", () => {
  it("leaves the previous site byte-identical and no half-written folder beside it", async () => {
    const parent = await tempDir();
    const out = path.join(parent, "_site");
    await buildTestSite({}, out);
    const before = await snapshot(out);
    expect(Object.keys(before).length).toBeGreaterThan(5);

    await expect(buildTestSite({ QIAO_ARTICLES_DIR: "tests/fixtures/invalid" }, out)).rejects.toThrow(
      /column-unknown\.md:4:1 error unknown column "sports"/,
    );
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(parent)).toEqual(["_site"]);
  });
});

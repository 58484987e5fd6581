// A rebuild whose searchable text did not change (a template or stylesheet commit, with the
// cache kept as CI keeps it) reuses the search indexes instead of writing them again.

import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { searchFingerprint } from "../src/features/search/indexer.ts";
import type { SearchableArticle } from "../src/features/search/records.ts";
import { buildWithTestEnv, tempDir } from "./helpers/build.ts";
import { snapshot } from "./helpers/site-snapshot.ts";

async function fixtureProject() {
  const root = await tempDir();
  const articles = path.join(root, "articles");
  await cp("tests/fixtures/site", articles, { recursive: true });
  return { articles, env: { QIAO_ARTICLES_DIR: articles, QIAO_CACHE_DIR: path.join(root, "cache") } };
}

const indexFiles = async (site: string) => {
  const all = await snapshot(site);
  return Object.fromEntries(Object.entries(all).filter(([file]) => file.startsWith("/pagefind")));
};

describe("the search index cache", () => {
  it("reuses both indexes when no searchable text changed, byte for byte", async () => {
    const { env } = await fixtureProject();
    const first = path.join(await tempDir(), "site");
    const second = path.join(await tempDir(), "site");
    expect((await buildWithTestEnv(first, env)).indexed?.reused).toBe(false);
    const again = await buildWithTestEnv(second, env);
    expect(again.indexed?.reused).toBe(true);
    expect(again.indexed?.counts).toEqual({ en: 1, zh: 1 });
    expect(await indexFiles(second)).toEqual(await indexFiles(first));
  });

  it("indexes again when an article's text changes, and the new index finds the new words", async () => {
    const { articles, env } = await fixtureProject();
    await buildWithTestEnv(path.join(await tempDir(), "site"), env);
    const file = path.join(articles, "2020-03-01-published.md");
    await writeFile(file, (await readFile(file, "utf8")).replace(/\n$/, "\n\nA zeppelin crossed the river.\n"));
    const site = path.join(await tempDir(), "site");
    const rebuilt = await buildWithTestEnv(site, env);
    expect(rebuilt.indexed?.reused).toBe(false);
    const { loadSearch } = await import("./helpers/search-probe.ts");
    expect((await (await loadSearch(site)).search("zeppelin")).map((hit) => hit.url)).toEqual(["/news/20200301/published/"]);
  });

  it("keeps only the newest few indexes of each language", async () => {
    const { articles, env } = await fixtureProject();
    const file = path.join(articles, "2020-03-01-published.md");
    const original = await readFile(file, "utf8");
    for (const word of ["alpha", "beta", "gamma", "delta", "epsilon"]) {
      await writeFile(file, original.replace(/\n$/, `\n\nThe word is ${word}.\n`));
      await buildWithTestEnv(path.join(await tempDir(), "site"), env);
    }
    const kept = await readdir(path.join(env.QIAO_CACHE_DIR, "search"));
    expect(kept.filter((name) => name.startsWith("en-"))).toHaveLength(3);
    expect(kept.filter((name) => name.startsWith("zh-"))).toHaveLength(3);
  });

  it("fingerprints every searchable field, where paragraphs start and end included", () => {
    const article = (paragraphs: SearchableArticle["paragraphs"], title = "Lanterns"): SearchableArticle => ({
      url: "/news/20250212/lanterns/",
      title: { en: title, zh: "灯会" },
      column: "news",
      date: new Date("2025-02-12T08:00:00+08:00"),
      paragraphs,
    });
    const base = searchFingerprint([article([{ lang: "en", html: "<p>ab</p>" }, { lang: "zh", html: "<p>c</p>" }])]);
    expect(searchFingerprint([article([{ lang: "en", html: "<p>ab</p>" }, { lang: "zh", html: "<p>c</p>" }])])).toBe(base);
    for (const changed of [
      article([{ lang: "en", html: "<p>a</p>" }, { lang: "zh", html: "b</p><p>c</p>" }]),
      article([{ lang: "zh", html: "<p>ab</p>" }, { lang: "zh", html: "<p>c</p>" }]),
      article([{ lang: "en", html: "<p>ab</p>" }]),
      article([{ lang: "en", html: "<p>ab</p>" }, { lang: "zh", html: "<p>c</p>" }], "Lantern"),
    ]) {
      expect(searchFingerprint([changed])).not.toBe(base);
    }
  });
});

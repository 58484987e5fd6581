// The search index in tiers, as CI builds it with `.cache/` kept: a rebuild with no searchable
// change writes nothing, one new, edited or deleted article writes only a recent tier beside
// the cached archive, and search answers as if the whole index were new.

import { cp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { sourcesOf } from "../src/files/code-recipe.ts";
import { articleDigest } from "../src/features/search/indexer.ts";
import type { SearchableArticle } from "../src/features/search/records.ts";
import { planTiers, recentLimit, type CachedArchive } from "../src/features/search/tiers.ts";
import { buildWithTestEnv, tempDir } from "./helpers/build.ts";
import { loadSearch } from "./helpers/search-probe.ts";
import { snapshot } from "./helpers/site-snapshot.ts";

/** A project of two articles with a cache folder, as an editor's checkout. */
async function project() {
  const root = await tempDir();
  const articles = path.join(root, "articles");
  await cp("tests/fixtures/site", articles, { recursive: true });
  const env = { QIAO_ARTICLES_DIR: articles, QIAO_CACHE_DIR: path.join(root, "cache") };
  const write = (name: string, title: string, body: string) =>
    writeFile(path.join(articles, name), `---\ntitle:\n  en: ${title}\ncolumn: news\ndate: ${name.slice(0, 10)} 08:00\nsource: Test Source\n---\n\n${body}\n`);
  await write("2020-03-05-ferry.md", "Ferry crossing", "The ferry crossed the river at dawn with a cargo of melons.\n\n渡船清晨载着西瓜过河。");
  const build = async () => {
    const site = path.join(await tempDir(), "site");
    return { site, result: await buildWithTestEnv(site, env) };
  };
  return { articles, env, write, build };
}

const indexFiles = async (site: string, prefix = "/pagefind") => {
  const all = await snapshot(site);
  return Object.fromEntries(Object.entries(all).filter(([file]) => file.startsWith(prefix)));
};

const FERRY = "/news/20200305/ferry/";
const PUBLISHED = "/news/20200301/published/";

describe("the search index in tiers", () => {
  it("writes nothing when no searchable text changed, and serves the same index, byte for byte", async () => {
    const { build } = await project();
    const first = await build();
    expect(first.result.indexed?.wrote).toBe("archive");
    const again = await build();
    expect(again.result.indexed).toMatchObject({ wrote: "nothing", recent: 0, counts: { en: 2, zh: 2 } });
    expect(await indexFiles(again.site)).toEqual(await indexFiles(first.site));
  });

  it("writes one new article into a recent tier beside the archive, and finds it", async () => {
    const { build, write } = await project();
    const first = await build();
    await write("2020-03-09-zeppelin.md", "Zeppelin over the river", "A zeppelin crossed the river.\n\n一艘飞艇飞过河面。");
    const second = await build();
    expect(second.result.indexed).toMatchObject({ wrote: "recent", recent: 1, counts: { en: 3, zh: 3 } });
    // The archive's files are the cached ones: a deploy uploads only the recent tier.
    expect(await indexFiles(second.site, "/pagefind-zh/")).toEqual(await indexFiles(first.site, "/pagefind-zh/"));
    const search = await loadSearch(second.site);
    expect(await search.articles("zeppelin")).toEqual(["/news/20200309/zeppelin/"]);
    expect(await search.articles("飞艇")).toEqual(["/news/20200309/zeppelin/"]);
    expect(await search.articles("river")).toEqual([FERRY, "/news/20200309/zeppelin/"]);
  });

  it("finds an edited article by its new words only, once", async () => {
    const { articles, build } = await project();
    await build();
    const file = path.join(articles, "2020-03-05-ferry.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("melons", "pumpkins").replace("西瓜", "南瓜"));
    const { site, result } = await build();
    expect(result.indexed).toMatchObject({ wrote: "recent", recent: 1, counts: { en: 2, zh: 2 } });
    const search = await loadSearch(site);
    expect(await search.articles("pumpkins")).toEqual([FERRY]);
    expect(await search.articles("南瓜")).toEqual([FERRY]);
    expect(await search.articles("melons")).toEqual([]);
    expect(await search.articles("西瓜")).toEqual([]);
    // In both tiers, the article is one result, not two.
    expect((await search.answer("ferry")).hits.map((hit) => hit.url)).toEqual([FERRY]);
  });

  it("finds an article whose markup alone changed once, not twice or never", async () => {
    const { articles, build } = await project();
    await build();
    // The same text, so the same record, by the same id, in both tiers.
    const file = path.join(articles, "2020-03-05-ferry.md");
    await writeFile(file, (await readFile(file, "utf8")).replace("melons", "*melons*"));
    const { site, result } = await build();
    expect(result.indexed).toMatchObject({ wrote: "recent", recent: 1, counts: { en: 2, zh: 2 } });
    await expect((await loadSearch(site)).answer("melons")).resolves.toMatchObject({ hits: [{ url: FERRY }] });
    await expect((await loadSearch(site)).answer("西瓜")).resolves.toMatchObject({ hits: [{ url: FERRY }] });
  });

  it("no longer finds a deleted article, with no recent tier to write", async () => {
    const { articles, build } = await project();
    await build();
    await rm(path.join(articles, "2020-03-05-ferry.md"));
    const { site, result } = await build();
    expect(result.indexed).toMatchObject({ wrote: "nothing", recent: 0, counts: { en: 1, zh: 1 } });
    const search = await loadSearch(site);
    expect(await search.articles("ferry")).toEqual([]);
    expect(await search.articles("generated")).toEqual([PUBLISHED]);
  });

  it("never answers a word the small tier lacks with a shorter word it has", async () => {
    const { build, write } = await project();
    await build();
    // The archive has "dawn", the recent tier only "daw": alone, it would answer "dawn" with "daw".
    await write("2020-03-09-daw.md", "A daw on the roof", "The daw sang on the roof.\n\n寒鸦在屋顶歌唱。");
    const search = await loadSearch((await build()).site);
    expect(await search.articles("dawn")).toEqual([FERRY]);
    expect(await search.articles("daw")).toEqual([FERRY, "/news/20200309/daw/"]);
  });

  it("makes the same site from the same cache and articles, byte for byte", async () => {
    const { env, write } = await project();
    await buildWithTestEnv(path.join(await tempDir(), "site"), env);
    await write("2020-03-09-zeppelin.md", "Zeppelin", "A zeppelin.\n\n一艘飞艇。");
    const copy = { ...env, QIAO_CACHE_DIR: path.join(await tempDir(), "cache") };
    await cp(env.QIAO_CACHE_DIR, copy.QIAO_CACHE_DIR, { recursive: true });
    const [one, two] = [path.join(await tempDir(), "site"), path.join(await tempDir(), "site")];
    expect((await buildWithTestEnv(one, env)).indexed?.wrote).toBe("recent");
    expect((await buildWithTestEnv(two, copy)).indexed?.wrote).toBe("recent");
    expect(await snapshot(two)).toEqual(await snapshot(one));
  });

  it("keeps only the newest few recent tiers in the cache", async () => {
    const { env, build, write } = await project();
    for (const word of ["alpha", "beta", "gamma", "delta", "epsilon"]) {
      await write("2020-03-09-word.md", `The word ${word}`, `The word is ${word}.`);
      await build();
    }
    const kept = await readdir(path.join(env.QIAO_CACHE_DIR, "search"));
    expect(kept.filter((name) => name.startsWith("archive-"))).toHaveLength(1);
    expect(kept.filter((name) => name.startsWith("recent-"))).toHaveLength(3);
  });
});

describe("the tier plan", () => {
  const archive = (key: string, urls: string[]): CachedArchive => ({
    key,
    manifest: { digests: Object.fromEntries(urls.map((url) => [url, `d-${url}`])), ids: { en: Object.fromEntries(urls.map((url) => [url, `en_${url}`])), zh: {} } },
  });
  const digests = (entries: [string, string][]) => new Map(entries);

  it("writes the whole index on a cold cache", () => {
    expect(planTiers(digests([["a", "d-a"]]), [])).toEqual({ kind: "archive" });
  });
  it("keeps the archive and masks the records of edited and deleted articles", () => {
    const kept = ["d", "e", "f", "g", "h"];
    const current = digests([["a", "d-a"], ["b", "changed"], ["new", "d-new"], ...kept.map((url): [string, string] => [url, `d-${url}`])]);
    const plan = planTiers(current, [archive("k", ["a", "b", "c", ...kept])]);
    expect(plan).toMatchObject({ kind: "tiered", recent: ["b", "new"], masked: { en: ["en_b", "en_c"], zh: [] } });
  });
  it("writes the whole index rather than keep an archive of other articles", () => {
    // Within a few stories of the limit, but the archive holds only two of the site's ten.
    const current = digests(Array.from({ length: 10 }, (_, i): [string, string] => [`u${i}`, `d-u${i}`]));
    expect(planTiers(current, [archive("k", ["u0", "u1"])])).toEqual({ kind: "archive" });
  });
  it("writes the whole index again once the changes pass the limit", () => {
    const urls = Array.from({ length: 5000 }, (_, i) => `u${i}`);
    const changed = recentLimit(urls.length) + 1;
    const current = digests(urls.map((url, i) => [url, i < changed ? "changed" : `d-${url}`]));
    expect(planTiers(current, [archive("k", urls)])).toEqual({ kind: "archive" });
    const within = digests(urls.map((url, i) => [url, i < changed - 1 ? "changed" : `d-${url}`]));
    expect(planTiers(within, [archive("k", urls)]).kind).toBe("tiered");
  });
  it("takes the cached archive with the fewest changes, the same one whatever the cache's order", () => {
    const current = digests([["a", "d-a"], ["b", "d-b"]]);
    const older = archive("z", ["a"]);
    const closer = archive("y", ["a", "b"]);
    const twin = archive("x", ["a", "b"]);
    expect(planTiers(current, [older, closer, twin])).toMatchObject({ archive: { key: "x" } });
    expect(planTiers(current, [twin, closer, older])).toMatchObject({ archive: { key: "x" } });
  });
});

describe("an article's digest", () => {
  it("covers every searchable field, where paragraphs start and end included", () => {
    const article = (paragraphs: SearchableArticle["paragraphs"], title = "Lanterns"): SearchableArticle => ({
      url: "/news/20250212/lanterns/",
      title: { en: title, zh: "灯会" },
      column: "news",
      date: new Date("2025-02-12T08:00:00+08:00"),
      paragraphs,
    });
    const base = articleDigest(article([{ lang: "en", html: "<p>ab</p>" }, { lang: "zh", html: "<p>c</p>" }]));
    expect(articleDigest(article([{ lang: "en", html: "<p>ab</p>" }, { lang: "zh", html: "<p>c</p>" }]))).toBe(base);
    for (const changed of [
      article([{ lang: "en", html: "<p>a</p>" }, { lang: "zh", html: "b</p><p>c</p>" }]),
      article([{ lang: "zh", html: "<p>ab</p>" }, { lang: "zh", html: "<p>c</p>" }]),
      article([{ lang: "en", html: "<p>ab</p>" }]),
      article([{ lang: "en", html: "<p>ab</p>" }, { lang: "zh", html: "<p>c</p>" }], "Lantern"),
    ]) {
      expect(articleDigest(changed)).not.toBe(base);
    }
  });

  it("changes with the code that makes the records: every module it runs, followed through imports", () => {
    const sources = [...sourcesOf([new URL("../src/features/search/records.ts", import.meta.url)]).keys()];
    // records.ts runs html-text.ts, lang.ts and, through lang.ts, the paragraph reader: a
    // change to how a paragraph's language is found changes the records.
    for (const file of ["records.ts", "../../model/html-text.ts", "../../model/lang.ts", "../../model/paragraphs.ts", "../../config/languages.ts", "../../model/dates.ts"]) {
      expect(sources).toContain(file);
    }
    // A type is not code that runs.
    expect(sources).not.toContain("../../model/article.ts");
    // The worker that calls them is part of the recipe too.
    expect([...sourcesOf([new URL("../src/features/search/worker.ts", import.meta.url)]).keys()]).toEqual(expect.arrayContaining(["worker.ts", "records.ts", "index-writer.ts"]));
  });

  it("follows every form of import that runs a module, and no import of types only", async () => {
    const dir = await tempDir();
    const files: Record<string, string> = {
      "entry.ts": 'import "./side.ts";\nexport { a } from "./re.ts";\nimport {\n  b,\n  c,\n} from \'./multi.ts\';\nimport type { T } from "./types.ts";\nexport const d = 1;\n',
      "side.ts": "",
      "re.ts": "export const a = 1;\n",
      "multi.ts": "export const b = 1, c = 2;\n",
      "types.ts": "export type T = number;\n",
    };
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    const names = [...sourcesOf([pathToFileURL(path.join(dir, "entry.ts"))]).keys()].map((key) => path.basename(key)).sort();
    expect(names).toEqual(["entry.ts", "multi.ts", "re.ts", "side.ts"]);
  });
});

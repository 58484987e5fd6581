// The real Pagefind indexes of the built sample site, queried through the real pagefind.js
// and the same query code the search page runs.

import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import * as OpenCC from "opencc-js/t2cn";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { groupByArticle, indexesFor, matchesFilters, normalizeQuery, traditionalTest } from "../assets/search-query.js";
import { buildTestSite, buildWithTestEnv, tempDir } from "./helpers/build.ts";
import { loadSearch, type LoadedSearch } from "./helpers/search-probe.ts";
import { indexArticles } from "../src/features/search/indexer.ts";
import { parseArticle } from "../src/model/article.ts";
import site from "../src/config/site.ts";
import { traditionalTable } from "../src/features/search/traditional-chars.ts";

const BLOOD = "/news/20180615/world-blood-donor-day/";
const STEM = "/news/20210105/stem-cell-donation/";
const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });
const loaders = { hasTraditional: async (text: string) => traditionalTest(traditionalTable())(text), toSimplified: async () => toSimplified };
const regression = JSON.parse(readFileSync("tests/fixtures/search-queries.json", "utf8")).queries as Record<string, string[]>;

let search: LoadedSearch;
/** Article URLs for a query, as the search page groups them. */
async function articlesFor(query: string, filters: { column?: string; year?: string } = {}): Promise<string[]> {
  const hits = await search.search(await normalizeQuery(query, loaders));
  return groupByArticle(hits.filter((h) => matchesFilters(h, filters))).map((g) => g.url).sort();
}

beforeAll(async () => {
  search = await loadSearch(inject("siteDir"));
});

describe("English search", () => {
  it("finds by stem: donated finds donation and donors", async () => {
    expect(await articlesFor("donated")).toEqual([BLOOD, STEM]);
  });
  it("finds a word only one article has", async () => {
    expect(await articlesFor("hematopoietic")).toEqual([STEM]);
  });
  it("does not match every article through its column name or date", async () => {
    expect(await articlesFor("release")).toEqual([]);
    expect(await articlesFor("2021")).toEqual([STEM]);
  });
  it("finds nothing for nonsense", async () => {
    expect(await articlesFor("qwzxkjv")).toEqual([]);
  });
});

describe("Chinese search (regression list)", () => {
  for (const [query, urls] of Object.entries(regression)) {
    it(`${query} finds ${urls.length} article(s)`, async () => {
      expect(await articlesFor(query)).toEqual([...urls].sort());
    });
  }
  it("highlights the Chinese words in a Chinese excerpt", async () => {
    const [group] = groupByArticle(await search.search("献血"));
    expect(group!.excerpts.zh).toContain("<mark>献血</mark>");
  });
});

describe("beyond plain search", () => {
  it("finds a headline by its pinyin", async () => {
    expect(await articlesFor("xianxue")).toEqual([BLOOD]);
    expect(await articlesFor("zaoxue ganxibao")).toEqual([STEM]);
  });
  it("filters by year and by column", async () => {
    expect(await articlesFor("donated", { year: "2021" })).toEqual([STEM]);
    expect(await articlesFor("donated", { column: "news" })).toEqual([BLOOD, STEM]);
    expect(await articlesFor("donated", { column: "vision" })).toEqual([]);
  });
  it("gives both languages' hits of an article one result with the same URL", async () => {
    const groups = groupByArticle(await search.search("郑州"));
    expect(groups.map((g) => g.url).sort()).toEqual([BLOOD, STEM]);
    expect(groups.find((g) => g.url === BLOOD)!.excerpts).toHaveProperty("zh");
  });
  it("asks one language's index for a query in one script, and both otherwise", () => {
    expect(["献血", "獻血", "2021年 郑州"].map(indexesFor)).toEqual([["zh"], ["zh"], ["zh"]]);
    expect(["donated", "xianxue", "Zheng Energy 2021"].map(indexesFor)).toEqual([["en"], ["en"], ["en"]]);
    expect(["郑州 hospital", "2021", "120"].map(indexesFor)).toEqual([["en", "zh"], ["en", "zh"], ["en", "zh"]]);
  });
  it("keeps drafts and scheduled articles out of the index", async () => {
    const siteDir = await buildTestSite({ QIAO_ARTICLES_DIR: "tests/fixtures/site" });
    const fixtures = await loadSearch(siteDir);
    const urls = groupByArticle(await fixtures.search("paragraph")).map((g) => g.url);
    expect(urls).toEqual(["/news/20200301/published/"]);
  });
});

describe("one index per query script", () => {
  it("finds the other script inside an article's text: Latin in Chinese, Han in English", async () => {
    const dir = await tempDir();
    const article = (slug: string, title: string, body: string) =>
      writeFile(path.join(dir, `${slug}.md`), `---\ntitle:\n  ${title}\ncolumn: news\ndate: 2021-03-01 10:00:00\nsource: 郑州之窗\n---\n\n${body}\n`);
    await article("chinese-only", "zh: 郑州开通新航线", "郑州新郑国际机场开通飞往 APEC 成员经济体的新航线。");
    await article("english-only", "en: Readers write in", "Readers wrote in from all over the city and from 洛阳, the old capital.");
    const site = await loadSearch(await buildTestSite({ QIAO_ARTICLES_DIR: dir }));
    expect(groupByArticle(await site.search("APEC")).map((g) => g.url)).toEqual(["/news/20210301/chinese-only/"]);
    expect(groupByArticle(await site.search("洛阳")).map((g) => g.url)).toEqual(["/news/20210301/english-only/"]);
  });
});

describe("what a build reports", () => {
  it("counts the records of each index: one per published article and language", async () => {
    const { indexed } = await buildWithTestEnv(path.join(await tempDir(), "site"));
    expect(indexed).toEqual({ en: 2, zh: 2 });
    const { indexed: none } = await buildWithTestEnv(path.join(await tempDir(), "site"), { QIAO_SEARCH: "off" });
    expect(none).toBeUndefined();
  });
});

describe("a build whose index cannot be written", () => {
  it("fails the build with the file system's message", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "pagefind"), "a file where the index folder goes");
    const { article } = parseArticle(readFileSync("articles/2021-01-05-stem-cell-donation.md", "utf8"), "a.md", { columns: site.columns, defaults: { source: "郑州之窗" } });
    await expect(indexArticles([article!], dir)).rejects.toThrow(/pagefind/);
  });
});

describe("under a path prefix", () => {
  it("returns URLs that carry the prefix", async () => {
    const siteDir = await buildTestSite({ PATH_PREFIX: "/qiao/" });
    const prefixed = await loadSearch(siteDir, "/qiao/");
    for (const query of ["献血", "donated", "2021"]) {
      const hits = await prefixed.search(query);
      expect(hits.length, query).toBeGreaterThan(0);
      expect(hits.every((h) => h.url.startsWith("/qiao/news/")), query).toBe(true);
    }
    expect((await prefixed.search("献血")).map((h) => h.url)).toContain(`/qiao${BLOOD}`);
  });
});

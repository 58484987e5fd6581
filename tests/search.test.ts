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

/** The two sample articles about donating: blood (news, 2024), stem cells (energy, 2023). */
const BLOOD = "/news/20240614/blood-donor-day/";
const REGISTRY = "/energy/20230316/stem-cell-donor-registry/";
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
    // Only the blood story says "donated"; the registry story says "donation" and "donate".
    expect(await articlesFor("donated")).toEqual([REGISTRY, BLOOD]);
  });
  it("finds a word only one article has", async () => {
    expect(await articlesFor("haematopoietic")).toEqual([REGISTRY]);
  });
  it("does not match every article through its column name or date", async () => {
    // "vision" is in no article's text, only in the column of seven ("vision", shown as
    // "Zhengzhou Vision"). When no indexed word starts with a query word, Pagefind answers with
    // the longest indexed word the query word starts with ("release" finds "re", the pinyin of
    // 热 in a headline); none is a start of "vision", so what could match is the field alone.
    const [bronzes] = await search.search("bronzes");
    expect(bronzes!.meta.column_key).toBe("vision");
    expect(await articlesFor("vision")).toEqual([]);
    // A year in the text is found; a year only in the date is not (ten articles of 2024).
    const [blood] = await search.search("1995");
    expect([blood!.url, blood!.meta.date]).toEqual([BLOOD, "2024-06-14"]);
    expect(await articlesFor("1995")).toEqual([BLOOD]);
    expect(await articlesFor("2024")).toEqual([]);
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
    expect(await articlesFor("zaoxue ganxibao")).toEqual([REGISTRY]);
  });
  it("filters by year and by column", async () => {
    expect(await articlesFor("donated", { year: "2023" })).toEqual([REGISTRY]);
    expect(await articlesFor("donated", { year: "2024" })).toEqual([BLOOD]);
    expect(await articlesFor("donated", { column: "news" })).toEqual([BLOOD]);
    expect(await articlesFor("donated", { column: "energy" })).toEqual([REGISTRY]);
    expect(await articlesFor("donated", { column: "vision" })).toEqual([]);
  });
  it("gives both languages' hits of an article one result with the same URL", async () => {
    // A query in both scripts: each article matches once in each index.
    const hits = await search.search("献血 donated");
    expect(new Set(hits.map((h) => h.meta.lang))).toEqual(new Set(["en", "zh"]));
    const groups = groupByArticle(hits);
    expect(groups.map((g) => g.url).sort()).toEqual([REGISTRY, BLOOD]);
    for (const group of groups) expect(Object.keys(group.excerpts).sort(), group.url).toEqual(["en", "zh"]);
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
    expect(indexed?.counts).toEqual({ en: 35, zh: 35 });
    const { indexed: none } = await buildWithTestEnv(path.join(await tempDir(), "site"), { QIAO_SEARCH: "off" });
    expect(none).toBeUndefined();
  });
});

describe("a build whose index cannot be written", () => {
  it("fails the build with the file system's message", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "pagefind"), "a file where the index folder goes");
    const { article } = parseArticle(readFileSync("articles/2024-06-14-blood-donor-day.md", "utf8"), "a.md", { columns: site.columns, defaults: { source: "郑州之窗" } });
    await expect(indexArticles([article!], dir)).rejects.toThrow(/pagefind/);
  });
});

describe("under a path prefix", () => {
  it("returns URLs that carry the prefix", async () => {
    const siteDir = await buildTestSite({ PATH_PREFIX: "/qiao/" });
    const prefixed = await loadSearch(siteDir, "/qiao/");
    // Chinese, English, and a number, which opens both indexes.
    for (const query of ["献血", "donated", "1995"]) {
      const hits = await prefixed.search(query);
      expect(hits.length, query).toBeGreaterThan(0);
      expect(hits.every((h) => /^\/qiao\/[a-z]+\/\d{8}\/[^/]+\/$/.test(h.url)), query).toBe(true);
    }
    expect((await prefixed.search("献血")).map((h) => h.url)).toContain(`/qiao${BLOOD}`);
  });
});

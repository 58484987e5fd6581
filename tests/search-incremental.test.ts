// Search answers do not depend on how the index was written: the sample archive is built
// once, then five stories are added, two edited and one deleted, and the build that writes
// only a recent tier beside the cached archive must answer what a build from scratch answers,
// over a few hundred queries of every kind a reader types.

import { cp, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as OpenCC from "opencc-js/cn2t";
import * as ToSimplified from "opencc-js/t2cn";
import { beforeAll, describe, expect, it } from "vitest";
import { groupByArticle, normalizeQuery, traditionalTest } from "../assets/search-query.js";
import site from "../src/config/site.ts";
import { pinyinOf } from "../src/features/search/records.ts";
import { traditionalTable } from "../src/features/search/traditional-chars.ts";
import { parseArticle, type Article } from "../src/model/article.ts";
import { plainText } from "../src/model/html-text.ts";
import { buildWithTestEnv, tempDir } from "./helpers/build.ts";
import { loadSearch, type LoadedSearch } from "./helpers/search-probe.ts";

/** The newest five stories of the sample arrive after the archive was written. */
const ADDED = [
  "2026-06-19-railway-yard-night-market.md",
  "2026-07-22-rainstorm-preparations.md",
  "2026-09-16-henan-opera-workshop.md",
  "2026-11-25-heating-season-hotline.md",
  "2026-05-06-metro-may-day-record.md",
];
/** Two archive stories gain a pair of paragraphs with words no other story has. */
const EDITED: Record<string, string> = {
  "2024-12-13-first-snow.md": "A kingfisher watched the skaters from the willow.\n\n一只翠鸟在柳树上看着滑冰的人。",
  "2023-05-18-shang-city-bronzes.md": "The curator said the tortoiseshell inscriptions would travel to Anyang.\n\n馆长说，这些龟甲刻辞将运往安阳展出。",
};
const DELETED = "2025-03-26-sandstorm-warning.md";

const toTraditional: (text: string) => string = OpenCC.Converter({ from: "cn", to: "t" });
const toSimplified = ToSimplified.Converter({ from: "t", to: "cn" });
const loaders = { hasTraditional: async (text: string) => traditionalTest(traditionalTable())(text), toSimplified: async () => toSimplified };

let tiered: LoadedSearch;
let scratch: LoadedSearch;
let wrote: string | undefined;
let queries: string[];

/** The published articles of a folder, parsed as the build parses them. */
async function articlesIn(dir: string): Promise<Article[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".md"));
  const parsed = await Promise.all(
    files.map(async (file) => parseArticle(await readFile(path.join(dir, file), "utf8"), file, { columns: site.columns, defaults: { source: "郑州之窗" } }).article!),
  );
  return parsed.filter((article) => !article.draft && article.date.getFullYear() < 2030);
}

const englishWords = (text: string) => (text.toLowerCase().match(/\p{Script=Latin}{4,}/gu) ?? []).filter((w) => !/^(that|this|with|from|have|were|they|their|said|will|been)$/.test(w));
const segmenter = new Intl.Segmenter("zh-CN", { granularity: "word" });
const chineseWords = (text: string) => [...segmenter.segment(text)].map((s) => s.segment).filter((w) => /^\p{Script=Han}{2,}$/u.test(w));

/** Every `n`th of the distinct sorted values, up to `count`: a spread, the same on every run. */
function spread(values: Iterable<string>, count: number): string[] {
  const distinct = [...new Set(values)].sort();
  const step = Math.max(1, Math.floor(distinct.length / count));
  return distinct.filter((_, i) => i % step === 0).slice(0, count);
}

/** The queries: English, Chinese, pinyin and traditional words, two-word queries, words only
 *  the added and edited stories have, words still being typed, words in no story. */
function queriesOf(articles: readonly Article[], recentUrls: ReadonlySet<string>): string[] {
  const textOf = (article: Article, lang: "en" | "zh") =>
    [lang === "en" ? article.title.en : article.title.zh, ...article.paragraphs.filter((p) => p.lang === lang).map((p) => plainText(p.html))].filter(Boolean).join(" ");
  const english = articles.flatMap((a) => englishWords(textOf(a, "en")));
  const chinese = articles.flatMap((a) => chineseWords(textOf(a, "zh")));
  const elsewhere = new Set(articles.filter((a) => !recentUrls.has(a.url)).flatMap((a) => [...englishWords(textOf(a, "en")), ...chineseWords(textOf(a, "zh"))]));
  const onlyRecent = articles.filter((a) => recentUrls.has(a.url)).flatMap((a) => [...englishWords(textOf(a, "en")), ...chineseWords(textOf(a, "zh"))]).filter((w) => !elsewhere.has(w));
  const pairs = articles.flatMap((a) => {
    const en = spread(englishWords(textOf(a, "en")), 3);
    const zh = spread(chineseWords(textOf(a, "zh")), 3);
    return [en.length > 1 ? `${en[0]} ${en[1]}` : [], zh.length > 1 ? `${zh[0]} ${zh[1]}` : [], en[2] && zh[2] ? `${en[2]} ${zh[2]}` : []].flat();
  });
  const pinyin = articles.flatMap((a) => pinyinOf(a.title.zh ?? "").split(" ").filter((w) => w.length > 5));
  const traditional = spread(chinese, 400).map(toTraditional).filter((w) => !chinese.includes(w));
  const english60 = spread(english, 60);
  return [
    ...english60,
    ...spread(chinese, 60),
    ...spread(pinyin, 20),
    ...spread(traditional, 20),
    ...spread(pairs, 40),
    ...spread(onlyRecent, 30),
    ...english60.filter((_, i) => i % 6 === 0).map((w) => w.slice(0, 4)),
    ...english60.filter((_, i) => i % 6 === 3).map((w) => `${w}qz`),
    "xuejing",
    "沐山",
    "雪景",
  ];
}

beforeAll(async () => {
  const root = await tempDir();
  const articles = path.join(root, "articles");
  const aside = path.join(root, "aside");
  await cp("articles", articles, { recursive: true });
  await cp("articles", aside, { recursive: true });
  for (const file of ADDED) await rm(path.join(articles, file));
  const env = { QIAO_ARTICLES_DIR: articles, QIAO_CACHE_DIR: path.join(root, "cache") };
  await buildWithTestEnv(path.join(root, "archive-site"), env);

  for (const file of ADDED) await rename(path.join(aside, file), path.join(articles, file));
  for (const [file, pair] of Object.entries(EDITED)) {
    const text = await readFile(path.join(articles, file), "utf8");
    await writeFile(path.join(articles, file), text.replace(/\n---\n\n/, `\n---\n\n${pair}\n\n`));
  }
  await rm(path.join(articles, DELETED));
  const tieredSite = path.join(root, "tiered-site");
  wrote = (await buildWithTestEnv(tieredSite, env)).indexed?.wrote;
  const scratchSite = path.join(root, "scratch-site");
  await buildWithTestEnv(scratchSite, { QIAO_ARTICLES_DIR: articles });
  [tiered, scratch] = await Promise.all([loadSearch(tieredSite), loadSearch(scratchSite)]);

  const final = await articlesIn(articles);
  const recentUrls = new Set(final.filter((a) => ADDED.includes(a.file) || a.file in EDITED).map((a) => a.url));
  queries = [...new Set(queriesOf(final, recentUrls))];
}, 180_000);

/** What a reader sees for a query: the articles (best first), and which words found nothing. */
async function answer(search: LoadedSearch, query: string) {
  const { hits, langs, missing, searched } = await search.answer(await normalizeQuery(query, loaders));
  return { articles: groupByArticle(hits, langs).map((g) => g.url), missing, searched };
}

describe("search with a recent tier beside the archive", () => {
  it("comes from a build that wrote only the recent tier", () => {
    expect(wrote).toBe("recent");
    expect(queries.length).toBeGreaterThanOrEqual(200);
  });

  it("finds the same articles as an index written from scratch, for every query, and mostly the same first", async () => {
    const differences: string[] = [];
    let sameFirst = 0;
    let withResults = 0;
    for (const query of queries) {
      const [mine, theirs] = [await answer(tiered, query), await answer(scratch, query)];
      const set = (urls: string[]) => [...urls].sort().join(" ");
      if (set(mine.articles) !== set(theirs.articles) || mine.missing !== theirs.missing || mine.searched !== theirs.searched) {
        differences.push(`${query}: ${JSON.stringify(mine)} != ${JSON.stringify(theirs)}`);
      }
      if (theirs.articles.length) {
        withResults++;
        if (mine.articles[0] === theirs.articles[0]) sameFirst++;
      }
    }
    expect(differences).toEqual([]);
    expect(withResults).toBeGreaterThan(150);
    expect(sameFirst / withResults).toBeGreaterThanOrEqual(0.9);
  }, 300_000);
});

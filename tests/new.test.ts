import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import site from "../src/config/site.ts";
import { parseArticle } from "../src/model/article.ts";
import { loadArticles } from "../src/model/load-articles.ts";
import { articleFileName, scaffoldArticle } from "../src/editor/scaffold.ts";
import { tempDir } from "./helpers/build.ts";

const run = promisify(execFile);

describe("npm run new", () => {
  it("scaffolds a valid draft dated now in Beijing time, and prints its path", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "articles.json"), await readFile("articles/articles.json"));
    const { stdout } = await run("npx", ["tsx", "scripts/new.ts", "--dir", dir, "--column", "news", "--zh", "郑州", "City news: today's \"big\" story"]);
    const file = stdout.trim();
    expect(path.dirname(file)).toBe(dir);
    expect(path.basename(file)).toMatch(/^\d{4}-\d{2}-\d{2}-city-news-todays-big-story\.md$/);

    const { articles, problems } = await loadArticles(dir, site.columns);
    expect(problems).toEqual([]);
    const [article] = articles;
    expect(article!.title).toEqual({ en: 'City news: today\'s "big" story', zh: "郑州" });
    expect(article!.draft).toBe(true);
    expect(Math.abs(article!.date.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await readFile(file, "utf8")).toMatch(/^date: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/m);
  });

  it("never reuses a file name", async () => {
    const dir = await tempDir();
    const now = new Date("2026-11-23T02:00:00Z");
    const first = articleFileName({ en: "Same headline" }, now, () => false);
    await writeFile(path.join(dir, first), "x");
    const taken = (name: string) => name === first;
    expect(first).toBe("2026-11-23-same-headline.md");
    expect(articleFileName({ en: "Same headline" }, now, taken)).toBe("2026-11-23-same-headline-2.md");
  });

  it("refuses an unknown column with the list of real ones", async () => {
    const error = await run("npx", ["tsx", "scripts/new.ts", "--column", "sport", "Headline"]).catch((e) => e);
    expect(error.code).toBe(1);
    expect(error.stderr).toContain("one of news, vision, international, energy");
  });

  it("keeps a Chinese-only headline in the slug", () => {
    const text = scaffoldArticle({ title: { zh: "郑州献血" }, column: "news", now: new Date() });
    expect(parseArticle(text, "2026-11-23-郑州献血.md", { columns: site.columns, defaults: { source: "郑州之窗" } }).article?.url).toMatch(/\/郑州献血\/$/);
    expect(articleFileName({ zh: "郑州献血" }, new Date("2026-11-23T02:00:00Z"), () => false)).toBe("2026-11-23-郑州献血.md");
  });
});

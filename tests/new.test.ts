import { execFile } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import site from "../src/config/site.ts";
import { parseArticle } from "../src/model/article.ts";
import { loadArticles } from "../src/model/load-articles.ts";
import { articleFileName, scaffoldArticle } from "../src/editor/scaffold.ts";
import { tempDir } from "./helpers/build.ts";
import { copyProject } from "./helpers/project-copy.ts";

const run = promisify(execFile);
/** 10:00 in Beijing, 23 November 2026. */
const NOW = "2026-11-23T02:00:00Z";

describe("npm run new", () => {
  it("scaffolds a valid draft dated now in Beijing time, and prints its path", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "articles.json"), await readFile("articles/articles.json"));
    const { stdout } = await run("npx", ["tsx", "scripts/new.ts", "--dir", dir, "--column", "news", "--zh", "郑州", "City news: today's \"big\" story"], {
      env: { ...process.env, QIAO_NOW: NOW },
    });
    const file = stdout.trim();
    expect(file).toBe(path.join(dir, "2026-11-23-city-news-todays-big-story.md"));

    const { articles, problems } = await loadArticles(dir, site.columns);
    expect(problems).toEqual([]);
    const [article] = articles;
    expect(article!.title).toEqual({ en: 'City news: today\'s "big" story', zh: "郑州" });
    expect(article!.draft).toBe(true);
    expect(article!.date).toEqual(new Date(NOW));
    expect(await readFile(file, "utf8")).toMatch(/^date: 2026-11-23 10:00:00$/m);
  });

  it("never reuses a file name: the same headline at the same time gets a new one, and the first article keeps its text", async () => {
    const project = path.join(await tempDir(), "project");
    copyProject(project);
    const newArticle = async () => {
      const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/new.ts", "--column", "news", "Same headline"], {
        cwd: project,
        env: { ...process.env, QIAO_NOW: NOW },
      });
      return stdout.trim();
    };
    const first = await newArticle();
    expect(first).toBe(path.join("articles", "2026-11-23-same-headline.md"));
    // The editor starts writing; then someone scaffolds the same story again.
    const written = (await readFile(path.join(project, first), "utf8")).replace("Write the first English paragraph here.", "The editor's first paragraph.");
    await writeFile(path.join(project, first), written);

    const second = await newArticle();
    expect(second).toBe(path.join("articles", "2026-11-23-same-headline-2.md"));
    expect(await readFile(path.join(project, first), "utf8")).toBe(written);
    expect((await readdir(path.join(project, "articles"))).sort()).toEqual(["2026-11-23-same-headline-2.md", "2026-11-23-same-headline.md", "articles.json"]);
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

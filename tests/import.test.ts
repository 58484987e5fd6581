import { execFile } from "node:child_process";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import site from "../src/config/site.ts";
import { parseArticle } from "../src/model/article.ts";
import { beijingIso } from "../src/model/dates.ts";
import { importedArticleText, parseChannelText } from "../src/editor/import-channel.ts";
import { buildTestSite, tempDir } from "./helpers/build.ts";
import { readPage, text } from "./helpers/html.ts";
import { SEEDS_DIR, seedFiles, seedParagraphs } from "./helpers/seeds.ts";

const run = promisify(execFile);
const tsx = (...args: string[]) => run("npx", ["tsx", ...args]);

describe("importing the channel's real pages", () => {
  it("imports both seeds, passes check, and builds pages with the source's paragraphs in order", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "articles.json"), await readFile("articles/articles.json"));
    const { stdout } = await tsx("scripts/import.ts", "--out", dir, SEEDS_DIR);
    expect(stdout).toContain("2 pairs, 2 unpaired, 0 warnings");
    expect(stdout).toContain("0 pairs, 6 unpaired, 0 warnings");

    const check = await tsx("scripts/check.ts", dir);
    expect(check.stdout).toContain("Checked 2 articles");
    expect(check.stdout).toContain("0 errors");

    const siteDir = await buildTestSite({ QIAO_ARTICLES_DIR: dir });
    const urls = (await readdir(path.join(siteDir, "news"))).sort();
    expect(urls).toEqual(["20180615", "20210105", "index.html"]);
    for (const [i, seed] of seedFiles().entries()) {
      const day = ["20180615", "20210105"][i]!;
      const [slug] = await readdir(path.join(siteDir, "news", day));
      const doc = await readPage(siteDir, `/news/${day}/${slug}/`);
      const rendered = [...doc.querySelectorAll(".article-body > div > *")].map((p) => text(p));
      expect(rendered).toEqual(seedParagraphs(seed).map((p) => p.replace(/\s+/g, " ")));
    }
  });

  it("reads kicker, headline, source, Beijing time and credits from the dump", () => {
    const [, stemCells] = seedFiles();
    return readFile(stemCells!, "utf8").then((dump) => {
      const a = parseChannelText(dump, site.kickers);
      expect(a.kicker).toBe("Zhengzhou Energy");
      expect(a.title).toEqual({ zh: "郑州市民刘先生:造血干细胞“新年第一捐”" });
      expect(a.source).toBe("郑州之窗");
      expect(beijingIso(a.date!)).toBe("2021-01-05T09:49:56+08:00");
      expect(a.credits).toBe("(记者 李京儒 通讯员 张予/文 记者 丁友明/图)");
      expect(a.paragraphs.some((p) => /Zhengzhou Vision|Scan QR|高铁/.test(p))).toBe(false);
    });
  });

  it("never overwrites an article without --force", async () => {
    const dir = await tempDir();
    await tsx("scripts/import.ts", "--out", dir, SEEDS_DIR);
    const [first] = (await readdir(dir)).sort();
    await writeFile(path.join(dir, first!), "edited by hand");
    const again = await tsx("scripts/import.ts", "--out", dir, SEEDS_DIR).catch((e) => e);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain("exists (use --force to overwrite)");
    expect(await readFile(path.join(dir, first!), "utf8")).toBe("edited by hand");
    await tsx("scripts/import.ts", "--out", dir, "--force", SEEDS_DIR);
    expect(await readFile(path.join(dir, first!), "utf8")).toMatch(/^---\ntitle:/);
  });
});

describe("real-world variation in dumps", () => {
  const dump = (lines: string[]) => lines.join("\n");

  it("copes with a BOM, Windows line endings and full-width indentation", () => {
    const a = parseChannelText("\uFEFF• Scan QR Code\r\nZheng Energy丨标题\r\n郑州之窗2018-06-15 11:53:52\r\n\u3000\u3000First line.\r\n\u3000\u3000第一行。\r\n");
    expect(a).toMatchObject({ kicker: "Zheng Energy", title: { zh: "标题" }, paragraphs: ["First line.", "第一行。"] });
  });

  it.each([
    ["丨", "Zheng Energy丨标题"],
    ["|", "Zheng Energy | 标题"],
    ["full-width ｜", "Zheng Energy｜标题"],
    ["a space after a known kicker", "Zheng Energy 标题"],
  ])("splits kicker and headline separated by %s", (_, line) => {
    expect(parseChannelText(dump([line, "郑州之窗2018-06-15 11:53", "Text."]), site.kickers)).toMatchObject({
      kicker: "Zheng Energy",
      title: { zh: "标题" },
      warnings: [],
    });
  });

  it("guesses an unknown Latin kicker before a Chinese headline, and says so", () => {
    const a = parseChannelText(dump(["Zhengzhou Culture 郑州文化", "郑州之窗2020-01-01", "Text."]));
    expect(a.kicker).toBe("Zhengzhou Culture");
    expect(a.warnings).toEqual([expect.stringContaining('kicker "Zhengzhou Culture" guessed')]);
  });

  it("dates an article with no timestamp now, as a draft, with a warning", () => {
    const a = parseChannelText(dump(["A headline in English", "First paragraph.", "第一段。"]));
    expect(a.date).toBeUndefined();
    expect(a.paragraphs).toEqual(["First paragraph.", "第一段。"]);
    expect(a.warnings).toEqual([expect.stringContaining("no timestamp line")]);
    const text = importedArticleText(a, "news", new Date("2026-11-23T02:00:00Z"));
    expect(text).toContain("date: 2026-11-23 10:00:00\n");
    expect(text).toContain("draft: true\n");
  });

  it("drops photo placeholders and keeps captions as paragraphs", () => {
    const a = parseChannelText(dump(["Title line", "郑州之窗2020-01-01 08:00", "[图片]", "Photo shows the station.", "图为献血站。"]));
    expect(a.paragraphs).toEqual(["Photo shows the station.", "图为献血站。"]);
    expect(a.warnings).toEqual(['dropped a photo placeholder: "[图片]"']);
  });

  it("keeps lines that look like Markdown as plain text", () => {
    const a = parseChannelText(dump(["Title", "郑州之窗2020-01-01", "1. The first point.", "# not a heading", "{solo} not a directive"]));
    const text = importedArticleText(a, "news", new Date());
    const { article } = parseArticle(text, "x.md", { columns: site.columns });
    expect(article!.paragraphs.map((p) => p.html)).toEqual([
      '<p lang="en">1. The first point.</p>\n',
      '<p lang="en"># not a heading</p>\n',
      '<p lang="en">{solo} not a directive</p>\n',
    ]);
  });
});

import { describe, expect, it } from "vitest";
import site from "../src/config/site.ts";
import { parseArticle } from "../src/model/article.ts";

const FRONT = "---\ntitle:\n  en: Generated headline\n  zh: 生成的标题\ncolumn: news\ndate: 2021-01-05\nsource: Test\n---\n";

function warnings(body: string, front = FRONT) {
  const { article, problems } = parseArticle(front + body, "a.md", { columns: site.columns });
  expect(article).toBeDefined();
  return problems.map((p) => `${p.line} ${p.severity} ${p.message}`);
}

describe("editorial warnings", () => {
  it("warn about an article with no Chinese at all", () => {
    const front = FRONT.replace("  zh: 生成的标题\n", "");
    expect(warnings("\nOnly English here.\n", front)).toEqual([
      "2 warning the article has no Chinese at all: add title.zh or Chinese paragraphs",
    ]);
  });

  it("warn about a long run of untranslated English in a translated article", () => {
    const body = "\nOne.\n\n一。\n\nTwo.\n\nThree.\n\nFour.\n";
    expect(warnings(body)).toEqual([
      "14 warning 3 English paragraphs in a row (lines 14-18) have no Chinese translation",
    ]);
  });

  it("warn about a Chinese paragraph that lost its English partner", () => {
    const body = "\nFirst paragraph in English.\n\n第一段中文。\n\n第二段中文,它的英文不见了。\n";
    expect(warnings(body)).toEqual([
      expect.stringMatching(/^14 warning this Chinese paragraph follows Chinese text/),
    ]);
  });

  it("stay quiet about a Chinese paragraph marked {solo}", () => {
    expect(warnings("\nFirst paragraph in English.\n\n第一段中文。\n\n{solo} 编者按。\n")).toEqual([]);
  });

  it("warn when a pair's lengths cannot be a translation", () => {
    const body = "\nThis English paragraph is far, far longer than the Chinese text that follows it could ever translate.\n\n好。\n";
    expect(warnings(body)).toEqual([expect.stringMatching(/^12 warning this Chinese paragraph is much shorter/)]);
  });

  it("take captions, subheads and pictures for neither text nor translation", () => {
    const photo = "![Lanterns by the lake](/assets/images/lanterns.jpg)";
    const body = `\nFirst paragraph in English.\n\n第一段中文。\n\n${photo}\n\n{caption} 记者 胡嘉文 摄影\n\nTwo.\n\n${photo}\n\n{caption} ▲ Lanterns.\n\nThree.\n\n三。\n`;
    expect(warnings(body)).toEqual([]);
    const front = FRONT.replace("  zh: 生成的标题\n", "");
    expect(warnings(`\nOne.\n\nTwo.\n\nThree.\n\n${photo}\n\n{caption} Lanterns\n\n{caption} 灯笼\n`, front)).toEqual([]);
    // Two English paragraphs and an English subhead between pairs: no run of three.
    expect(warnings("\nOne.\n\n一。\n\nTwo.\n\n## A section\n\nThree.\n\n## 一节\n\n四。\n")).toEqual([]);
  });

  describe("about captions with no picture beside them", () => {
    const NO_PICTURE = "warning this caption has no picture beside it: add the photo right before or after it (![what it shows](/assets/images/….jpg)), or delete the caption";
    const photo = "![The depot at night](/assets/images/depot.jpg)";

    it("warn once for each caption of a run that no picture touches", () => {
      const body = "\nThe crew checks every bus.\n\n夜班逐车检查。\n\n{caption} photo/Ma Jian\n\n{caption} photo/Ma Jian\n\n{caption} Buses at dawn\n\n{caption} 黎明时的公交车\n\nThe first bus leaves at 5:30.\n\n头班车5点半发车。\n";
      expect(warnings(body)).toEqual([`14 ${NO_PICTURE}`, `16 ${NO_PICTURE}`, `18 ${NO_PICTURE}`]);
    });

    it("stay quiet where a picture is right before or after the captions, or the lead image above them", () => {
      expect(warnings(`\nText.\n\n正文。\n\n${photo}\n\n{caption} Buses at dawn\n\n{caption} photo/Ma Jian\n`)).toEqual([]);
      expect(warnings(`\nText.\n\n正文。\n\n{caption} Buses at dawn\n\n{caption} photo/Ma Jian\n\n${photo}\n`)).toEqual([]);
      const lead = FRONT.replace("source: Test\n", "source: Test\nimage:\n  src: /assets/images/depot.jpg\n  alt: The depot\n");
      expect(warnings("\n{caption} photo/Ma Jian\n\nText.\n\n正文。\n", lead)).toEqual([]);
      expect(warnings("\n{caption} photo/Ma Jian\n\nText.\n\n正文。\n")).toEqual([`10 ${NO_PICTURE}`]);
      // Text between a picture and a caption parts them.
      expect(warnings(`\n${photo}\n\nText.\n\n正文。\n\n{caption} photo/Ma Jian\n`)).toEqual([`16 ${NO_PICTURE}`]);
    });
  });

  it("warn about a heading that is not a subhead: drawn as a heading, read as text", () => {
    const STRAY = 'warning this paragraph is shown as a heading but read as text: a subhead is one line starting with "## ", with a blank line after it (not #, ### or an underlined line)';
    const body = "\n## Night shift\nThe crew checks every bus.\n\n夜班逐车检查。\n\n# Big\n\n### Small\n\nUnderlined\n---\n\n## A subhead\n\n## 小标题\n\nA line with a # inside, and\n--- dashes after a line break.\n\n> ## A heading in a quote\n";
    expect(warnings(body).filter((w) => w.includes("shown as a heading"))).toEqual([`10 ${STRAY}`, `15 ${STRAY}`, `17 ${STRAY}`, `19 ${STRAY}`, `29 ${STRAY}`]);
  });

  it("let an English-only article with a Chinese headline pass quietly", () => {
    expect(warnings("\nOne.\n\nTwo.\n\nThree.\n\nFour.\n")).toEqual([]);
  });
});

describe("warnings in a build log", () => {
  it("show the first twenty and point to npm run check for the rest", async () => {
    const { warningSummary } = await import("../src/model/problems.ts");
    const many = Array.from({ length: 25 }, (_, i) => ({ file: `a${i}.md`, line: 1, col: 1, severity: "warning" as const, message: "m" }));
    const lines = warningSummary(many);
    expect(lines).toHaveLength(21);
    expect(lines.at(-1)).toBe("... and 5 more warnings: npm run check lists them all");
    expect(warningSummary(many.slice(0, 3))).toHaveLength(3);
  });
});

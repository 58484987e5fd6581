// What the CMS shows beside its fields and rows, and refuses a save for
// (src/editor/pairs/check-draft.ts): exactly what `npm run check` prints for the file the save
// would write, each problem tied to the field or the row it is about.

import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import site from "../src/config/site.ts";
import { loadArticles, readDefaults } from "../src/model/load-articles.ts";
import { readArticleFile, writeArticleFile, type ArticleDraft } from "../src/editor/pairs/article-draft.ts";
import { checkDraft, rowNotes, saveErrors, type CheckContext } from "../src/editor/pairs/check-draft.ts";
import { readBody } from "../src/editor/pairs/rows.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const FOLDERS = ["articles", "tests/fixtures/invalid"];

async function contextFor(folder: string, name: string): Promise<CheckContext> {
  return {
    file: `${folder}/${name}`,
    columns: site.columns,
    defaults: await readDefaults(path.join(ROOT, folder)),
    imageExists: (sitePath) => existsSync(path.join(ROOT, sitePath)),
  };
}

describe("the CMS's check is npm run check's", () => {
  it.each(FOLDERS)("every article in %s/ gets the very problems the check prints for it, at the same line and column", async (folder) => {
    const { problems } = await loadArticles(path.join(ROOT, folder), site.columns, ROOT);
    const files = readdirSync(path.join(ROOT, folder)).filter((f) => f.endsWith(".md")).sort();
    expect(files.length).toBeGreaterThan(30);
    for (const name of files) {
      const text = readFileSync(path.join(ROOT, folder, name), "utf8");
      const draft = readArticleFile(text);
      expect(writeArticleFile(draft), `${name} saved unchanged`).toBe(text);
      const mine = checkDraft(draft, await contextFor(folder, name)).map((p) => `${p.line}:${p.col} ${p.severity} ${p.message}`);
      // Two files claiming one permalink is a finding about the whole folder, not one file.
      const theirs = problems.filter((p) => p.file === `${folder}/${name}` && !p.message.startsWith("duplicate permalink")).map((p) => `${p.line}:${p.col} ${p.severity} ${p.message}`);
      expect(mine, name).toEqual(theirs);
    }
  });
});

const LANTERN = "2025-02-12-lantern-festival.md";

async function check(change: Partial<ArticleDraft>, name = LANTERN) {
  const draft = { ...readArticleFile(readFileSync(path.join(ROOT, "articles", name), "utf8")), ...change };
  return checkDraft(draft, await contextFor("articles", name));
}

describe("each problem is tied to what it is about", () => {
  it("the sample draft's two warnings to the rows of the paragraphs they name", async () => {
    const name = "2026-11-27-jialu-river-cycle-lane.md";
    const problems = await check({}, name);
    const { rows } = readBody(readArticleFile(readFileSync(path.join(ROOT, "articles", name), "utf8")).body);
    expect(problems.map((p) => p.target)).toEqual([{ row: 1 }, { row: 5 }]);
    expect(rows[1]!.en.text).toMatch(/^The lane is three metres wide/);
    expect(rows[5]!.zh.text).toMatch(/^沿线还新设了6处自行车维修点/);
    expect(rowNotes(problems)).toEqual([
      { row: 1, severity: "warning", message: "3 English paragraphs in a row (lines 15-19) have no Chinese translation" },
      { row: 5, severity: "warning", message: expect.stringContaining("this Chinese paragraph follows Chinese text") },
    ]);
  });

  it("front-matter errors to their fields, even to a field the file does not have yet", async () => {
    const targets = async (change: Partial<ArticleDraft>) => (await check(change)).map((p) => [p.target, p.message]);
    expect(await targets({ title: {} })).toEqual([[{ field: "title" }, 'missing required key "title"']]);
    expect(await targets({ column: "" })).toEqual([[{ field: "column" }, 'missing required key "column"']]);
    expect(await targets({ column: "sports" })).toEqual([[{ field: "column" }, expect.stringMatching(/^unknown column "sports"/)]]);
    expect(await targets({ date: "2025-02-30 10:00" })).toEqual([[{ field: "date" }, '"date" "2025-02-30 10:00" is not a real date or time']]);
    expect(await targets({ image: { src: "/assets/images/sample/lantern-show.jpg", alt: "" } })).toEqual([[{ field: "image.alt" }, 'missing required key "image.alt"']]);
    expect(await targets({ image: { src: "/assets/images/nowhere.jpg", alt: "A picture" } })).toEqual([[{ field: "image" }, expect.stringMatching(/^image file missing/)]]);
    expect(await targets({ slug: "two words" })).toEqual([[{ field: "slug" }, '"slug" must be letters, digits and single hyphens']]);
  });

  it("body errors to their row, an empty body to the body", async () => {
    const body = "\nThe first paragraph.\n\n第一段。\n\n![A lost picture](/assets/images/nowhere.jpg)\n";
    expect((await check({ body })).map((p) => p.target)).toEqual([{ row: 1 }]);
    expect((await check({ body: "\n\n" })).map((p) => [p.target, p.message])).toEqual([[{ body: true }, "the article has no body: write at least one paragraph"]]);
  });
});

describe("a save is refused for what would fail the check, and only for that", () => {
  it("every sample article saves; warnings never stop a save", async () => {
    for (const name of readdirSync(path.join(ROOT, "articles")).filter((f) => f.endsWith(".md"))) {
      const draft = readArticleFile(readFileSync(path.join(ROOT, "articles", name), "utf8"));
      expect(saveErrors(checkDraft(draft, await contextFor("articles", name))), name).toEqual([]);
    }
  });

  it("an error refuses it, with the check's message", async () => {
    const draft = { ...readArticleFile(readFileSync(path.join(ROOT, "articles", LANTERN), "utf8")), column: "sports" };
    expect(saveErrors(checkDraft(draft, await contextFor("articles", LANTERN)))).toEqual([
      { severity: "error", message: expect.stringMatching(/^unknown column "sports": use one of news, /), line: 5, col: 1, target: { field: "column" } },
    ]);
  });

  it("a change that front matter too broken to edit cannot take refuses it, naming the file", async () => {
    const broken = readFileSync(path.join(ROOT, "tests/fixtures/invalid/yaml-unclosed-bracket.md"), "utf8");
    const problems = saveErrors(checkDraft({ ...readArticleFile(broken), kicker: "New kicker" }, await contextFor("tests/fixtures/invalid", "yaml-unclosed-bracket.md")));
    expect(problems).toEqual([{ severity: "error", message: expect.stringContaining("is not valid YAML"), line: 1, col: 1, target: { file: true } }]);
  });
});

// `npm run check`: every malformed fixture gets its message at its line; the real CLI
// prints file:line:col and exits 1.

import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import site from "../src/config/site.ts";
import { loadArticles } from "../src/model/load-articles.ts";
import { formatProblem } from "../src/model/problems.ts";
import { decodeUtf8 } from "../src/model/utf8.ts";
import { buildTestSite, tempDir } from "./helpers/build.ts";

const run = promisify(execFile);
const INVALID = "tests/fixtures/invalid";
/** The sample's draft carries two warnings on purpose, so editors see what they look like. */
const DRAFT = "articles/2026-11-27-jialu-river-cycle-lane.md";
const DRAFT_WARNINGS = [
  `${DRAFT}:15:1 warning 3 English paragraphs in a row (lines 15-19) have no Chinese translation`,
  `${DRAFT}:25:1 warning this Chinese paragraph follows Chinese text: did its English partner go missing? Start it with {solo} if it stands alone on purpose`,
];
/** Clean articles: a published one, a draft and a scheduled one, each paired. */
const CLEAN = "tests/fixtures/site";
const expected = JSON.parse(readFileSync(`${INVALID}/expected.json`, "utf8")) as Record<
  string,
  Array<[line: number, col: number, message: string]>
>;

describe("article validation", async () => {
  const { problems } = await loadArticles(INVALID, site.columns);

  it("covers at least 30 malformed articles", () => {
    expect(Object.values(expected).filter((e) => e.length > 0).length).toBeGreaterThanOrEqual(30);
  });

  for (const [file, errors] of Object.entries(expected)) {
    it(`${file}: ${errors.map((e) => e[2]).join("; ") || "no error of its own"}`, () => {
      const found = problems
        .filter((p) => p.file === `${INVALID}/${file}` && p.severity === "error")
        .map((p) => [p.line, p.col, p.message] as const);
      expect(found).toHaveLength(errors.length);
      errors.forEach(([line, col, message]) => {
        expect(found).toContainEqual([line, col, expect.stringContaining(message)]);
      });
    });
  }

  it("finds only the draft's two intended warnings in the sample articles", async () => {
    const sample = await loadArticles("articles", site.columns);
    expect(sample.problems.map(formatProblem)).toEqual(DRAFT_WARNINGS);
  });
});

describe("npm run check", () => {
  it("prints file:line:col messages and a summary, and exits 1 on errors", async () => {
    const error = await run("npx", ["tsx", "scripts/check.ts", INVALID]).catch((e: { code: number; stdout: string }) => e);
    expect("code" in error && error.code).toBe(1);
    expect(error.stdout).toContain(`${INVALID}/column-unknown.md:4:1 error unknown column "sports"`);
    expect(error.stdout).toMatch(/Checked 38 articles in tests\/fixtures\/invalid\/: \d+ errors, 0 warnings\./);
  });

  it("exits 0 on the sample articles, printing the draft's two warnings", async () => {
    const { stdout } = await run("npx", ["tsx", "scripts/check.ts"]);
    expect(stdout.split("\n").filter((line) => / (error|warning) /.test(line))).toEqual(DRAFT_WARNINGS);
    expect(stdout).toContain("Checked 37 articles in articles/: 0 errors, 2 warnings.");
  });

  it("warns about each caption with no picture beside it, and still passes", async () => {
    const dir = path.join(await tempDir(), "articles");
    await mkdir(dir);
    const credit = "{caption} photo/Ma Jian";
    await writeFile(
      path.join(dir, "2024-01-09-depot.md"),
      `---\ntitle:\n  en: The depot at night\n  zh: 夜里的场站\ncolumn: news\ndate: 2024-01-09 08:00\nsource: 郑州之窗\n---\n\nThe crew checks every bus.\n\n夜班逐车检查。\n\n${Array(4).fill(credit).join("\n\n")}\n`,
    );
    const { stdout } = await run("npx", ["tsx", "scripts/check.ts", dir]);
    const warning = "warning this caption has no picture beside it: add the photo right before or after it (![what it shows](/assets/images/….jpg)), or delete the caption";
    expect(stdout.split("\n").filter((line) => / (error|warning) /.test(line))).toEqual(
      [14, 16, 18, 20].map((line) => `${path.relative(process.cwd(), path.join(dir, "2024-01-09-depot.md"))}:${line}:1 ${warning}`),
    );
    expect(stdout).toContain("0 errors, 4 warnings.");
  });

  it("reports 0 warnings on clean articles", async () => {
    const { stdout } = await run("npx", ["tsx", "scripts/check.ts", CLEAN]);
    expect(stdout).toContain(`Checked 3 articles in ${CLEAN}/: 0 errors, 0 warnings.`);
  });
});

describe("an article file that is not UTF-8", () => {
  const good = "---\ntitle:\n  zh: 郑州初雪\ncolumn: news\nsource: 郑州之窗\ndate: 2023-12-11 08:40\n---\n\n";
  // "郑州初雪" is 4 characters and 12 bytes: the bad byte stands at column 5 of its line.
  const bytes = Buffer.concat([Buffer.from(`${good}郑州初雪`), Buffer.from([0xff]), Buffer.from("。\n")]);
  const offset = Buffer.byteLength(`${good}郑州初雪`);

  async function folderWithBadFile(): Promise<string> {
    const dir = path.join(await tempDir(), "articles");
    await mkdir(dir);
    await writeFile(path.join(dir, "2023-12-11-good.md"), `${good}初雪。\n`);
    await writeFile(path.join(dir, "2023-12-11-bad.md"), bytes);
    return dir;
  }

  it("is an error at the bad byte's line and column, naming its offset, while its neighbours load", async () => {
    const dir = await folderWithBadFile();
    const { articles, problems } = await loadArticles(dir, site.columns, dir);
    expect(articles.map((a) => a.file)).toEqual(["2023-12-11-good.md"]);
    expect(problems).toEqual([
      { file: "2023-12-11-bad.md", line: 9, col: 5, severity: "error", message: `invalid UTF-8 at byte ${offset} (0xff): save the file as UTF-8` },
    ]);
  });

  it("fails npm run check with file:line:col", async () => {
    const dir = await folderWithBadFile();
    const error = await run("npx", ["tsx", "scripts/check.ts", dir]).catch((e: { code: number; stdout: string }) => e);
    expect("code" in error && error.code).toBe(1);
    expect(error.stdout).toContain(`2023-12-11-bad.md:9:5 error invalid UTF-8 at byte ${offset}`);
  });

  it("stops the build before it touches the site", async () => {
    const dir = await folderWithBadFile();
    const out = path.join(await tempDir(), "_site");
    await mkdir(out);
    await writeFile(path.join(out, "index.html"), "the last good site");
    await expect(buildTestSite({ QIAO_ARTICLES_DIR: dir }, out)).rejects.toThrow(/2023-12-11-bad\.md:9:5 error invalid UTF-8 at byte/);
    expect(await readFile(path.join(out, "index.html"), "utf8")).toBe("the last good site");
  });

  it.each([
    ["a lone continuation byte", [0x41, 0x80, 0x41], 1],
    ["an overlong form of '/'", [0x41, 0xc0, 0xaf], 1],
    ["a UTF-16 surrogate", [0xed, 0xa0, 0x80], 0],
    ["a character cut off at the end", [0x41, 0x42, 0xe9, 0x83], 2],
  ])("finds %s", (_, list, at) => {
    expect(decodeUtf8(Uint8Array.from(list))).toEqual({ invalid: expect.objectContaining({ offset: at, line: 1, col: at + 1 }) });
  });
});

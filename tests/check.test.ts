// `npm run check`: every malformed fixture gets its message at its line; the real CLI
// prints file:line:col and exits 1.

import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import site from "../src/config/site.ts";
import { loadArticles } from "../src/model/load-articles.ts";
import { formatProblem } from "../src/model/problems.ts";

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
    expect(stdout).toContain("Checked 36 articles in articles/: 0 errors, 2 warnings.");
  });

  it("reports 0 warnings on clean articles", async () => {
    const { stdout } = await run("npx", ["tsx", "scripts/check.ts", CLEAN]);
    expect(stdout).toContain(`Checked 3 articles in ${CLEAN}/: 0 errors, 0 warnings.`);
  });
});

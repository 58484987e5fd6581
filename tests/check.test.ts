// `npm run check`: every malformed fixture gets its message at its line; the real CLI
// prints file:line:col and exits 1.

import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import site from "../src/config/site.ts";
import { loadArticles } from "../src/model/load-articles.ts";

const run = promisify(execFile);
const INVALID = "tests/fixtures/invalid";
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

  it("finds nothing wrong with the sample articles", async () => {
    const sample = await loadArticles("articles", site.columns);
    expect(sample.problems).toEqual([]);
  });
});

describe("npm run check", () => {
  it("prints file:line:col messages and a summary, and exits 1 on errors", async () => {
    const error = await run("npx", ["tsx", "scripts/check.ts", INVALID]).catch((e: { code: number; stdout: string }) => e);
    expect("code" in error && error.code).toBe(1);
    expect(error.stdout).toContain(`${INVALID}/column-unknown.md:4:1 error unknown column "sports"`);
    expect(error.stdout).toMatch(/Checked 38 articles in tests\/fixtures\/invalid\/: \d+ errors, 0 warnings\./);
  });

  it("exits 0 on the sample articles", async () => {
    const { stdout } = await run("npx", ["tsx", "scripts/check.ts"]);
    expect(stdout).toContain("Checked 2 articles in articles/: 0 errors, 0 warnings.");
  });
});

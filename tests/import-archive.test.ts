// An archive at scale: 3,000 dumps, made from the fixtures with varied file names and
// times, imported in one run. It must give each of many pages with the same date and
// headline a file of its own, skip the same page dumped twice, and end with a summary whose
// numbers are right; a long run shows its progress. Nothing here depends on how fast the
// machine is: the progress lines are checked against a clock the test sets.

import { execFile } from "node:child_process";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { progressReporter } from "../src/editor/import/report.ts";
import { tempDir } from "./helpers/build.ts";
import { ARCHIVE_COPIES as COPIES, channelDumps, dumpedTwice as TWICE, expectedImports, writeDumpArchive } from "./helpers/channel-fixtures.ts";

const run = promisify(execFile);

describe("importing an archive of 3,000 dumps", () => {
  it("files every page, and sums it up right", async () => {
    const root = await tempDir();
    const [dumps, out] = [path.join(root, "dumps"), path.join(root, "articles")];
    await mkdir(dumps);
    await mkdir(out);
    await writeFile(path.join(out, "articles.json"), await readFile("articles/articles.json"));
    const fixtures = channelDumps();
    await writeDumpArchive(dumps);

    const { stdout } = await run("npx", ["tsx", "scripts/import.ts", "--out", out, dumps], { maxBuffer: 64 * 1024 * 1024 });

    const pages = fixtures.length * COPIES;
    const twice = fixtures.length * Array.from({ length: COPIES }, (_, k) => k).filter(TWICE).length;
    const count = (key: "pairs" | "alone" | "subheads" | "captions") =>
      COPIES * fixtures.reduce((sum, name) => {
        const blocks = expectedImports[name]!.blocks;
        const n = key === "captions" ? blocks.filter((b) => "caption" in b).length
          : key === "subheads" ? blocks.filter((b) => "subhead" in b).length
          : key === "pairs" ? blocks.filter((b) => "en" in b && "zh" in b).length
          : blocks.filter((b) => "en" in b !== "zh" in b).length;
        // Undated dumps differ by an added English line, which stands alone.
        return sum + n + (key === "alone" && !expectedImports[name]!.date ? 1 : 0);
      }, 0);
    const row = (label: string, n: number) => new RegExp(`^ {2}${label} +${n.toLocaleString("en")}$`, "m");

    expect(stdout).toContain(`Summary: ${(pages + twice).toLocaleString("en")} dumps`);
    expect(stdout).toMatch(row("imported", pages));
    expect(stdout).toMatch(row(" {2}of which drafts that need a date", COPIES));
    expect(stdout).toMatch(row("skipped, the same page twice", twice));
    expect(stdout).toMatch(row("failed", 0));
    expect(stdout).toMatch(row("pairs", count("pairs")));
    expect(stdout).toMatch(row("paragraphs alone", count("alone")));
    expect(stdout).toMatch(row("subheads", count("subheads")));
    expect(stdout).toMatch(row("captions", count("captions")));

    const files = await readdir(out);
    expect(files.length).toBe(pages + 1);
    expect(files.filter((f) => f.startsWith("2021-02-27-紫荆山公园灯会点亮元宵夜")).sort((a, b) => a.length - b.length || a.localeCompare(b)).at(-1))
      .toBe(`2021-02-27-紫荆山公园灯会点亮元宵夜-${COPIES}.md`);
  }, 300_000);
});

describe("the progress of a long import", () => {
  it("says how far it is, at most once a second", () => {
    const times = [0, 400, 999, 1000, 1500, 1999, 2100, 2150, 3600];
    const clock = () => times.shift()!;
    const progress = progressReporter(3000, clock);
    const lines = Array.from({ length: 8 }, (_, i) => progress((i + 1) * 150));
    expect(lines).toEqual([
      undefined,
      undefined,
      "450 of 3,000 dumps read (15 %), 1 s",
      undefined,
      undefined,
      "900 of 3,000 dumps read (30 %), 2 s",
      undefined,
      "1,200 of 3,000 dumps read (40 %), 4 s",
    ]);
  });
});

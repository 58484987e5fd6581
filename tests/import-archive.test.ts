// An archive at scale: 3,000 dumps, made from the fixtures with varied file names and
// times, imported in one run. It must stay fast (seconds, not minutes), give each of many
// pages with the same date and headline a file of its own, skip the same page dumped twice,
// and end with a summary whose numbers are right.

import { execFile } from "node:child_process";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers/build.ts";
import { channelDumps, expectedImports, readDump } from "./helpers/channel-fixtures.ts";

const run = promisify(execFile);
const COPIES = 130;
/** Copies also written a second time under another name: the same page twice. */
const TWICE = (k: number) => k % 50 === 0;

/** Copy k of a dump: a page of its own, with the same date and headline as the others. */
function variant(dump: string, k: number): string {
  const stamp = /(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?/.exec(dump);
  if (!stamp) return `${dump.trimEnd()}\nArchive copy ${k}.\n`;
  const [, day, h, m, s = "0"] = stamp;
  const seconds = Number(h) * 3600 + Number(m) * 60 + Number(s) + k;
  const time = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60].map((n) => String(n).padStart(2, "0")).join(":");
  return dump.replace(stamp[0], `${day} ${time}`);
}

describe("importing an archive of 3,000 dumps", () => {
  it("takes seconds, files every page, and sums it up right", async () => {
    const root = await tempDir();
    const [dumps, out] = [path.join(root, "dumps"), path.join(root, "articles")];
    await mkdir(dumps);
    await mkdir(out);
    await writeFile(path.join(out, "articles.json"), await readFile("articles/articles.json"));
    const fixtures = channelDumps();
    for (let k = 0; k < COPIES; k++) {
      for (const name of fixtures) {
        const text = variant(readDump(name), k);
        await writeFile(path.join(dumps, `copy-${String(k).padStart(3, "0")}-${name}`), text);
        if (TWICE(k)) await writeFile(path.join(dumps, `again-${k}-${name}`), text);
      }
    }

    const started = performance.now();
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/import.ts", "--out", out, dumps], { maxBuffer: 64 * 1024 * 1024 });
    const seconds = (performance.now() - started) / 1000;

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
    // Progress shows on stderr while it runs, a line a second at most.
    expect(stderr).toMatch(/^[\d,]+ of [\d,]+ dumps read \(\d+ %\), \d+ s$/m);

    const files = await readdir(out);
    expect(files.length).toBe(pages + 1);
    expect(files.filter((f) => f.startsWith("2021-02-27-紫荆山公园灯会点亮元宵夜")).sort((a, b) => a.length - b.length || a.localeCompare(b)).at(-1))
      .toBe(`2021-02-27-紫荆山公园灯会点亮元宵夜-${COPIES}.md`);
    expect(seconds).toBeLessThan(90);
  }, 300_000);
});

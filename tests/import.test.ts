// `npm run import` end to end on the channel dump fixtures: every dump imported, the articles
// pass `npm run check`, and the built pages hold each dump's paragraphs in order, each in an
// element of its language, captions as captions, subheads as headings. Then what the command does around that:
// never overwriting, dry runs, the same headline twice, dumps that are not UTF-8.

import { execFile } from "node:child_process";
import { copyFile, mkdir, readFile, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTestSite, tempDir } from "./helpers/build.ts";
import { CHANNEL_DIR, channelDumps, expectedElements, expectedImports } from "./helpers/channel-fixtures.ts";
import { readPage, text } from "./helpers/html.ts";

const run = promisify(execFile);
const tsx = (...args: string[]) => run("npx", ["tsx", ...args]);
type Failed = { code: number; stdout: string; stderr: string };

/** A folder for articles with the sample's folder defaults (the source). */
async function articlesDir(): Promise<string> {
  const dir = await tempDir();
  await writeFile(path.join(dir, "articles.json"), await readFile("articles/articles.json"));
  return dir;
}

/** "dump → file" lines of the import's report, as a map. */
function written(stdout: string): Map<string, string> {
  return new Map([...stdout.matchAll(/^(\S+) (?:→|already imported as) (\S+):/gm)].map((m) => [path.basename(m[1]!), m[2]!]));
}

describe("importing the channel dump fixtures", () => {
  let dir: string;
  let stdout: string;
  beforeAll(async () => {
    dir = await articlesDir();
    ({ stdout } = await tsx("scripts/import.ts", "--out", dir, CHANNEL_DIR));
  });

  it("imports every dump and ends with a summary that names the draft still needing a date", () => {
    expect(written(stdout).size).toBe(channelDumps().length);
    expect(stdout).toMatch(new RegExp(`^ {2}imported +${channelDumps().length}$`, "m"));
    expect(stdout).toMatch(/^ {4}of which drafts that need a date +1$/m);
    expect(stdout).toMatch(/^ {2}failed +0$/m);
    expect(stdout).toMatch(/^Warnings by kind:\n(?: {2}.*\n)*? {2}pairing unsure +\d+$/m);
    expect(stdout).toMatch(/Drafts that need a date.*\n {2}\S+-郑州老街上的修表师傅\.md {2}\(from \S+body-only-no-date\.txt\)/);
  });

  it("counts the captions a dump left without their picture, and names each article to add the photos to", () => {
    // A dump keeps no picture, so every caption it imports is one without.
    const captioned = Object.entries(expectedImports)
      .map(([dump, want]) => [dump, want.blocks.filter((b) => "caption" in b).length] as const)
      .filter(([, n]) => n > 0);
    const total = captioned.reduce((sum, [, n]) => sum + n, 0);
    expect(captioned.length).toBeGreaterThanOrEqual(3);
    const files = written(stdout);
    const section = stdout.slice(stdout.indexOf("Captions without a picture:"));
    expect(section.split("\n")[0]).toBe(`Captions without a picture: ${total} in ${captioned.length} articles (add the photos the dumps lost, or delete the captions):`);
    expect(section.split("\n").slice(1, captioned.length + 1).sort()).toEqual(captioned.map(([dump, n]) => `  ${files.get(dump)}  (${n})`).sort());
    expect(stdout).toMatch(/^ {2}subheads +2$/m);
  });

  it("writes articles that npm run check passes", async () => {
    const check = await tsx("scripts/check.ts", dir);
    expect(check.stdout).toContain(`Checked ${channelDumps().length} articles`);
    expect(check.stdout).toContain("0 errors");
  });

  it("builds pages that hold each dump's paragraphs in order, each in its language, captions as captions, subheads as h2", async () => {
    const siteDir = await buildTestSite({ QIAO_ARTICLES_DIR: dir });
    const files = written(stdout);
    for (const dump of channelDumps()) {
      const want = expectedImports[dump]!;
      const file = path.basename(files.get(dump)!, ".md");
      const slug = file.slice("YYYY-MM-DD-".length);
      if (!want.date && !want.dateFromFileName) {
        // No date anywhere: a draft, which a production build leaves out.
        expect(await readFile(files.get(dump)!, "utf8")).toContain("draft: true");
        continue;
      }
      const day = (want.date ?? want.dateFromFileName!).slice(0, 10).replaceAll("-", "");
      const doc = await readPage(siteDir, `/news/${day}/${encodeURIComponent(slug)}/`);
      // The "English only · 仅英文" notes are the page's, not the dump's.
      const shown = [...doc.querySelectorAll(".article-body > div > :not(.lang-note)")].map((el) => [
        el.getAttribute("lang") === "zh-CN" ? "zh" : el.getAttribute("lang"),
        text(el),
        el.classList.contains("caption") ? "caption" : el.tagName === "H2" ? "subhead" : "text",
      ]);
      expect(shown, dump).toEqual(expectedElements(want.blocks));
      expect(text(doc.querySelector("h1 .kicker")) || undefined, dump).toBe(want.kicker);
      expect(text(doc.querySelector(".byline .source")), dump).toBe(want.source ?? "郑州之窗");
      expect(text(doc.querySelector(".credits")) || undefined, dump).toBe(want.credits);
    }
  });
});

describe("npm run import", () => {
  const two = ["captions.txt", "glued-pair.txt"];
  async function dumps(names: readonly string[]): Promise<string> {
    const from = path.join(await tempDir(), "dumps");
    await mkdir(from);
    for (const name of names) await copyFile(path.join(CHANNEL_DIR, name), path.join(from, name));
    return from;
  }

  it("never overwrites an article without --force, and says when a page is already there unchanged", async () => {
    const [from, out] = [await dumps(two), await articlesDir()];
    await tsx("scripts/import.ts", "--out", out, from);
    const again = await tsx("scripts/import.ts", "--out", out, from);
    expect(again.stdout).toMatch(/^ {2}already imported, unchanged +2$/m);

    const edited = written(again.stdout).get("captions.txt")!;
    const imported = await readFile(edited, "utf8");
    const byHand = imported.replace("More than 120,000 people", "More than 125,000 people");
    expect(byHand).not.toBe(imported);
    await writeFile(edited, byHand);
    const refused = (await tsx("scripts/import.ts", "--out", out, from).catch((e: Failed) => e)) as Failed;
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`captions.txt: not imported: ${edited} exists (use --force to overwrite)`);
    expect(await readFile(edited, "utf8")).toBe(byHand);
    const { ino } = await stat(edited);
    await tsx("scripts/import.ts", "--out", out, "--force", from);
    expect(await readFile(edited, "utf8")).toBe(imported);
    // Written whole, beside, then renamed over the old file (a new inode), and nothing left behind.
    expect((await stat(edited)).ino).not.toBe(ino);
    expect((await readdir(out)).sort()).toEqual([...written(again.stdout).values()].map((f) => path.basename(f)).concat("articles.json").sort());
  });

  it("--force overwrites only the article the same page became, never one from another page or written by hand", async () => {
    const [first, out] = [await dumps(["captions.txt"]), await articlesDir()];
    await tsx("scripts/import.ts", "--out", out, first);
    const name = "2021-02-27-紫荆山公园灯会点亮元宵夜.md";
    const firstArticle = await readFile(path.join(out, name), "utf8");
    expect(firstArticle).toMatch(/^# imported from page [0-9a-f]{16} /m);

    // Another page with the same date and headline, imported in a later run with --force.
    const later = path.join(await tempDir(), "later");
    await mkdir(later);
    const page = await readFile(path.join(first, "captions.txt"), "utf8");
    await writeFile(path.join(later, "captions-other.txt"), page.replace("More than 120,000 people", "More than 130,000 people"));
    const { stdout } = await tsx("scripts/import.ts", "--out", out, "--force", later);
    expect(stdout).toContain(`captions-other.txt → ${path.join(out, name.replace(".md", "-2.md"))}`);
    expect(await readFile(path.join(out, name), "utf8")).toBe(firstArticle);

    // An article written by hand under the name the page would take is never overwritten.
    const byHand = firstArticle.replace(/^# imported from page .*\n/m, "").replace("More than 120,000 people", "More than 125,000 people");
    await writeFile(path.join(out, name), byHand);
    const refused = (await tsx("scripts/import.ts", "--out", out, "--force", first).catch((e: Failed) => e)) as Failed;
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`captions.txt: not imported: ${path.join(out, name)} exists and does not say it was imported from this page (written by hand, or imported before imports named their page): it is left as it is; move or delete it to import this page again`);
    expect(await readFile(path.join(out, name), "utf8")).toBe(byHand);
  });

  it("writes nothing on --dry-run and reports what it would do", async () => {
    const [from, out] = [await dumps(two), await articlesDir()];
    const { stdout } = await tsx("scripts/import.ts", "--out", out, "--dry-run", from);
    expect(stdout).toContain("Summary (dry run: nothing written): 2 dumps");
    expect(stdout).toMatch(/^ {2}would be imported +2$/m);
    expect(await readdir(out)).toEqual(["articles.json"]);
  });

  it("gives two different pages with the same date and headline two files, and the same page one", async () => {
    const from = await dumps(["captions.txt"]);
    const page = await readFile(path.join(from, "captions.txt"), "utf8");
    await writeFile(path.join(from, "captions-copy.txt"), page);
    await writeFile(path.join(from, "captions-other.txt"), page.replace("More than 120,000 people", "More than 130,000 people"));
    const out = await articlesDir();
    const { stdout } = await tsx("scripts/import.ts", "--out", out, from);
    expect((await readdir(out)).sort()).toEqual(["2021-02-27-紫荆山公园灯会点亮元宵夜-2.md", "2021-02-27-紫荆山公园灯会点亮元宵夜.md", "articles.json"]);
    expect(stdout).toMatch(/captions.txt: skipped: the same page as \S+captions-copy\.txt/);
    const check = await tsx("scripts/check.ts", out);
    expect(check.stdout).toContain("0 errors");
  });

  it("dates body-only dumps by --date when their name gives none", async () => {
    const [from, out] = [await dumps(["body-only-no-date.txt", "body-only-20190412.txt"]), await articlesDir()];
    const { stdout } = await tsx("scripts/import.ts", "--out", out, "--date", "2019-05-01", from);
    expect((await readdir(out)).sort()).toEqual([
      "2019-04-12-郑州60家社区卫生服务中心开设周末门诊.md",
      "2019-05-01-郑州老街上的修表师傅.md",
      "articles.json",
    ]);
    expect(stdout).toMatch(/^ {4}of which drafts that need a date +0$/m);
    expect(stdout).toMatch(/^ {2}dated from --date +1$/m);
  });

  it("refuses a dump that is not UTF-8, naming the byte, and imports the rest", async () => {
    const from = await dumps(["glued-pair.txt"]);
    await writeFile(path.join(from, "latin1.txt"), Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a]));
    const failed = (await tsx("scripts/import.ts", "--out", await articlesDir(), from).catch((e: Failed) => e)) as Failed;
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain("latin1.txt: not imported: invalid UTF-8 at byte 9 (0xe9): save the file as UTF-8 (line 2, column 4)");
    expect(failed.stdout).toMatch(/Failures:\n {2}\S+latin1\.txt: invalid UTF-8 at byte 9/);
    expect(failed.stdout).toMatch(/^ {2}imported +1$/m);
  });
});

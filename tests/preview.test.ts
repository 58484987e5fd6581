// `npm start` as an editor meets it: the real preview server (scripts/serve.ts) on a copy of
// the project, driven over HTTP and in Chromium. Saves show; a broken save keeps the last
// good page and shows its error until the next good save; a save during search indexing is
// not held up by it; the index follows; new, renamed, deleted and sub-folder articles are
// picked up; article pages show their editorial warnings and stay valid HTML; a template
// change re-renders every page and the index follows; a stylesheet or a photo changed while
// the server runs shows, and a deleted photo is an error naming the article.

import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_NOW, tempDir } from "./helpers/build.ts";
import { launchChromium } from "./helpers/chromium.ts";
import { htmlProblems, inlineCodeProblems } from "./helpers/page-checks.ts";
import { freePort } from "./helpers/ports.ts";
import { copyProject } from "./helpers/project-copy.ts";
import { TIERS_FILE, type SearchTiers } from "../src/features/search/bundles.ts";

const PUBLISHED = "articles/2020-03-01-published.md";
const PUBLISHED_URL = "/news/20200301/published/";
const WARNED = "articles/2020-03-05-warned.md";
const WARNED_URL = "/news/20200305/warned/";
const WARNED_TEXT = `---
title:
  en: An article a translator has not finished
  zh: 译者还没译完的文章
column: news
date: 2020-03-05 09:00
---

First English paragraph.

第一段中文。

Second English paragraph, still waiting for its translation.

Third English paragraph, also untranslated.

Fourth English paragraph, untranslated too.

Fifth English paragraph, translated below.

第五段英文的译文在这里。

第二段中文,它的英文不见了。

{caption} photo/Ma Jian
`;

let root: string;
let server: ChildProcess;
let base: string;
const output: string[] = [];

const file = (name: string) => path.join(root, name);
const read = (name: string) => readFileSync(file(name), "utf8");
const page = (url: string) => fetch(`${base}${url}`).then(async (r) => ({ status: r.status, html: await r.text() }));
const status = () => fetch(`${base}/.qiao/status.json`).then((r) => r.json() as Promise<{ errors: string[] }>);

/** Polls `probe` until it answers something truthy; fails after `ms`. */
async function until<T>(what: string, probe: () => Promise<T> | T, ms = 15_000): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const answer = await probe();
    if (answer) return answer as NonNullable<T>;
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms} ms\n${output.join("\n")}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The line number of the next line the server prints. */
const mark = () => output.length;
const printedSince = (from: number, pattern: RegExp) => output.slice(from).some((line) => pattern.test(line));

beforeAll(async () => {
  root = path.join(await tempDir(), "project");
  copyProject(root);
  cpSync("tests/fixtures/site", path.join(root, "articles"), { recursive: true });
  writeFileSync(file(WARNED), WARNED_TEXT);
  server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts", "--port", String(await freePort())], {
    cwd: root,
    env: { ...process.env, QIAO_NOW: TEST_NOW, QIAO_ENV: "development" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let buffered = "";
  const collect = (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    output.push(...lines);
  };
  server.stdout!.on("data", collect);
  server.stderr!.on("data", collect);
  const started = await until("the server starts", () => output.map((l) => /Server at (http:\/\/\S+?)\/?$/.exec(l)).find(Boolean), 120_000);
  base = started[1]!;
  await until("the first search index", () => printedSince(0, /search index ready/), 60_000);
});

afterAll(async () => {
  server?.kill();
  await new Promise((r) => server?.once("exit", r));
});

describe("npm start", () => {
  it("shows a save in the served page", async () => {
    writeFileSync(file(PUBLISHED), read(PUBLISHED).replace("A generated English paragraph", "An edited English paragraph"));
    await until("the edit", async () => (await page(PUBLISHED_URL)).html.includes("An edited English paragraph"));
  });

  it("keeps the last good page when a save breaks the article, shows why with file:line, and clears it on the next good save", async () => {
    const good = read(PUBLISHED);
    const breakages = [
      [good.replace("column: news", "column: nosuch"), /articles\/2020-03-01-published\.md:6:1 error unknown column "nosuch"/],
      [good.replace("kicker: Test Kicker", "kicker: [unclosed"), /articles\/2020-03-01-published\.md:\d+:\d+ error malformed YAML/],
      [good.replace("---\n\n", "---\n\n![A missing photo](/assets/images/missing.jpg)\n\n"), /articles\/2020-03-01-published\.md:\d+:1 error image file missing: \/assets\/images\/missing\.jpg/],
    ] as const;
    for (const [broken, message] of breakages) {
      writeFileSync(file(PUBLISHED), broken);
      const { errors } = await until("the error", async () => {
        const now = await status();
        return now.errors.length ? now : undefined;
      });
      expect(errors.join("\n")).toMatch(message);
      expect((await page(PUBLISHED_URL)).html).toContain("An edited English paragraph");
      writeFileSync(file(PUBLISHED), good);
      await until("the error to clear", async () => (await status()).errors.length === 0);
    }
    writeFileSync(file(PUBLISHED), good.replace("An edited English paragraph", "A fixed English paragraph"));
    await until("the next good save", async () => (await page(PUBLISHED_URL)).html.includes("A fixed English paragraph"));
  });

  it("fails an article at once when a picture it shows is deleted, and clears when the picture is back", async () => {
    const good = read(PUBLISHED);
    const photo = "assets/images/preview-depot.png";
    const draw = () => sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 30, g: 60, b: 90 } } }).png().toFile(file(photo));
    await draw();
    writeFileSync(file(PUBLISHED), good.replace("---\n\n", `---\n\n![The depot at night](/${photo})\n\n`));
    await until("the picture", async () => (await page(PUBLISHED_URL)).html.includes('alt="The depot at night"'));
    rmSync(file(photo));
    // A render still copying the picture when it goes fails on the copy; the render its
    // deletion starts names the article.
    const missing = /articles\/2020-03-01-published\.md:\d+:1 error image file missing: \/assets\/images\/preview-depot\.png/;
    await until("the error", async () => missing.test((await status()).errors.join("\n")));
    await draw();
    await until("the error to clear", async () => (await status()).errors.length === 0);
    writeFileSync(file(PUBLISHED), good);
    await until("the picture to go", async () => !(await page(PUBLISHED_URL)).html.includes('alt="The depot at night"'));
  });

  it("shows the error over the page in the browser, and the next good save replaces it with the page", async () => {
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage();
      await tab.goto(`${base}${PUBLISHED_URL}`);
      const good = read(PUBLISHED);
      writeFileSync(file(PUBLISHED), good.replace("column: news", "column: nosuch"));
      const overlay = tab.locator(".preview-error");
      await overlay.waitFor({ state: "visible", timeout: 15_000 });
      expect(await overlay.textContent()).toContain('articles/2020-03-01-published.md:6:1 error unknown column "nosuch"');
      writeFileSync(file(PUBLISHED), good.replace("A fixed English paragraph", "A browser-checked paragraph"));
      await tab.getByText("A browser-checked paragraph").waitFor({ timeout: 15_000 });
      expect(await overlay.count()).toBe(0);
      // A page opened while an article is broken shows the error too.
      writeFileSync(file(PUBLISHED), read(PUBLISHED).replace("column: news", "column: nosuch"));
      await until("the error", async () => (await status()).errors.length > 0);
      await tab.goto(`${base}/`);
      await tab.locator(".preview-error").waitFor({ state: "visible", timeout: 15_000 });
      writeFileSync(file(PUBLISHED), read(PUBLISHED).replace("column: nosuch", "column: news"));
      await until("the error to clear", async () => (await status()).errors.length === 0);
    } finally {
      await browser.close();
    }
  });

  it("shows a save made while the search index is written before the index is done", async () => {
    await until("the index to settle", () => printedSince(Math.max(0, mark() - 3), /search index (ready|not updated)/), 60_000);
    writeFileSync(file(PUBLISHED), read(PUBLISHED).replace(/A [\w-]+ English paragraph|A browser-checked paragraph/, "A first save"));
    const from = mark();
    await until("indexing to start", () => printedSince(from, /search indexing started/));
    const saved = mark();
    writeFileSync(file(PUBLISHED), read(PUBLISHED).replace("A first save", "A save during indexing"));
    await until("the save", async () => (await page(PUBLISHED_URL)).html.includes("A save during indexing"));
    expect(printedSince(saved, /search index ready/)).toBe(false);
  });

  it("brings the search index up to date within seconds of the last save, in a recent tier beside the archive", async () => {
    writeFileSync(file(PUBLISHED), read(PUBLISHED).replace("A save during indexing", "A zeppelin crossed the river"));
    const saved = mark();
    const started = Date.now();
    await until("the index", () => printedSince(saved, /search index ready/), 30_000);
    expect(Date.now() - started).toBeLessThan(15_000);
    const { loadSearch } = await import("./helpers/search-probe.ts");
    const hits = await (await loadSearch(path.join(root, ".cache", "preview"))).search("zeppelin");
    expect(hits.map((hit) => hit.url)).toEqual([PUBLISHED_URL]);
    // The run wrote the saved article alone, beside the archive its first run left in the cache.
    const tiers = JSON.parse(readFileSync(path.join(root, ".cache", "preview", TIERS_FILE), "utf8")) as SearchTiers;
    expect(tiers.recent).toEqual(["en", "zh"]);
  });

  it("picks up new articles in sub-folders, renamed and deleted ones, and updates the lists", async () => {
    const listed = async (url: string) => (await page("/news/")).html.includes(`href="${url}"`);
    mkdirSync(file("articles/2020"));
    writeFileSync(file("articles/2020/2020-03-03-in-a-folder.md"), read(PUBLISHED).replace("2020-03-01 08:00", "2020-03-03 08:00"));
    await until("the new article", async () => (await page("/news/20200303/in-a-folder/")).status === 200 && listed("/news/20200303/in-a-folder/"));
    renameSync(file("articles/2020/2020-03-03-in-a-folder.md"), file("articles/2020/2020-03-03-renamed.md"));
    await until("the renamed article", async () => (await page("/news/20200303/renamed/")).status === 200);
    await until("the old name to go", async () => (await page("/news/20200303/in-a-folder/")).status === 404 && !(await listed("/news/20200303/in-a-folder/")));
    rmSync(file("articles/2020"), { recursive: true });
    await until("the deleted folder's article to go", async () => (await page("/news/20200303/renamed/")).status === 404 && !(await listed("/news/20200303/renamed/")));
  });

  it("shows the editorial warnings next to the paragraphs they are about, on a valid page with no inline code", async () => {
    const { html } = await page(WARNED_URL);
    const { document } = parseHTML(html);
    const notes = [...document.querySelectorAll(".editor-note")].map((note) => ({
      // The paragraph is the last child of its block: a language note may come before it.
      after: note.previousElementSibling?.lastElementChild?.textContent?.trim(),
      en: note.querySelector('[lang="en"]')?.textContent,
      zh: note.querySelector('[lang="zh-CN"]')?.textContent,
    }));
    expect(notes).toEqual([
      { after: "Second English paragraph, still waiting for its translation.", en: expect.stringContaining("3 English paragraphs in a row"), zh: expect.stringContaining("连续 3 段英文") },
      { after: "第二段中文,它的英文不见了。", en: expect.stringContaining("English partner go missing"), zh: expect.stringContaining("英文是否丢失") },
      { after: "photo/Ma Jian", en: expect.stringContaining("caption above has no picture beside it"), zh: expect.stringContaining("图片说明旁边没有图片") },
    ]);
    const built = path.join(root, ".cache", "preview", WARNED_URL, "index.html");
    expect(await htmlProblems(built)).toEqual([]);
    expect(inlineCodeProblems(parseHTML(readFileSync(built, "utf8")).document)).toEqual([]);
  });

  it("re-renders every page when a template changes, and the search index follows", async () => {
    const layout = "_includes/pages/article.njk";
    const saved = mark();
    writeFileSync(file(layout), read(layout).replace("</article>", "</article>\n<p>A template edit</p>"));
    for (const url of [PUBLISHED_URL, WARNED_URL]) {
      await until(`the template edit on ${url}`, async () => (await page(url)).html.includes("<p>A template edit</p>"));
    }
    await until("the index after the full render", () => printedSince(saved, /search index ready/), 60_000);
  });

  it("serves an edited stylesheet under a new hashed name on every page", async () => {
    const stylesheet = async (url: string) => (await page(url)).html.match(/<link rel="stylesheet" href="([^"]+\.css)">/)?.[1];
    const before = await stylesheet(PUBLISHED_URL);
    writeFileSync(file("assets/site.css"), `${read("assets/site.css")}\n.preview-test-rule::after { content: "an edited stylesheet"; }\n`);
    const after = await until("the new stylesheet", async () => {
      const href = await stylesheet(PUBLISHED_URL);
      return href !== before ? href : undefined;
    });
    // The page is written a moment before the stylesheet, within one render.
    await until("the stylesheet", async () => (await page(after)).html.includes("an edited stylesheet"));
    expect(await stylesheet("/")).toBe(after);
  });

  it("shows a photo replaced by another of the same size", async () => {
    const photo = "assets/images/preview-card.png";
    const article = "articles/2020-04-01-photo.md";
    const url = "/news/20200401/photo/";
    // Uncompressed PNGs of one size: the same number of bytes whatever their colour.
    const card = (red: number) =>
      sharp({ create: { width: 320, height: 180, channels: 3, background: { r: red, g: 40, b: 40 } } }).png({ compressionLevel: 0 }).toBuffer();
    const [first, second] = await Promise.all([card(220), card(20)]);
    expect(second.length).toBe(first.length);
    /** The picture's fallback <img> as the page names it, and the red of the file it names. */
    const shown = async () => {
      const src = parseHTML((await page(url)).html).document.querySelector(".lead-image picture img")?.getAttribute("src");
      if (!src) return undefined;
      const pixel = await sharp(Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer())).raw().toBuffer();
      return { src, red: pixel[0]! };
    };

    mkdirSync(file("assets/images"), { recursive: true });
    writeFileSync(file(photo), first);
    writeFileSync(file(article), `---\ntitle:\n  en: A photo\ncolumn: news\ndate: 2020-04-01 08:00\nimage:\n  src: /${photo}\n  alt: A card\n---\n\nA paragraph.\n\n一段。\n`);
    const before = await until("the photo", shown);
    expect(before.red).toBeGreaterThan(200);

    writeFileSync(file(photo), second);
    const after = await until("the replaced photo", async () => {
      const now = await shown();
      return now && now.src !== before.src ? now : undefined;
    });
    expect(after.red).toBeLessThan(40);
  });
});

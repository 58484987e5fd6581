// The article folder as a long-running preview reads it again and again: a clean parse is
// reused only while everything it read still holds, the pictures it checked included.

import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import site from "../src/config/site.ts";
import { loadArticles } from "../src/model/load-articles.ts";
import { tempDir } from "./helpers/build.ts";

let root: string;
const ARTICLE = "articles/2021-01-05-depot.md";
const BODY_IMAGE = "assets/images/depot.png";
const LEAD_IMAGE = "assets/images/lead.png";

/** A real (generated) picture at `file` below the project. */
const picture = (file: string) =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 30, g: 60, b: 90 } } }).png().toFile(path.join(root, file));

const load = (changed?: string[]) => loadArticles(path.join(root, "articles"), site.columns, root, changed);
const errors = async (changed?: string[]) => (await load(changed)).problems.filter((p) => p.severity === "error").map((p) => `${p.file}:${p.line} ${p.message}`);

beforeAll(async () => {
  root = await tempDir();
  await mkdir(path.join(root, "articles"), { recursive: true });
  await mkdir(path.join(root, "assets/images"), { recursive: true });
  await Promise.all([picture(BODY_IMAGE), picture(LEAD_IMAGE)]);
  await writeFile(
    path.join(root, ARTICLE),
    [
      "---",
      "title:",
      "  en: The depot at night",
      "  zh: 夜里的场站",
      "column: news",
      "date: 2021-01-05 09:00",
      "source: 郑州之窗",
      "image:",
      `  src: /${LEAD_IMAGE}`,
      "  alt: The depot gate",
      "---",
      "",
      "The night crew checks every bus.",
      "",
      "夜班维修工逐车检查。",
      "",
      `![Buses in the depot](/${BODY_IMAGE})`,
      "",
    ].join("\n"),
  );
});

describe("the parse cache", () => {
  it("hands back the same clean parse while nothing it read changed", async () => {
    const first = await load();
    expect(first.problems).toEqual([]);
    expect((await load()).articles[0]).toBe(first.articles[0]);
    expect((await load([])).articles[0]).toBe(first.articles[0]);
  });

  it("fails an article again when a picture it shows is deleted, and passes once it is back", async () => {
    await load();
    await rm(path.join(root, BODY_IMAGE));
    const missing = [`${ARTICLE}:17 image file missing: /${BODY_IMAGE} (looked for ${BODY_IMAGE})`];
    expect(await errors()).toEqual(missing);
    // The same when the caller says no article changed (the preview after a save elsewhere).
    expect(await errors([])).toEqual(missing);
    await picture(BODY_IMAGE);
    expect(await errors()).toEqual([]);
  });

  it("does the same for the lead image, even when told only which articles changed", async () => {
    expect(await errors([])).toEqual([]);
    await rm(path.join(root, LEAD_IMAGE));
    expect(await errors([])).toEqual([`${ARTICLE}:8 image file missing: /${LEAD_IMAGE} (looked for ${LEAD_IMAGE})`]);
    await picture(LEAD_IMAGE);
    expect(await errors([])).toEqual([]);
  });
});

describe("the folder's listing", () => {
  it("is kept per the name a caller gives the folder, so a load by another name never lists a saved article twice", async () => {
    const dir = path.join(await tempDir(), "articles");
    await mkdir(dir);
    const text = ["---", "title:", "  en: Buses at night", "column: news", "date: 2021-01-06 09:00", "source: 郑州之窗", "---", "", "The night buses run.", ""];
    await writeFile(path.join(dir, "2021-01-06-buses.md"), text.join("\n"));
    // The preview names the folder from the project (relative); the CMS's save check, by its
    // absolute path, in between two of the preview's loads.
    const relative = path.relative(process.cwd(), dir);
    const preview = (changed?: string[]) => loadArticles(relative, site.columns, process.cwd(), changed);
    await preview();
    await loadArticles(dir, site.columns, process.cwd());
    const saved = path.join(relative, "2021-01-06-buses.md");
    const { articles, problems } = await preview([saved]);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(articles.map((a) => a.file)).toEqual([saved]);
  });
});

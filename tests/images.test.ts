// Article images through eleventy-img, in a copy of the project that has a (generated) photo.

import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { parseHTML } from "linkedom";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { copyProject } from "./helpers/project-copy.ts";
import { tempDir, TEST_NOW, TEST_SITE_URL } from "./helpers/build.ts";

const run = promisify(execFile);
let project: string;

async function build(env: Record<string, string> = {}) {
  const out = path.join(project, `_site${env.PATH_PREFIX ? "-prefixed" : ""}`);
  await run(process.execPath, ["--import", "tsx", "scripts/build.ts", "--out", out], {
    cwd: project,
    env: { ...process.env, QIAO_ENV: "production", SITE_URL: TEST_SITE_URL, QIAO_NOW: TEST_NOW, ...env },
  });
  return out;
}

async function page(siteDir: string) {
  const html = await readFile(path.join(siteDir, "news/20200601/photo/index.html"), "utf8");
  return parseHTML(html).document;
}

beforeAll(async () => {
  project = path.join(await tempDir(), "project");
  copyProject(project);
  await mkdir(path.join(project, "assets/images"), { recursive: true });
  // A generated 1600×900 test card, not a real photo.
  await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 164, g: 22, b: 26 } } })
    .jpeg()
    .toFile(path.join(project, "assets/images/test-card.jpg"));
  await writeFile(
    path.join(project, "articles/2020-06-01-photo.md"),
    [
      "---",
      "title:",
      "  en: Generated article with pictures",
      "column: news",
      "date: 2020-06-01 08:00",
      "image:",
      "  src: /assets/images/test-card.jpg",
      "  alt: A red test card",
      "  caption: Generated for the image tests",
      "---",
      "",
      "A generated paragraph before the picture.",
      "",
      "生成的段落。",
      "",
      '![A red test card in the body](/assets/images/test-card.jpg "A body caption")',
      "",
    ].join("\n"),
  );
}, 120_000);

describe("article images", () => {
  it("become <picture> elements with AVIF, WebP and JPEG, widths, dimensions and srcset", async () => {
    const siteDir = await build();
    const doc = await page(siteDir);
    const lead = doc.querySelector(".lead-image picture")!;
    expect([...lead.querySelectorAll("source")].map((s) => s.getAttribute("type"))).toEqual(["image/avif", "image/webp"]);
    const img = lead.querySelector("img")!;
    expect(img.getAttribute("alt")).toBe("A red test card");
    expect(Number(img.getAttribute("width"))).toBeGreaterThan(0);
    expect(Number(img.getAttribute("height"))).toBeGreaterThan(0);
    expect(img.getAttribute("srcset")).toMatch(/480w.*960w.*1440w/);
    for (const src of img.getAttribute("srcset")!.split(", ").map((s) => s.split(" ")[0]!)) {
      expect(existsSync(path.join(siteDir, src)), src).toBe(true);
    }
  });

  it("show on the front page as on the article page when the article leads it", async () => {
    const siteDir = await build();
    const home = parseHTML(await readFile(path.join(siteDir, "index.html"), "utf8")).document;
    expect(home.querySelector(".lead-story h2 a")!.getAttribute("href")).toBe("/news/20200601/photo/");
    const onHome = home.querySelector(".lead-story-image picture");
    expect(onHome).not.toBeNull();
    expect(onHome!.outerHTML).toBe((await page(siteDir)).querySelector(".lead-image picture")!.outerHTML);
  });

  it("load the lead image at once and body images lazily", async () => {
    const doc = await page(await build());
    expect(doc.querySelector(".lead-image img")!.getAttribute("loading")).toBe("eager");
    const body = doc.querySelector(".article-body figure img")!;
    expect(body.getAttribute("loading")).toBe("lazy");
    expect(body.closest("picture")).not.toBeNull();
    expect(doc.querySelector(".article-body figcaption")!.textContent).toBe("A body caption");
  });

  it("are encoded once and reused by the next build", async () => {
    await build();
    const cache = path.join(project, ".cache/images");
    const files = await readdir(cache);
    const stamps = () => Promise.all(files.map((f) => stat(path.join(cache, f)).then((s) => s.mtimeMs)));
    const before = await stamps();
    await build();
    expect(files.length).toBeGreaterThanOrEqual(9);
    expect(await stamps()).toEqual(before);
  });

  it("ship only the encoded files the pages use, not every picture the cache holds", async () => {
    const cache = path.join(project, ".cache/images");
    await mkdir(cache, { recursive: true });
    await writeFile(path.join(cache, "Zstale00000-480.webp"), "left over from a photo no article shows any more");
    const site = await build();
    const shipped = await readdir(path.join(site, "img"));
    expect(shipped).not.toContain("Zstale00000-480.webp");
    const html = await readFile(path.join(site, "news/20200601/photo/index.html"), "utf8");
    expect(shipped.length).toBeGreaterThanOrEqual(9);
    for (const file of shipped) expect(html, file).toContain(`/img/${file}`);
  });

  it("carry the path prefix of a sub-path deploy", async () => {
    const siteDir = await build({ PATH_PREFIX: "/qiao/" });
    const doc = await page(siteDir);
    const srcset = doc.querySelector(".lead-image img")!.getAttribute("srcset")!;
    expect(srcset.startsWith("/qiao/img/")).toBe(true);
    for (const src of srcset.split(", ").map((s) => s.split(" ")[0]!)) {
      expect(existsSync(path.join(siteDir, src.replace(/^\/qiao\//, ""))), src).toBe(true);
    }
  });
});

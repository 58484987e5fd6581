// The sample site, built for real and read with an HTML parser.

import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { readParagraphs } from "../src/model/paragraphs.ts";
import { readPage, text, type Doc } from "./helpers/html.ts";

const siteDir = inject("siteDir");
const BLOOD = "/news/20180615/world-blood-donor-day/";
const STEM = "/news/20210105/stem-cell-donation/";

function sourceParagraphs(file: string) {
  return readParagraphs(readFileSync(file, "utf8").split(/^---$/m)[2]!).paragraphs;
}

describe("article page", () => {
  let doc: Doc;
  beforeAll(async () => {
    doc = await readPage(siteDir, BLOOD);
  });

  it("is published at /{column}/{YYYYMMDD}/{slug}/", () => {
    expect(doc.querySelector("h1")).not.toBeNull();
  });

  it("shows kicker and headline", () => {
    expect(text(doc.querySelector("h1 .kicker"))).toBe("Zheng Energy");
    expect(text(doc.querySelector('h1 [lang="zh-CN"]'))).toBe("郑州市临床供血全部来自无偿献血");
  });

  it("shows the date in Beijing time", () => {
    const time = doc.querySelector(".byline time")!;
    expect(time.getAttribute("datetime")).toBe("2018-06-15T11:53:52+08:00");
    expect(text(time)).toBe("2018-06-15 11:53");
    expect(text(doc.querySelector(".byline .source"))).toBe("郑州之窗");
  });

  it("renders the pairs in the order and number of the source", () => {
    const groups = [...doc.querySelectorAll(".article-body > div")].map((div) =>
      [...div.children].map((p) => p.getAttribute("lang")).join("+"),
    );
    expect(groups).toEqual(["en+zh-CN", "en", "en", "en+zh-CN"]);
    const rendered = [...doc.querySelectorAll(".article-body > div > *")].map((p) => text(p));
    const source = sourceParagraphs("articles/2018-06-15-world-blood-donor-day.md").map((p) => p.text.replace(/\s+/g, " "));
    expect(rendered).toEqual(source);
  });

  it("gives every paragraph the lang of its script", () => {
    for (const p of doc.querySelectorAll(".article-body > div > *")) {
      const hasHan = /\p{Script=Han}/u.test(p.textContent ?? "");
      expect(p.getAttribute("lang"), text(p)).toBe(hasHan ? "zh-CN" : "en");
    }
  });

  it("marks every piece of Chinese text with lang zh-CN", () => {
    const walker = doc.createTreeWalker(doc.body, 4 /* text nodes */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!/\p{Script=Han}/u.test(node.textContent ?? "")) continue;
      if (node.parentElement?.closest("[aria-hidden]")) continue;
      expect(node.parentElement?.closest("[lang]")?.getAttribute("lang"), node.textContent!).toBe("zh-CN");
    }
  });

  it("lists the other article in the Zhengzhou Release block, never itself", () => {
    const related = doc.querySelector("#related-news")!.closest("section")!;
    const links = [...related.querySelectorAll(".teaser a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual([STEM]);
  });

  it("offers the reading-mode control, hidden until its script runs", () => {
    const control = doc.querySelector(".reading-mode")!;
    expect(control.hasAttribute("hidden")).toBe(true);
    expect([...control.querySelectorAll("button")].map((b) => b.dataset.reading)).toEqual(["en", "zh", "both"]);
  });
});

describe("credits and English-only articles", () => {
  it("prints the Chinese credit line after the body", async () => {
    const doc = await readPage(siteDir, STEM);
    const credits = doc.querySelector(".credits")!;
    expect(text(credits)).toBe("(记者 李京儒 通讯员 张予/文 记者 丁友明/图)");
    expect(credits.getAttribute("lang")).toBe("zh-CN");
    expect(doc.querySelectorAll(".article-body > .single > [lang=en]")).toHaveLength(6);
  });
});

describe("lists", () => {
  it("home page lists the latest articles grouped by column, newest first", async () => {
    const doc = await readPage(siteDir, "/");
    const section = doc.querySelector("#home-news")!.closest("section")!;
    expect([...section.querySelectorAll(".teaser-title a")].map((a) => a.getAttribute("href"))).toEqual([STEM, BLOOD]);
  });

  it("column page lists its articles and marks its nav link as current", async () => {
    const doc = await readPage(siteDir, "/news/");
    expect(doc.querySelectorAll(".teaser")).toHaveLength(2);
    expect(doc.querySelector('nav a[aria-current="page"]')?.getAttribute("href")).toBe("/news/");
  });

  it("an empty column says so in both languages", async () => {
    const doc = await readPage(siteDir, "/vision/");
    expect(text(doc.querySelector("main p"))).toBe("No articles yet. 暂无文章。");
  });
});

// Feeds, sitemap, robots.txt, the 404 page and the metadata search engines and link
// previews read, on the real built sample site.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { DOMParser } from "linkedom";
import { describe, expect, inject, it } from "vitest";
import { buildTestSite, TEST_SITE_URL } from "./helpers/build.ts";
import { readPage, text } from "./helpers/html.ts";

const siteDir = inject("siteDir");
const BLOOD = `${TEST_SITE_URL}/news/20240614/blood-donor-day/`;
const REGISTRY = `${TEST_SITE_URL}/energy/20230316/stem-cell-donor-registry/`;
/** The three newest sample articles, from two columns. */
const NEWEST = ["/news/20261125/heating-season-hotline/", "/international/20260916/henan-opera-workshop/", "/news/20260722/rainstorm-preparations/"];
/** Published: every sample article but the draft and the one dated 2030. */
const PUBLISHED = 35;

async function xml(dir: string, file: string) {
  return new DOMParser().parseFromString(await readFile(path.join(dir, file), "utf8"), "text/xml");
}

describe("feeds", () => {
  it("English feed lists the articles newest first with Beijing-time dates and absolute links", async () => {
    const feed = await xml(siteDir, "feed.xml");
    expect(feed.querySelector("feed")!.getAttribute("xml:lang")).toBe("en");
    const ids = [...feed.querySelectorAll("entry > id")].map((e) => e.textContent);
    expect(ids).toHaveLength(PUBLISHED);
    expect(new Set(ids).size).toBe(PUBLISHED);
    expect(ids.slice(0, 3)).toEqual(NEWEST.map((p) => `${TEST_SITE_URL}${p}`));
    const published = [...feed.querySelectorAll("entry > published")].map((e) => e.textContent!);
    expect(published).toEqual([...published].sort().reverse());
    expect(published[0]).toBe("2026-11-25T16:50:00+08:00");
    expect(feed.querySelector("feed > updated")!.textContent).toBe("2026-11-25T16:50:00+08:00");
    expect(feed.querySelector('link[rel="self"]')!.getAttribute("href")).toBe(`${TEST_SITE_URL}/feed.xml`);
  });

  it("each feed carries its own language's paragraphs", async () => {
    const en = await xml(siteDir, "feed.xml");
    const zh = await xml(siteDir, "zh/feed.xml");
    const contentOf = (doc: typeof en, id: string) =>
      [...doc.querySelectorAll("entry")].find((e) => e.querySelector("id")!.textContent === id)!.querySelector("content")!.textContent!;
    expect(contentOf(en, BLOOD)).toContain("World Blood Donor Day");
    expect(contentOf(en, BLOOD)).not.toContain("世界献血者日");
    expect(contentOf(zh, BLOOD)).toContain("世界献血者日");
    expect(contentOf(zh, BLOOD)).not.toContain("World Blood Donor Day");
    expect(en.querySelector("entry > title")!.textContent).toBe("Ten days into the heating season, the hotline has taken 4,700 calls");
    expect(zh.querySelector("entry > title")!.textContent).toBe("供暖季开始十天 供热热线受理4700件诉求");
  });

  it("make article links absolute inside the path prefix of a sub-path deploy", async () => {
    const dir = await buildTestSite({ QIAO_ARTICLES_DIR: "tests/fixtures/links", PATH_PREFIX: "/qiao/" });
    const feed = await xml(dir, "feed.xml");
    const content = feed.querySelector("entry > content")!.textContent!;
    expect(content).toContain(`<a href="${TEST_SITE_URL}/qiao/news/">another page</a>`);
    expect(content).toContain('<a href="https://example.org/">another site</a>');
  });

  it("leave drafts and scheduled articles out", async () => {
    const dir = await buildTestSite({ QIAO_ARTICLES_DIR: "tests/fixtures/site" });
    for (const file of ["feed.xml", "zh/feed.xml", "sitemap.xml"]) {
      const body = await readFile(path.join(dir, file), "utf8");
      expect(body, file).toContain("/news/20200301/published/");
      expect(body, file).not.toMatch(/draft|scheduled/);
    }
  });
});

describe("sitemap and robots.txt", () => {
  it("sitemap lists home, column pages and every article with its date", async () => {
    const sitemap = await xml(siteDir, "sitemap.xml");
    const locs = [...sitemap.querySelectorAll("url > loc")].map((l) => l.textContent);
    expect(locs).toEqual(expect.arrayContaining([`${TEST_SITE_URL}/`, `${TEST_SITE_URL}/news/`, `${TEST_SITE_URL}/news/page/2/`, BLOOD, REGISTRY]));
    expect(locs.filter((l) => /\/\d{8}\//.test(l!))).toHaveLength(PUBLISHED);
    expect(sitemap.querySelector("lastmod")!.textContent).toMatch(/\+08:00$/);
  });
  it("robots.txt points at the absolute sitemap", async () => {
    expect(await readFile(path.join(siteDir, "robots.txt"), "utf8")).toContain(`Sitemap: ${TEST_SITE_URL}/sitemap.xml`);
  });
});

describe("page metadata", () => {
  it("article pages carry canonical, Open Graph and a NewsArticle in Beijing time", async () => {
    const doc = await readPage(siteDir, new URL(BLOOD).pathname);
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute("href")).toBe(BLOOD);
    expect(doc.querySelector('meta[property="og:type"]')!.getAttribute("content")).toBe("article");
    expect(doc.querySelector('meta[property="og:url"]')!.getAttribute("content")).toBe(BLOOD);
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld).toMatchObject({
      "@type": "NewsArticle",
      headline: "Blood donors line up as the summer shortage approaches",
      alternativeHeadline: "世界献血者日：市民踊跃无偿献血 为夏季用血“储粮”",
      datePublished: "2024-06-14T18:20:00+08:00",
      inLanguage: ["en", "zh-CN"],
      publisher: { "@type": "Organization", name: "Zhengzhou Window" },
    });
  });

  it("JSON-LD cannot be closed early by a headline", async () => {
    const { jsonForScript } = await import("../src/site/json-script.ts");
    expect(jsonForScript({ headline: "</script><script>alert(1)</script>" })).not.toContain("</script>");
  });

  it("every page links both feeds", async () => {
    const doc = await readPage(siteDir, "/");
    const feeds = [...doc.querySelectorAll('link[type="application/atom+xml"]')].map((l) => l.getAttribute("href"));
    expect(feeds).toEqual([`${TEST_SITE_URL}/feed.xml`, `${TEST_SITE_URL}/zh/feed.xml`]);
  });
});

describe("the 404 page", () => {
  it("is bilingual, not indexed, and leads home and to search", async () => {
    const doc = await readPage(siteDir, "/404.html");
    expect(text(doc.querySelector("h1"))).toBe("Page not found 页面不存在");
    expect(doc.querySelector('meta[name="robots"]')!.getAttribute("content")).toBe("noindex");
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
    expect([...doc.querySelectorAll(".not-found a")].map((a) => a.getAttribute("href"))).toEqual(["/", "/search/"]);
  });
});

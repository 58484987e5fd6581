// A reader searches on the real page in a real browser.

import { symlink } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../src/chromium.ts";
import { firstQueryBytes } from "../src/first-query.ts";
import { buildTestSite, tempDir } from "./helpers/build.ts";
import { serveFolder, type StaticServer } from "../src/static-server.ts";

let browser: Browser;
let server: StaticServer;
let page: Page;

beforeAll(async () => {
  server = await serveFolder(inject("siteDir"));
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the search page", () => {
  it("shows grouped results for a typed query, keeps it in the URL, and follows a result", async () => {
    await page.goto(`${server.url}/search/`);
    await page.fill("#search-q", "献血");
    await page.waitForSelector("#search-results li");
    const results = page.locator("#search-results > li");
    expect(await results.count()).toBe(1);
    expect(await results.first().locator('h2 [lang="zh-CN"]').innerText()).toBe("郑州市临床供血全部来自无偿献血");
    expect(await results.first().locator('h2 span[lang="en"]:not(.kicker)').count()).toBe(0);
    expect((await results.first().locator("mark").first().innerText()).trim()).toBe("献血");
    expect(await page.locator("#search-status").innerText()).toContain("1 result");
    expect(new URL(page.url()).searchParams.get("q")).toBe("献血");

    await results.first().locator("h2 a").click();
    await page.waitForURL("**/news/20180615/world-blood-donor-day/");
    expect(await page.locator("h1").innerText()).toContain("郑州市临床供血全部来自无偿献血");
  });

  it("downloads the Chinese index only for a query that needs it", async () => {
    const english = await firstQueryBytes(browser, server.url, "donated");
    expect(english.paths.some((p) => p.startsWith("/pagefind/") && p.endsWith(".pf_meta"))).toBe(true);
    expect(english.paths.filter((p) => p.startsWith("/pagefind-zh/"))).toEqual([]);
    expect(english.paths).not.toContain("/assets/vendor/opencc-t2cn.js");

    const chinese = await firstQueryBytes(browser, server.url, "献血");
    expect(chinese.paths.some((p) => p.startsWith("/pagefind-zh/") && p.endsWith(".pf_meta"))).toBe(true);
    expect(chinese.paths).toContain("/assets/vendor/opencc-t2cn.js");
    // What the benchmark reports is what was fetched: the files, their bytes and their kinds agree.
    expect(chinese.bytes).toBe(Object.values(chinese.byKind).reduce((a, b) => a + b, 0));
    expect(chinese.bytes).toBeGreaterThan(english.bytes);
  });

  it("finds simplified text for a traditional query", async () => {
    await page.goto(`${server.url}/search/?q=${encodeURIComponent("獻血")}`);
    await page.waitForSelector("#search-results li");
    expect(await page.locator("#search-results h2 a").getAttribute("href")).toBe("/news/20180615/world-blood-donor-day/");
  });

  it("is reached from the search box in every page's header", async () => {
    await page.goto(`${server.url}/`);
    await page.fill("#site-search", "hematopoietic");
    await page.press("#site-search", "Enter");
    await page.waitForSelector("#search-results li");
    expect(await page.locator("#search-results h2 a").getAttribute("href")).toBe("/news/20210105/stem-cell-donation/");
  });

  it("narrows results by year and keeps the filter in the URL", async () => {
    await page.goto(`${server.url}/search/?q=donated`);
    await page.waitForSelector("#search-results li");
    expect(await page.locator("#search-results > li").count()).toBe(2);
    await page.selectOption("#search-year", "2021");
    await page.waitForFunction(() => document.querySelectorAll("#search-results > li").length === 1);
    expect(await page.locator("#search-results h2 a").getAttribute("href")).toBe("/news/20210105/stem-cell-donation/");
    expect(new URL(page.url()).searchParams.get("year")).toBe("2021");
  });

  it("says so when nothing matches", async () => {
    await page.goto(`${server.url}/search/?q=qwzxkjv`);
    await page.waitForFunction(() => document.getElementById("search-status")?.textContent?.includes("No articles match"));
    expect(await page.locator("#search-results li").count()).toBe(0);
  });

  it("explains itself without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${server.url}/search/?q=x`);
    expect(await noJs.locator("noscript").count()).toBe(1);
    expect(await noJs.content()).toContain("needs JavaScript");
    await context.close();
  });
});

describe("search on a site under a path prefix", () => {
  it("loads its index from the prefix and links results inside it", async () => {
    const host = await tempDir();
    await symlink(await buildTestSite({ PATH_PREFIX: "/qiao/" }), path.join(host, "qiao"));
    const prefixed = await serveFolder(host);
    try {
      await page.goto(`${prefixed.url}/qiao/search/?q=${encodeURIComponent("造血干细胞")}`);
      await page.waitForSelector("#search-results li");
      await page.locator("#search-results h2 a").first().click();
      await page.waitForURL("**/qiao/news/20210105/stem-cell-donation/");
    } finally {
      await prefixed.close();
    }
  });
});

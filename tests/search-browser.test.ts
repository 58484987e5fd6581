// A reader searches on the real page in a real browser.

import { readFileSync, statSync } from "node:fs";
import { cp, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations } from "./helpers/browser.ts";
import { launchChromium } from "./helpers/chromium.ts";
import { firstQueryBytes } from "./bench/first-query.ts";
import { TIERS_FILE } from "../src/features/search/bundles.ts";
import { buildTestSite, tempDir } from "./helpers/build.ts";
import { serveFolder, type StaticServer } from "./helpers/static-server.ts";

/** The sample's two stories about donating: blood (2024, both headlines) and stem cells (2023). */
const BLOOD = "/news/20240614/blood-donor-day/";
const REGISTRY = "/energy/20230316/stem-cell-donor-registry/";
/** The one sample article that mentions 月饼: a Chinese headline only, under an English kicker. */
const MOONCAKES = "/energy/20240916/mid-autumn-mooncakes/";

/** Files of the English index itself: its folder also holds pagefind.js, the one WebAssembly
 *  and the tiers file, which every first query loads. */
const englishIndex = (sitePath: string) => /^\/pagefind\/(pagefind-entry\.json|.*\.pf_meta|index\/|fragment\/)/.test(sitePath);
const regression = JSON.parse(readFileSync("tests/fixtures/search-queries.json", "utf8")) as {
  missing: Record<string, { missing: string; searched: string; articles: string[] }>;
};

let browser: Browser;

/** Runs `test` on a page of its own, in a fresh browser context that is closed afterwards. */
async function inNewContext(options: BrowserContextOptions, test: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await browser.newContext(options);
  try {
    await test(await context.newPage(), context);
  } finally {
    await context.close();
  }
}
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
    await page.fill("#search-q", "月饼");
    await page.waitForSelector("#search-results li");
    const results = page.locator("#search-results > li");
    expect(await results.count()).toBe(1);
    expect(await results.first().locator('h2 [lang="zh-CN"]').innerText()).toBe("中秋夜，志愿者把月饼送给坚守岗位的人");
    expect(await results.first().locator('h2 span[lang="en"]:not(.kicker)').count()).toBe(0);
    expect((await results.first().locator("mark").first().innerText()).trim()).toBe("月饼");
    expect(await page.locator("#search-status").innerText()).toContain("1 result");
    expect(new URL(page.url()).searchParams.get("q")).toBe("月饼");

    await results.first().locator("h2 a").click();
    await page.waitForURL(`**${MOONCAKES}`);
    expect(await page.locator("h1").innerText()).toContain("中秋夜，志愿者把月饼送给坚守岗位的人");
  });

  it("downloads only the index of the query's language, and the converter only for traditional characters", async () => {
    const english = await firstQueryBytes(browser, server.url, "donated");
    expect(english.paths.some((p) => englishIndex(p) && p.endsWith(".pf_meta"))).toBe(true);
    expect(english.paths.filter((p) => p.startsWith("/pagefind-zh/") || p.startsWith("/assets/vendor/"))).toEqual([]);

    const chinese = await firstQueryBytes(browser, server.url, "献血");
    expect(chinese.paths.some((p) => p.startsWith("/pagefind-zh/") && p.endsWith(".pf_meta"))).toBe(true);
    expect(chinese.paths.filter(englishIndex)).toEqual([]);
    expect(chinese.paths.filter((p) => p.startsWith("/pagefind-zh/") && p.includes("wasm"))).toEqual([]);
    expect(chinese.paths).toContain("/assets/vendor/t2cn-chars.json");
    expect(chinese.paths).not.toContain("/assets/vendor/opencc-t2cn.js");

    const traditional = await firstQueryBytes(browser, server.url, "獻血");
    expect(traditional.paths).toContain("/assets/vendor/opencc-t2cn.js");
    // Pagefind runs inside our worker: its own worker script, a second copy of it, is never fetched.
    expect([...english.paths, ...chinese.paths].filter((p) => p.startsWith("/pagefind") && p.includes("worker"))).toEqual([]);
    expect(english.paths.filter((p) => p.includes("search-worker"))).toHaveLength(1);
  });

  it("measures for the benchmark what the browser fetched: each file the server sent, with its bytes", async () => {
    const sent: { sitePath: string; bytes: number }[] = [];
    const logged = await serveFolder(inject("siteDir"), { onServed: (sitePath, file) => sent.push({ sitePath, bytes: statSync(file).size }) });
    try {
      const measured = await firstQueryBytes(browser, logged.url, "献血");
      // What the page needs to exist at all (its HTML, stylesheet, pictures) is not the query's.
      const forTheQuery = sent.filter(({ sitePath }) => !/(\/|\.html|\.css|\.svg|\.png|\.jpe?g|\.webp|\.avif|\.ico)$/.test(sitePath));
      expect([...measured.paths].sort()).toEqual(forTheQuery.map((f) => f.sitePath).sort());
      expect(measured.bytes).toBe(forTheQuery.reduce((sum, f) => sum + f.bytes, 0));
      const byKind: Record<string, number> = {};
      for (const { sitePath, bytes } of forTheQuery) {
        const kind = sitePath.slice(sitePath.lastIndexOf(".") + 1);
        byKind[kind] = (byKind[kind] ?? 0) + bytes;
      }
      expect(measured.byKind).toEqual(byKind);
    } finally {
      await logged.close();
    }
  });

  it("shows both languages' excerpts in one result for a query in both scripts", async () => {
    // Both stories match in both indexes: 献血 in their Chinese, "donated" by stem in their English.
    await page.goto(`${server.url}/search/?q=${encodeURIComponent("献血 donated")}`);
    await page.waitForSelector("#search-results li");
    const results = page.locator("#search-results > li");
    expect(await results.count()).toBe(2);
    for (const result of await results.all()) {
      expect(await result.locator('.search-excerpt[lang="en"] mark').count()).toBeGreaterThan(0);
      expect(await result.locator('.search-excerpt[lang="zh-CN"] mark').count()).toBeGreaterThan(0);
    }
  });

  it("waits for an input method to finish: typing 郑州 in pinyin never opens the English index", async () => {
    await inNewContext({}, async (typing, context) => {
      const fetched: string[] = [];
      typing.on("request", (request) => fetched.push(new URL(request.url()).pathname));
      await typing.goto(`${server.url}/search/`);
      await typing.focus("#search-q");
      const cdp = await context.newCDPSession(typing);
      for (const pinyin of ["z", "zh", "zhe", "zheng", "zhengz", "zhengzh", "zhengzhou"]) {
        await cdp.send("Input.imeSetComposition", { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
        await typing.waitForTimeout(60);
      }
      await typing.waitForTimeout(300); // longer than the search's pause after typing
      await cdp.send("Input.insertText", { text: "郑州" });
      await typing.waitForSelector("#search-results li");
      expect(await typing.inputValue("#search-q")).toBe("郑州");
      expect(fetched.filter(englishIndex)).toEqual([]);
      expect(fetched.some((p) => p.startsWith("/pagefind-zh/") && p.endsWith(".pf_meta"))).toBe(true);
    });
  });

  it("searches off the page's thread: Pagefind, its WebAssembly and the index load in a worker", async () => {
    await inNewContext({}, async (reader) => {
      const workers: string[] = [];
      reader.on("worker", (worker) => workers.push(new URL(worker.url()).pathname));
      await reader.goto(`${server.url}/search/?q=hospital`);
      await reader.waitForSelector("#search-results li");
      expect(workers).toEqual([expect.stringMatching(/^\/assets\/search-worker\.[0-9a-f]{10}\.js$/)]);
      // The page's own resource timeline holds what the page fetched itself; a worker's
      // fetches are in the worker's.
      const fetchedByPage = await reader.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
      expect(fetchedByPage.some((p) => p.includes("/assets/search."))).toBe(true);
      expect(fetchedByPage.filter((p) => p.startsWith("/pagefind"))).toEqual([]);
    });
  });

  it("does not move the page as results arrive: no layout shift, at phone and desktop widths", async () => {
    for (const viewport of [{ width: 375, height: 812 }, { width: 1280, height: 900 }]) {
      await inNewContext({ viewport }, async (reader) => {
        await reader.goto(`${server.url}/search/?q=${encodeURIComponent("郑州")}`);
        await reader.waitForSelector("#search-results li");
        await reader.waitForTimeout(300);
        const shift = await reader.evaluate(
          () =>
            new Promise<number>((resolve) => {
              let total = 0;
              new PerformanceObserver((list) => {
                for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) total += entry.value;
              }).observe({ type: "layout-shift", buffered: true });
              setTimeout(() => resolve(total), 100);
            }),
        );
        expect(shift, `${viewport.width} px`).toBeLessThan(0.01);
      });
    }
  });

  it("finds simplified text for a traditional query", async () => {
    await page.goto(`${server.url}/search/?q=${encodeURIComponent("無償獻血")}`);
    await page.waitForSelector("#search-results li");
    expect(await page.locator("#search-results h2 a").getAttribute("href")).toBe(BLOOD);
  });

  it("is reached from the search box in every page's header", async () => {
    await page.goto(`${server.url}/`);
    await page.fill("#site-search", "haematopoietic");
    await page.press("#site-search", "Enter");
    await page.waitForSelector("#search-results li");
    expect(await page.locator("#search-results h2 a").getAttribute("href")).toBe(REGISTRY);
  });

  it("narrows results by year and keeps the filter in the URL", async () => {
    await page.goto(`${server.url}/search/?q=donated`);
    await page.waitForSelector("#search-results li");
    expect(await page.locator("#search-results > li").count()).toBe(2);
    await page.selectOption("#search-year", "2023");
    await page.waitForFunction(() => document.querySelectorAll("#search-results > li").length === 1);
    expect(await page.locator("#search-results h2 a").getAttribute("href")).toBe(REGISTRY);
    expect(new URL(page.url()).searchParams.get("year")).toBe("2023");
  });

  it("says which words found nothing and what it shows instead, in both languages", async () => {
    for (const [query, { missing, searched, articles }] of Object.entries(regression.missing)) {
      await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
      // The status says the query as soon as the search is done.
      await page.waitForFunction((q) => document.getElementById("search-status")?.textContent?.includes(`“${q.split(" ")[0]}`), query);
      const status = page.locator("#search-status");
      if (articles.length) {
        const n = articles.length;
        expect(await status.locator('[lang="en"]').innerText(), query).toBe(`No article has “${missing}”; ${n} ${n === 1 ? "has" : "have"} “${searched}”.`);
        expect(await status.locator('[lang="zh-CN"]').innerText(), query).toBe(`没有文章包含“${missing}”；${n} 篇包含“${searched}”。`);
      } else {
        expect(await status.locator('[lang="en"]').innerText(), query).toBe(`No articles match “${query}”.`);
      }
      const shown = await page.locator("#search-results h2 a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
      expect(shown.sort(), query).toEqual([...articles].sort());
    }
  });

  it("says so when nothing matches", async () => {
    await page.goto(`${server.url}/search/?q=qwzxkjv`);
    await page.waitForFunction(() => document.getElementById("search-status")?.textContent?.includes("No articles match"));
    expect(await page.locator("#search-results li").count()).toBe(0);
  });

  it("explains itself without JavaScript", async () => {
    await inNewContext({ javaScriptEnabled: false }, async (noJs) => {
        await noJs.goto(`${server.url}/search/?q=x`);
        expect(await noJs.locator("noscript").count()).toBe(1);
        expect(await noJs.content()).toContain("needs JavaScript");
    });
  });
});

describe("a query with many results", () => {
  const ARTICLES = 25;
  const IN_2019 = 12;
  let many: StaticServer;

  beforeAll(async () => {
    const dir = await tempDir();
    for (let n = 1; n <= ARTICLES; n++) {
      const date = `${n <= IN_2019 ? 2019 : 2020}-03-${String(n).padStart(2, "0")} 10:00:00`;
      const text = `---\ntitle:\n  en: Bridge report number ${n}\n  zh: 大桥报告第${n}号\ncolumn: news\ndate: ${date}\nsource: 郑州之窗\n---\n\nThe bridge report number ${n} describes the river crossing.\n\n大桥报告第${n}号介绍了黄河大桥。\n`;
      await writeFile(path.join(dir, `report-${n}.md`), text);
    }
    many = await serveFolder(await buildTestSite({ QIAO_ARTICLES_DIR: dir }));
  });

  afterAll(async () => {
    await many?.close();
  });

  const shownResults = () => page.locator("#search-results > li").count();

  it("shows ten at a time, counts them all, and moves focus to the first of the next ten", async () => {
    await page.goto(`${many.url}/search/?q=bridge`);
    await page.waitForSelector("#search-results li");
    expect(await shownResults()).toBe(10);
    expect(await page.locator("#search-status").innerText()).toContain(`${ARTICLES} results`);

    await page.click("#search-more");
    await page.waitForFunction(() => document.querySelectorAll("#search-results > li").length === 20);
    const eleventh = page.locator("#search-results > li").nth(10).locator("a");
    expect(await eleventh.evaluate((a) => a === document.activeElement)).toBe(true);

    await page.click("#search-more");
    await page.waitForFunction(() => document.querySelectorAll("#search-results > li").length === 25);
    expect(await page.locator("#search-more").isHidden()).toBe(true);
    const urls = await page.locator("#search-results h2 a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(new Set(urls).size).toBe(ARTICLES);
  });

  it("keeps counting English results exactly after a query that searched both indexes", async () => {
    await page.goto(`${many.url}/search/?q=7`);
    await page.waitForFunction(() => document.getElementById("search-status")?.textContent?.includes("“7”"));
    await page.fill("#search-q", "bridge");
    await page.waitForFunction(() => document.getElementById("search-status")?.textContent?.includes("bridge"));
    expect(await page.locator("#search-status").innerText()).toContain(`${ARTICLES} results`);
  });

  it("counts Chinese results from the Chinese index alone", async () => {
    await page.goto(`${many.url}/search/?q=${encodeURIComponent("大桥")}`);
    await page.waitForSelector("#search-results li");
    expect(await shownResults()).toBe(10);
    expect(await page.locator("#search-status").innerText()).toContain(`${ARTICLES} 条结果`);
  });

  it("passes axe with results and the More button showing", async () => {
    // axe arrives as an inline script, which the site's own policy rightly refuses.
    await inNewContext({ bypassCSP: true }, async (checked) => {
      await checked.goto(`${many.url}/search/?q=bridge`);
      await checked.locator("#search-more").waitFor({ state: "visible" });
      expect(await axeViolations(checked)).toEqual([]);
    });
  });

  it("with a filter, says how many it has found so far until it has read every hit", async () => {
    await page.goto(`${many.url}/search/?q=bridge&year=2019`);
    await page.waitForSelector("#search-results li");
    expect(await shownResults()).toBe(10);
    expect(await page.locator("#search-status").innerText()).toContain("10+ results");
    await page.click("#search-more");
    await page.waitForFunction((n) => document.querySelectorAll("#search-results > li").length === n, IN_2019);
    expect(await page.locator("#search-status").innerText()).toContain(`${IN_2019} results`);
    expect(await page.locator("#search-more").isHidden()).toBe(true);
    const dates = await page.locator("#search-results time").allInnerTexts();
    expect(dates.every((d) => d.startsWith("2019-"))).toBe(true);
  });
});

describe("search with a recent tier beside the archive", () => {
  it("finds a new story and an edited one by its new words only, and counts each once", async () => {
    const root = await tempDir();
    const articles = path.join(root, "articles");
    await cp("tests/fixtures/site", articles, { recursive: true });
    const env = { QIAO_ARTICLES_DIR: articles, QIAO_CACHE_DIR: path.join(root, "cache") };
    const story = (date: string, title: string, body: string) => `---\ntitle:\n  en: ${title}\ncolumn: news\ndate: ${date} 08:00\nsource: Test Source\n---\n\n${body}\n`;
    // An archive of four stories, so that two changes stay within its recent tier's limit.
    for (const day of ["06", "07"]) await writeFile(path.join(articles, `2020-03-${day}-notice.md`), story(`2020-03-${day}`, "Notice", "A notice."));
    const ferry = path.join(articles, "2020-03-05-ferry.md");
    await writeFile(ferry, story("2020-03-05", "Ferry crossing", "The ferry crossed the river with melons.\n\n渡船载着西瓜过河。"));
    await buildTestSite(env);
    await writeFile(ferry, story("2020-03-05", "Ferry crossing", "The ferry crossed the river with pumpkins.\n\n渡船载着南瓜过河。"));
    await writeFile(path.join(articles, "2020-03-09-zeppelin.md"), story("2020-03-09", "Zeppelin over the river", "A zeppelin crossed the river.\n\n一艘飞艇飞过河面。"));
    const site = await buildTestSite(env);
    expect(JSON.parse(readFileSync(path.join(site, TIERS_FILE), "utf8"))).toMatchObject({ recent: ["en", "zh"] });
    const tiered = await serveFolder(site);
    const found = async (query: string) => {
      await page.goto(`${tiered.url}/search/?q=${encodeURIComponent(query)}`);
      await page.waitForFunction((q) => document.getElementById("search-status")?.textContent?.includes(`“${q}”`), query);
      return {
        status: await page.locator('#search-status [lang="en"]').innerText(),
        urls: await page.locator("#search-results h2 a").evaluateAll((links) => links.map((a) => a.getAttribute("href")).sort()),
      };
    };
    try {
      expect(await found("river")).toEqual({ status: "2 results for “river”", urls: ["/news/20200305/ferry/", "/news/20200309/zeppelin/"] });
      expect(await found("飞艇")).toEqual({ status: "1 result for “飞艇”", urls: ["/news/20200309/zeppelin/"] });
      expect(await found("南瓜")).toEqual({ status: "1 result for “南瓜”", urls: ["/news/20200305/ferry/"] });
      expect(await found("melons")).toEqual({ status: "No articles match “melons”.", urls: [] });
    } finally {
      await tiered.close();
    }
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
      await page.waitForURL(`**/qiao${REGISTRY}`);
    } finally {
      await prefixed.close();
    }
  });
});

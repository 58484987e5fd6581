// The CMS as an editor meets it: `npm start` (scripts/serve.ts, the real preview with its
// local backend) on a copy of the project and the sample articles, driven in Chromium. Every
// request the browser makes is recorded: none may leave the site. And the production /admin/
// of the built sample site, served gzipped as a static host would, within its budget.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { tempDir } from "./helpers/build.ts";
import { launchChromium } from "./helpers/chromium.ts";
import { copyProjectWithSamples, startPreviewServer, type PreviewServer } from "./helpers/preview-server.ts";
import { serveFolder } from "./helpers/static-server.ts";

const SAMPLE = "2025-02-12-lantern-festival.md";
/** The same article as a Windows editor might leave it: a byte order mark and CRLF. */
const SAMPLE_BOM_CRLF = "2025-02-12-lantern-festival-windows.md";
/** A sample article without a kicker or a credit line, and its page. */
const EDITED = "2025-12-18-bus-depot-night-shift.md";
const EDITED_PAGE = "/energy/20251218/bus-depot-night-shift/";

let root: string;
let server: PreviewServer;
let base: string;
let browser: Browser;
/** Every URL the browser asked for, in every test. */
const requested: string[] = [];

const article = (name: string) => path.join(root, "articles", name);
const articleNames = () => readdirSync(path.join(root, "articles")).filter((n) => n.endsWith(".md"));

async function until<T>(what: string, probe: () => Promise<T> | T, ms = 20_000): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const answer = await probe();
    if (answer) return answer as NonNullable<T>;
    if (server.process.exitCode !== null) throw new Error(`${what}: npm start ended (exit code ${server.process.exitCode})\n${server.output.slice(-20).join("\n")}`);
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms} ms\n${server.output.slice(-20).join("\n")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  root = path.join(await tempDir(), "project");
  copyProjectWithSamples(root);
  writeFileSync(article(SAMPLE_BOM_CRLF), `\uFEFF${readFileSync(article(SAMPLE), "utf8").replace(/\n/g, "\r\n")}`);
  server = await startPreviewServer(root);
  base = server.url;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A tab signed in to the local backend (one button, no credentials), recording requests. */
async function cms(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on("request", (r) => void requested.push(r.url()));
  await page.goto(`${base}/admin/`);
  try {
    await page.getByRole("button", { name: "Login" }).click({ timeout: 60_000 });
    await page.getByRole("link", { name: /Article · 文章/ }).first().waitFor({ timeout: 60_000 });
  } catch (error) {
    await page.screenshot({ path: "tests/.output/cms-failed.png" });
    throw error;
  }
  return page;
}

async function openEntry(page: Page, name: string): Promise<void> {
  await page.goto(`${base}/admin/#/collections/articles/entries/${name.replace(/\.md$/, "")}`);
  await page.locator(".pair-editor").waitFor();
}

/** Decap's save in simple publishing: Publish, then Publish now. */
async function publish(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByRole("menuitem", { name: "Publish now" }).click();
}

const textArea = (page: Page, side: "English" | "Chinese", row: number) => page.getByRole("textbox", { name: `${side}, row ${row} · 第 ${row} 行${side === "English" ? "英文" : "中文"}` });

/** Types Chinese as an input method does: the pinyin composes first, then the characters commit. */
async function typeChinese(page: Page, pinyin: string, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
  await cdp.send("Input.insertText", { text });
  await cdp.detach();
}

describe("the CMS under npm start", () => {
  it("creates an article with three pairs typed in the pair editor, Chinese through an input method, and the preview serves it", async () => {
    const page = await cms();
    const before = new Set(articleNames());
    await page.goto(`${base}/admin/#/collections/articles/new`);
    await page.locator(".pair-editor").waitFor();
    await page.getByLabel(/^English headline/).fill("Night buses run later this winter");
    await page.getByLabel(/^Chinese headline/).fill("今冬夜班公交延时运营");
    await page.getByLabel(/^Column/).click();
    await page.getByText("Zhengzhou Release · 郑州发布", { exact: true }).click();
    await page.getByRole("button", { name: "Add a row" }).click();
    const pairs = [
      ["Three night bus lines will run until 2 a.m. from December.", "zhongwen", "从十二月起，三条夜班公交线路将运营到凌晨两点。"],
      ["The lines link the railway station with the airport and the university town.", "xianlu", "这些线路连接火车站、机场和大学城。"],
      ["Tickets cost two yuan, as on day buses.", "piaojia", "票价与日间公交相同，为两元。"],
    ];
    for (const [i, [en, pinyin, zh]] of pairs.entries()) {
      if (i > 0) await page.getByRole("toolbar", { name: `Row ${i} · 第 ${i} 行` }).getByRole("button", { name: /^Add a row below/ }).click();
      await textArea(page, "English", i + 1).fill(en!);
      await textArea(page, "Chinese", i + 1).focus();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Input.imeSetComposition", { text: pinyin!, selectionStart: pinyin!.length, selectionEnd: pinyin!.length });
      // Mid-composition the pinyin is in the box but nothing is committed: the preview,
      // drawn from what the editor reported, never shows it.
      await page.waitForTimeout(300);
      expect(await page.frameLocator("iframe").locator("body").textContent()).not.toContain(pinyin);
      await cdp.send("Input.insertText", { text: zh! });
      await cdp.detach();
      await expect.poll(() => page.frameLocator("iframe").locator("body").textContent()).toContain(zh);
    }
    await publish(page);
    const created = await until("the new file", () => articleNames().find((n) => !before.has(n))).catch(async (error: unknown) => {
      await page.screenshot({ path: "tests/.output/cms-create-failed.png" });
      throw error;
    });
    expect(created).toMatch(/^\d{4}-\d{2}-\d{2}-night-buses-run-later-this-winter\.md$/);
    const text = readFileSync(article(created), "utf8");
    for (const [en, , zh] of pairs) expect(text).toContain(`${en}\n\n${zh}`);
    expect(text).not.toMatch(/zhongwen|xianlu|piaojia/);
    // npm run check passes it, and the preview serves its page with the three pairs.
    const check = spawnSync(process.execPath, ["--import", "tsx", "scripts/check.ts"], { cwd: root, encoding: "utf8" });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const day = created.slice(0, 10).replaceAll("-", "");
    const html = await until("the page", async () => {
      const res = await fetch(`${base}/news/${day}/night-buses-run-later-this-winter/`);
      const body = res.ok ? await res.text() : "";
      return body.includes("票价与日间公交相同") ? body : undefined;
    });
    expect(html.match(/<div class="pair">/g)).toHaveLength(3);
    await page.close();
  });

  it("aligns a pasted English text and a pasted Chinese text into pairs", async () => {
    const page = await cms();
    await page.goto(`${base}/admin/#/collections/articles/new`);
    await page.locator(".pair-editor").waitFor();
    await page.getByRole("button", { name: "Paste two texts to align" }).click();
    await page.getByLabel(/^The whole English text/).fill("The museum opens on Monday.\n\nEntry is free for children.\n\nIt closes at 6 p.m.");
    await page.getByLabel(/^The whole Chinese text/).fill("博物馆周一开放。\n\n儿童免费入场。\n\n闭馆时间为下午六点。");
    await page.getByRole("button", { name: /^Align/ }).click();
    for (const [row, en, zh] of [[1, "The museum opens on Monday.", "博物馆周一开放。"], [2, "Entry is free for children.", "儿童免费入场。"], [3, "It closes at 6 p.m.", "闭馆时间为下午六点。"]] as const) {
      await expect.poll(() => textArea(page, "English", row).inputValue()).toBe(en);
      expect(await textArea(page, "Chinese", row).inputValue()).toBe(zh);
    }
    await page.close();
  });

  it.each([SAMPLE, SAMPLE_BOM_CRLF])("saves %s opened and saved unchanged with the same bytes", async (name) => {
    const page = await cms();
    const file = article(name);
    const bytes = readFileSync(file);
    const written = statSync(file).mtimeMs;
    await openEntry(page, name);
    // A change undone (the kicker is empty): Decap now has something to save, and it is the
    // article as it was.
    const kicker = page.getByLabel(/^Kicker/);
    await kicker.press("x");
    await kicker.press("Backspace");
    await publish(page);
    await until("the save", () => statSync(file).mtimeMs !== written);
    expect(readFileSync(file, "utf8")).toBe(bytes.toString("utf8")); // a readable diff first
    expect(readFileSync(file).equals(bytes)).toBe(true);
    await page.close();
  });

  it("shows a save in the preview's page, while the CMS page, and what is being typed in it, stays as it is", async () => {
    const page = await cms();
    await openEntry(page, EDITED);
    await page.evaluate(() => void ((window as { notReloaded?: boolean }).notReloaded = true));
    await page.getByLabel(/^Kicker/).fill("Night shift");
    await publish(page);
    // Typed while the preview renders the save, not saved yet.
    await page.getByLabel(/^Credit line/).fill("（记者 夜班/文）");
    await until("the page with the saved kicker", async () => {
      const res = await fetch(`${base}${EDITED_PAGE}`);
      return res.ok && (await res.text()).includes(">Night shift<");
    });
    // The preview tells its open pages to reload once a render is done: not this one.
    await page.waitForTimeout(2000);
    expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await page.getByLabel(/^Credit line/).inputValue()).toBe("（记者 夜班/文）");
    await page.close();
  });

  it("previews the article with the site's stylesheet in English, 中文 and both", async () => {
    const page = await cms();
    await openEntry(page, SAMPLE);
    const pane = page.frameLocator("iframe");
    const shown = (lang: string) => pane.locator(`.article-body .pair > [lang="${lang}"]`).first().isVisible();
    for (const [mode, en, zh] of [["English", true, false], ["中文", false, true], ["Both · 双语", true, true]] as const) {
      await pane.getByRole("button", { name: mode, exact: true }).click();
      await expect.poll(() => shown("en")).toBe(en);
      expect(await shown("zh-CN")).toBe(zh);
    }
    await page.close();
  });

  it("shows the check's warning beside a Chinese paragraph that has no English partner", async () => {
    const page = await cms();
    await openEntry(page, SAMPLE);
    const rows = await page.locator(".pair-row").count();
    await page.getByRole("toolbar", { name: `Row ${rows} · 第 ${rows} 行` }).getByRole("button", { name: /^Add a row below/ }).click();
    await textArea(page, "Chinese", rows + 1).focus();
    await typeChinese(page, "meiyou", "这一段中文没有英文原文。");
    const note = page.locator(".pair-row").nth(rows).locator(".pair-note");
    await expect.poll(() => note.allTextContents()).toContain(
      "this Chinese paragraph follows Chinese text: did its English partner go missing? Start it with {solo} if it stands alone on purpose",
    );
    await page.close();
  });

  it("refuses a save npm run check would refuse, with its message beside the field, and writes nothing", async () => {
    const page = await cms();
    const file = article(SAMPLE);
    const bytes = readFileSync(file);
    const written = statSync(file).mtimeMs;
    await openEntry(page, SAMPLE);
    await page.getByLabel(/^English headline/).fill("");
    await page.getByLabel(/^Chinese headline/).fill("");
    await publish(page);
    const headline = page.locator("label", { hasText: /^Headline/ }).locator("xpath=..");
    // Both headlines empty, the file a save writes has no title: check's words for it.
    await expect.poll(() => headline.textContent()).toContain('missing required key "title"');
    await page.waitForTimeout(1000);
    expect(statSync(file).mtimeMs).toBe(written);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    await page.close();
  });

  it("loads nothing from another origin", () => {
    expect(requested.length).toBeGreaterThan(10);
    expect(requested.filter((url) => !url.startsWith(`${base}/`) && !/^(?:data|blob|about):/.test(url))).toEqual([]);
  });
});

describe("the local backend under npm start", () => {
  const api = () => `${base}/admin/api/v1`;
  const port = () => new URL(base).port;
  /** A POST with exactly these headers (fetch would not let a test name another Host). */
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; json(): Promise<{ error?: string; type?: string }> }>((resolve, reject) => {
      const data = JSON.stringify(body);
      const req = request(api(), { method: "POST", headers: { host: `localhost:${port()}`, "content-type": "application/json", "content-length": Buffer.byteLength(data), ...headers } }, (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, json: async () => JSON.parse(text) }));
      });
      req.on("error", reject);
      req.end(data);
    });
  const save = (raw: string) => ({ action: "persistEntry", params: { entry: { path: "articles/2026-01-01-direct.md", slug: "2026-01-01-direct", raw }, assets: [], options: { commitMessage: "x", useWorkflow: false, status: "" } } });

  it("answers the preview's own pages", async () => {
    const res = await post({ action: "info" }, { origin: `http://localhost:${port()}`, host: `localhost:${port()}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ type: "local_fs" });
  });

  it("refuses another site's page, a DNS name pointed at this machine, and another site's fetch; nothing is written", async () => {
    const good = readFileSync(article(SAMPLE), "utf8");
    const foreign: Record<string, string>[] = [{ origin: "http://evil.example" }, { host: `evil.example:${port()}` }, { "sec-fetch-site": "cross-site" }];
    for (const headers of foreign) {
      const res = await post(save(good), headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
    }
    expect(articleNames()).not.toContain("2026-01-01-direct.md");
  });

  it("refuses to write an article npm run check refuses, whatever sent it, with check's message", async () => {
    const res = await post(save("---\ntitle:\n  en: No column\ndate: 2026-01-01 09:00\n---\n\nA paragraph.\n"));
    expect(res.status).toBe(422);
    expect((await res.json()).error).toContain('articles/2026-01-01-direct.md:2:1 error missing required key "column"');
    expect(articleNames()).not.toContain("2026-01-01-direct.md");
  });

  it("writes articles and pictures only, whatever a request names", async () => {
    const pkg = readFileSync(path.join(root, "package.json"), "utf8");
    const attempts = [
      { action: "persistMedia", params: { asset: { path: "package.json", content: "e30=", encoding: "base64" }, options: { commitMessage: "x" } } },
      { action: "persistEntry", params: { ...save(readFileSync(article(SAMPLE), "utf8")).params, assets: [{ path: "package.json", content: "e30=", encoding: "base64" }] } },
      { action: "deleteFile", params: { path: "package.json", options: { commitMessage: "x" } } },
      // An article sent as a picture would skip the save check.
      { action: "persistMedia", params: { asset: { path: "articles/2026-01-01-direct.md", content: "e30=", encoding: "base64" }, options: { commitMessage: "x" } } },
      { action: "persistEntry", params: { ...save("").params, entry: { path: "articles/2026-01-01-direct.md", newPath: "src/direct.md", slug: "x", raw: "" } } },
    ];
    for (const attempt of attempts) {
      const res = await post(attempt);
      expect(res.status, JSON.stringify(attempt)).toBe(403);
      expect((await res.json()).error).toMatch(/writes articles \(articles\/\*\.md\) and pictures \(assets\/images\/\) only, not/);
    }
    expect(readFileSync(path.join(root, "package.json"), "utf8")).toBe(pkg);
    expect(existsSync(path.join(root, "src/direct.md"))).toBe(false);
    expect(articleNames()).not.toContain("2026-01-01-direct.md");
  });

  it("checks an article by the name it is saved under, renamed or not", async () => {
    const bad = save("---\ntitle:\n  en: No column\ndate: 2026-01-01 09:00\n---\n\nA paragraph.\n");
    const renamed = await post({ ...bad, params: { ...bad.params, entry: { ...bad.params.entry, path: `articles/${SAMPLE}`, newPath: "articles/2026-01-01-direct.md" } } });
    expect(renamed.status).toBe(422);
    expect((await renamed.json()).error).toContain('articles/2026-01-01-direct.md:2:1 error missing required key "column"');
    // A file that is not an article renamed into one would slip past a check by the old name.
    const smuggled = await post({ ...bad, params: { ...bad.params, entry: { ...bad.params.entry, path: "articles/2026-01-01-direct", newPath: "articles/2026-01-01-direct.md" } } });
    expect(smuggled.status).toBe(403);
    expect(articleNames()).not.toContain("2026-01-01-direct.md");
    expect(articleNames()).toContain(SAMPLE);
  });

  it("refuses a request a tunnel or proxy on this machine relays", async () => {
    const res = await post(save(readFileSync(article(SAMPLE), "utf8")), { "x-forwarded-for": "203.0.113.7" });
    expect(res.status).toBe(403);
    expect(articleNames()).not.toContain("2026-01-01-direct.md");
  });

  it("refuses an address a save made a moment ago, before the preview has seen that file", async () => {
    const twin = (name: string) => ({
      action: "persistEntry",
      params: { branch: "main", entry: { path: `articles/${name}`, slug: name.slice(0, -3), raw: "---\ntitle:\n  en: Twins\ncolumn: news\ndate: 2026-01-02 09:00\nslug: twins\n---\n\nA paragraph.\n" }, assets: [], options: { commitMessage: "x", useWorkflow: false, status: "draft" } },
    });
    try {
      const first = await post(twin("2026-01-02-first-twin.md"));
      expect(first.status, JSON.stringify(await first.json())).toBe(200);
      // At once: the preview's watcher has not yet told the folder's listing about the first.
      const second = await post(twin("2026-01-02-second-twin.md"));
      expect(second.status).toBe(422);
      expect((await second.json()).error).toContain("duplicate permalink /news/20260102/twins/: articles/2026-01-02-first-twin.md has it already");
      expect(articleNames()).not.toContain("2026-01-02-second-twin.md");
    } finally {
      rmSync(article("2026-01-02-first-twin.md"), { force: true });
    }
  });

  it("refuses an article whose address another article has", async () => {
    const res = await post(save("---\ntitle:\n  en: The same address\ncolumn: energy\ndate: 2025-12-18 09:00\nslug: bus-depot-night-shift\n---\n\nA paragraph.\n"));
    expect(res.status).toBe(422);
    expect((await res.json()).error).toContain(`duplicate permalink ${EDITED_PAGE}: articles/${EDITED} has it already`);
    expect(articleNames()).not.toContain("2026-01-01-direct.md");
  });
});

describe("the production /admin/", () => {
  it("loads in at most 1.6 MB compressed, all from the site itself", async () => {
    const site = await serveFolder(inject("siteDir"), { gzip: true });
    const page = await browser.newPage();
    const urls: string[] = [];
    let bytes = 0;
    page.on("request", (r) => void urls.push(r.url()));
    page.on("requestfinished", async (r) => {
      const sizes = await r.sizes();
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    });
    try {
      await page.goto(`${site.url}/admin/`);
      // The GitHub backend's sign-in page: the CMS has loaded and drawn.
      await page.getByLabel(/^Personal access token/).waitFor({ timeout: 30_000 });
      await page.waitForLoadState("networkidle");
      console.log(`/admin/ transferred ${bytes} bytes (gzip), ${urls.length} requests`);
      expect(urls.filter((u) => !u.startsWith(`${site.url}/`) && !/^(?:data|blob):/.test(u))).toEqual([]);
      expect(bytes).toBeLessThanOrEqual(1_600_000);
    } finally {
      await page.close();
      await site.close();
    }
  });

  it("signs in to GitHub with the editor's personal access token when no OAuth proxy is set", async () => {
    const site = await serveFolder(inject("siteDir"));
    const page = await browser.newPage();
    // GitHub cannot be reached from here: its API answers as it does a token it does not know.
    const asked: { url: string; authorization?: string }[] = [];
    await page.route("https://api.github.com/**", (route) => {
      asked.push({ url: route.request().url(), authorization: route.request().headers().authorization });
      return route.fulfill({ status: 401, contentType: "application/json", body: JSON.stringify({ message: "Bad credentials" }) });
    });
    try {
      await page.goto(`${site.url}/admin/`);
      await page.getByLabel(/^Personal access token/).fill("github_pat_example");
      await page.getByRole("button", { name: /^Sign in/ }).click();
      await expect.poll(() => asked.map((a) => a.url)).toContain("https://api.github.com/user");
      expect(asked.map((a) => a.authorization)).toEqual(asked.map(() => "token github_pat_example"));
      // The refusal is shown on the sign-in form, and the editor can try another token.
      await expect.poll(() => page.locator("form").getByRole("alert").textContent()).toContain("your-org/qiao");
      expect(await page.getByLabel(/^Personal access token/).isVisible()).toBe(true);
    } finally {
      await page.close();
      await site.close();
    }
  });
});

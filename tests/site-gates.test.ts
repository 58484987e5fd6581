// Gates every page of the built sample site passes: valid HTML, a Content-Security-Policy
// that allows no inline script, and nothing inline for that policy to refuse. Pages are
// listed from the build, so a new kind of page is checked the day it appears.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { cacheControl, CACHE } from "../src/features/deploy/headers.ts";
import { hashedName } from "../src/site/assets.ts";
import { readPage } from "./helpers/html.ts";
import { loadSearch } from "./helpers/search-probe.ts";
import { contentSecurityPolicy, htmlProblems, inlineCodeProblems } from "./helpers/page-checks.ts";
import { pagePaths, pageUrl, sitePaths } from "./helpers/site-snapshot.ts";
import { TEST_SITE_URL } from "./helpers/build.ts";

const siteDir = inject("siteDir");
// The CMS at /admin/ is not a reader's page: it has its own policy and gates (below).
const ADMIN = "/admin/index.html";
const pages = pagePaths(siteDir).filter((p) => p !== ADMIN);

it("the build has a page of every kind: home, column, a column's second page and article", () => {
  expect(pages).toEqual(
    expect.arrayContaining(["/index.html", "/news/index.html", "/news/page/2/index.html", "/news/20240614/blood-donor-day/index.html"]),
  );
});

describe.each(pages)("%s", (file) => {
  it("is valid HTML", async () => {
    expect(await htmlProblems(path.join(siteDir, file))).toEqual([]);
  });

  it("carries a Content-Security-Policy that allows no inline script, first in <head>", async () => {
    const doc = await readPage(siteDir, pageUrl(file));
    const policy = contentSecurityPolicy(doc);
    expect(policy?.get("default-src")).toEqual(["'self'"]);
    expect(policy?.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy?.get("style-src")).toEqual(["'self'"]);
    expect(policy?.get("worker-src")).toEqual(["'self'"]);
    expect(policy?.get("object-src")).toEqual(["'none'"]);
    expect(policy?.get("base-uri")).toEqual(["'self'"]);
    // A meta policy governs only what follows it: nothing may load before it.
    const first = doc.querySelector("head > :is(script, link, style, base)");
    expect(first?.compareDocumentPosition(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!)).toBe(2 /* PRECEDING */);
  });

  it("has no inline script, event handler, inline style or script URL", async () => {
    expect(inlineCodeProblems(await readPage(siteDir, pageUrl(file)))).toEqual([]);
  });

  it("names its feeds, with their languages, by absolute URL (hreflang needs one)", async () => {
    const doc = await readPage(siteDir, pageUrl(file));
    const feeds = [...doc.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]')].map((l) => [l.getAttribute("hreflang"), l.getAttribute("href")]);
    expect(feeds).toEqual([
      ["en", `${TEST_SITE_URL}/feed.xml`],
      ["zh-CN", `${TEST_SITE_URL}/zh/feed.xml`],
    ]);
  });

  it("loads its stylesheet and scripts from content-hashed files that hosts may cache a year", async () => {
    const doc = await readPage(siteDir, pageUrl(file));
    const own = [...doc.querySelectorAll('link[rel="stylesheet"], script[src]')].map((el) => el.getAttribute("href") ?? el.getAttribute("src")!);
    expect(own.length).toBeGreaterThanOrEqual(2);
    for (const url of own) {
      expect(url).toMatch(/^\/assets\/[\w-]+\.[0-9a-f]{10}\.(?:css|js)$/);
      expect(cacheControl(url.slice(1))).toBe(CACHE.immutable);
    }
  });
});

describe("the site's own stylesheet and scripts", () => {
  const built = sitePaths(siteDir).filter((p) => /^\/assets\/[^/]+\.(?:css|js)$/.test(p) && !p.startsWith("/assets/admin."));

  it("ship only as built files: hashed, minified, and the sources stay out", async () => {
    expect(built.map((p) => p.replace(/\.[0-9a-f]{10}\./, ".*."))).toEqual(["/assets/reading-mode.*.js", "/assets/search-worker.*.js", "/assets/search.*.js", "/assets/site.*.css"]);
    for (const file of built) {
      const contents = await readFile(path.join(siteDir, file));
      const name = path.basename(file).replace(/\.[0-9a-f]{10}\./, ".");
      // The name is the hash of what the file holds: a changed file gets a new name.
      expect(path.basename(file)).toBe(hashedName(name, contents));
      // Minified: no comments, no indentation, a line or two.
      expect(contents.toString("utf8").trim().split("\n").length, file).toBeLessThanOrEqual(2);
      expect(contents.toString("utf8"), file).not.toMatch(/\n {2}|\/\*|^\s*\/\//m);
    }
  });
});

describe("the CMS page, /admin/", () => {
  it("is valid HTML, asks search engines not to index it, and is in neither the sitemap nor the search index", async () => {
    expect(await htmlProblems(path.join(siteDir, ADMIN))).toEqual([]);
    const doc = await readPage(siteDir, "/admin/");
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
    const sitemap = await readFile(path.join(siteDir, "sitemap.xml"), "utf8");
    expect(sitemap).toContain("<loc>");
    expect(sitemap).not.toContain("/admin");
    // Words the page holds (its title, in both languages) find no page of it.
    const search = await loadSearch(siteDir);
    for (const word of ["manager", "内容管理", "admin"]) expect((await search.search(word)).map((h) => h.url).filter((u) => u.includes("admin")), word).toEqual([]);
  });

  it("carries its own policy, first in <head>: code from the site alone, requests to the site and the git host's API only", async () => {
    const doc = await readPage(siteDir, "/admin/");
    const policy = contentSecurityPolicy(doc);
    expect(policy?.get("default-src")).toEqual(["'self'"]);
    // ajv, which Decap validates its configuration with, compiles schemas at run time; still no inline script.
    expect(policy?.get("script-src")).toEqual(["'self'", "'unsafe-eval'"]);
    expect(policy?.get("connect-src")).toEqual(["'self'", "https://api.github.com"]);
    expect(policy?.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(policy?.get("object-src")).toEqual(["'none'"]);
    expect(policy?.get("base-uri")).toEqual(["'self'"]);
    const first = doc.querySelector("head > :is(script, link, style, base)");
    expect(first?.compareDocumentPosition(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!)).toBe(2 /* PRECEDING */);
    expect(inlineCodeProblems(doc)).toEqual([]);
  });

  it("loads the CMS from files of the site named by the hash of what they hold, with its configuration in a data block", async () => {
    const doc = await readPage(siteDir, "/admin/");
    const own = [...doc.querySelectorAll('link[rel="stylesheet"], script[src]')].map((el) => el.getAttribute("href") ?? el.getAttribute("src")!);
    expect(own.some((url) => /^\/assets\/admin\.[0-9a-f]{10}\.js$/.test(url))).toBe(true);
    for (const url of own) {
      const contents = await readFile(path.join(siteDir, url));
      expect(path.basename(url)).toBe(hashedName(path.basename(url).replace(/\.[0-9a-f]{10}\./, "."), contents));
      expect(cacheControl(url.slice(1))).toBe(CACHE.immutable);
    }
    const data = JSON.parse(doc.querySelector("#cms-data")!.textContent!) as { config: { backend: { name: string }; local_backend?: unknown } };
    expect(data.config.backend.name).toBe("github");
    // A production build has no local backend: only `npm start` edits a working tree.
    expect(data.config.local_backend).toBeUndefined();
  });
});

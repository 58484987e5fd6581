// Every internal link, asset and #fragment in the built site resolves; the checker itself is
// proven on a fixture site broken on purpose.

import { describe, expect, inject, it } from "vitest";
import { buildTestSite, TEST_SITE_URL } from "./helpers/build.ts";
import { brokenReferences } from "./helpers/links.ts";
import { readSite } from "./helpers/site-snapshot.ts";

describe("the link checker", () => {
  it("finds each broken reference in a broken fixture site, and nothing else", async () => {
    const site = await readSite("tests/fixtures/broken-links");
    const found = brokenReferences(site, "https://site.example/qiao/").map((b) => [b.page, b.attribute, b.url, b.reason]);
    expect(found).toEqual([
      ["/index.html", "meta content", "https://site.example/qiao/assets/absent.png", "no file /assets/absent.png"],
      ["/index.html", "script src", "/qiao/assets/absent.js", "no file /assets/absent.js"],
      ["/index.html", "a href", "/qiao/missing/", "no file /missing/index.html"],
      ["/index.html", "a href", "#nowhere", 'no element with id "nowhere" on /index.html'],
      ["/index.html", "a href", "/qiao/ok/#gone", 'no element with id "gone" on /ok/index.html'],
      ["/index.html", "a href", "/elsewhere/", "outside the site's path /qiao/"],
      ["/index.html", "a href", "https://site.example/qiao/missing.html", "no file /missing.html"],
      ["/index.html", "img srcset", "assets/absent-2x.png", "no file /assets/absent-2x.png"],
      ["/ok/index.html", "a href", "../index.html#old-anchor", 'no element with id "old-anchor" on /index.html'],
    ]);
  });
});

describe("the built site", () => {
  it("has no broken internal link, asset or #fragment", async () => {
    const site = await readSite(inject("siteDir"));
    expect(site.pages.size).toBeGreaterThan(5);
    expect(brokenReferences(site, `${TEST_SITE_URL}/`)).toEqual([]);
  });
});

describe("a site built for a sub-path (a GitHub Pages project site)", () => {
  it("keeps every link, asset and fragment inside the prefix, and all of them resolve", async () => {
    const siteDir = await buildTestSite({ PATH_PREFIX: "/qiao/" });
    const site = await readSite(siteDir);
    expect(brokenReferences(site, `${TEST_SITE_URL}/qiao/`)).toEqual([]);
    // A root-relative URL outside the prefix would leave the project site.
    const outside: string[] = [];
    for (const [page, html] of site.pages) {
      for (const [, url] of html.matchAll(/\s(?:href|src|action|srcset|data-base)="(\/[^"]*)"/g)) {
        if (!url!.startsWith("/qiao/")) outside.push(`${page}: ${url}`);
      }
    }
    expect(outside).toEqual([]);
  });
});

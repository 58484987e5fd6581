// Gates every page of the built sample site passes: valid HTML, a Content-Security-Policy
// that allows no inline script, and nothing inline for that policy to refuse. Pages are
// listed from the build, so a new kind of page is checked the day it appears.

import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { readPage } from "./helpers/html.ts";
import { contentSecurityPolicy, htmlProblems, inlineCodeProblems } from "./helpers/page-checks.ts";
import { pagePaths, pageUrl } from "./helpers/site-snapshot.ts";

const siteDir = inject("siteDir");
const pages = pagePaths(siteDir);

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
    expect(policy?.get("object-src")).toEqual(["'none'"]);
    expect(policy?.get("base-uri")).toEqual(["'self'"]);
    // A meta policy governs only what follows it: nothing may load before it.
    const first = doc.querySelector("head > :is(script, link, style, base)");
    expect(first?.compareDocumentPosition(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!)).toBe(2 /* PRECEDING */);
  });

  it("has no inline script, event handler, inline style or script URL", async () => {
    expect(inlineCodeProblems(await readPage(siteDir, pageUrl(file)))).toEqual([]);
  });
});

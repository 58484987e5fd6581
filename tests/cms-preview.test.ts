// The CMS's preview pane draws an article as its page does: the same pairing, renderer,
// untranslated-paragraph notes, subheads and one-language column as the built page of every sample article, and,
// on a site under a path prefix (a GitHub Pages project site), its pictures where the site
// serves them. The pane is rendered by React, from an entry as Decap holds it.

import { readFileSync } from "node:fs";
import { fromJS } from "immutable";
import { parseHTML } from "linkedom";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, inject, it } from "vitest";
import site from "../src/config/site.ts";
import { articlePreview } from "../src/editor/cms/preview.ts";
import { readArticleFile } from "../src/editor/pairs/article-draft.ts";
import { loadArticles, readDefaults } from "../src/model/load-articles.ts";
import { isPublished } from "../src/site/publication.ts";
import { readPage, type Doc } from "./helpers/html.ts";
import { testOptions } from "./helpers/build.ts";

const siteDir = inject("siteDir");

/** The pane's markup for an article file, as Decap would draw it: Decap hands a picture it
 *  cannot find in the media library back as the path it was given. */
async function preview(file: string, pathPrefix = "/"): Promise<Doc> {
  const Preview = articlePreview({ columns: site.columns, defaults: await readDefaults("articles"), pathPrefix });
  const entry = fromJS({ data: readArticleFile(readFileSync(file, "utf8")) });
  const markup = renderToStaticMarkup(createElement(Preview, { entry, document: undefined as never, getAsset: (path: string) => path }));
  return parseHTML(`<!DOCTYPE html><html><body>${markup}</body></html>`).document;
}

/** What a reader sees of an article body, block by block: its classes, its paragraphs' languages
 *  and text, and a picture's alt text (the build turns pictures into <picture> elements). */
const blocks = (doc: Doc) =>
  [...doc.querySelectorAll(".article-body > div")].map((div) => ({
    className: div.getAttribute("class"),
    parts: [...div.children].map((el) => ({ lang: el.getAttribute("lang"), text: el.textContent?.replace(/\s+/g, " ").trim(), alt: el.querySelector("img")?.getAttribute("alt") })),
  }));

const shown = (doc: Doc, selector: string) => doc.querySelector(selector)?.textContent?.replace(/\s+/g, " ").trim();

describe("the CMS's preview pane", () => {
  it("draws every published sample article's headline, byline and body as its built page does", async () => {
    const { articles } = await loadArticles("articles", site.columns);
    const published = articles.filter((a) => isPublished(a, testOptions()));
    expect(published.length).toBeGreaterThan(30);
    let subheads = 0;
    let untranslated = 0;
    for (const article of published) {
      const [pane, page] = [await preview(article.file), await readPage(siteDir, article.url)];
      expect(blocks(pane), article.file).toEqual(blocks(page));
      expect(shown(pane, ".headline"), article.file).toBe(shown(page, ".headline"));
      expect(shown(pane, ".byline"), article.file).toBe(shown(page, ".byline"));
      // One column for an article in one language, pairs side by side for the others.
      expect(pane.querySelector("article")?.getAttribute("class"), article.file).toBe(page.querySelector("article")?.getAttribute("class"));
      subheads += pane.querySelectorAll(".subhead").length;
      untranslated += pane.querySelectorAll(".lang-note").length;
    }
    // The comparison covered the kinds of block that are easy to get wrong.
    expect(subheads).toBeGreaterThan(0);
    expect(untranslated).toBeGreaterThan(0);
  });

  it("sets an article in one language as one column with no untranslated notes, as its page does", async () => {
    // English text with a bilingual subhead and a bilingual caption: still an English story.
    const english = await preview("tests/fixtures/one-language/2024-05-10-river-path-reopens.md");
    expect(english.querySelector("article")?.getAttribute("class")).toBe("article one-language one-language-en");
    expect(english.querySelectorAll(".pair").length).toBe(2);
    expect(english.querySelectorAll(".lang-note").length).toBe(0);
    const chinese = await preview("tests/fixtures/one-language/2024-05-11-library-night-hours.md");
    expect(chinese.querySelector("article")?.getAttribute("class")).toBe("article one-language one-language-zh");
  });

  it("shows pictures, the lead image and those in the body, where a site under a path prefix serves them", async () => {
    const lead = await preview("articles/2025-02-12-lantern-festival.md", "/qiao/");
    expect(lead.querySelector(".lead-image img")?.getAttribute("src")).toBe("/qiao/assets/images/sample/lantern-show.jpg");
    const body = await preview("articles/2023-07-15-heat-wave-two-weeks.md", "/qiao/");
    expect([...body.querySelectorAll(".article-body img")].map((img) => img.getAttribute("src"))).toEqual(["/qiao/assets/images/sample/heat-wave-july-2023.png"]);
    const unprefixed = await preview("articles/2023-07-15-heat-wave-two-weeks.md");
    expect(unprefixed.querySelector(".article-body img")?.getAttribute("src")).toBe("/assets/images/sample/heat-wave-july-2023.png");
  });
});

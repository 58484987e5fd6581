// What a reader's browser downloads to answer a first query: a fresh Chromium opens the
// search page with `?q=` and everything it fetches besides the page itself (its HTML,
// stylesheet and images) is counted until the results show: our scripts, pagefind.js, the
// WebAssembly, the index metadata and chunks, the result fragments and, for Chinese, the
// table of traditional characters (and the converter, for a query that has one).

import type { Browser } from "playwright-core";

export interface FirstQuery {
  bytes: number;
  /** Bytes per kind of file (by extension), to see where they go. */
  byKind: Record<string, number>;
  /** Every file fetched, as a path on the site. */
  paths: string[];
}

/** Scripts, Pagefind's entry JSON, WebAssembly and index files; not the page, its stylesheet
 *  or its images. */
const COUNTED = /\.(pf_\w+|pagefind|js|json)$/;

export async function firstQueryBytes(browser: Browser, origin: string, query: string): Promise<FirstQuery> {
  const context = await browser.newContext(); // an empty cache, as on a first visit
  const counted: Promise<void>[] = [];
  const result: FirstQuery = { bytes: 0, byKind: {}, paths: [] };
  context.on("response", (response) => {
    const { pathname } = new URL(response.url());
    const kind = pathname.match(COUNTED)?.[1];
    if (!kind) return;
    counted.push(
      response.body().then((body) => {
        result.bytes += body.length;
        result.paths.push(pathname);
        result.byKind[kind] = (result.byKind[kind] ?? 0) + body.length;
      }),
    );
  });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    await page.locator("#search-results li").first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    await Promise.all(counted);
    return result;
  } finally {
    await context.close();
  }
}

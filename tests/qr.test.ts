// Every article's QR code, exactly as it ships, decodes to the article's canonical URL.

import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, inject, it } from "vitest";
import { cachedQrSvg, qrCacheKey } from "../src/features/qr/cache.ts";
import { QR_DEFAULTS, qrSvg } from "../src/features/qr/qr.ts";
import { buildTestSite, tempDir, TEST_SITE_URL } from "./helpers/build.ts";
import { readPage, type Doc } from "./helpers/html.ts";
import { jsQR } from "./helpers/read-qr.ts";
import { pagePaths, pageUrl } from "./helpers/site-snapshot.ts";

/** Rasterises an SVG the way a screen would and reads it the way a phone would. */
function decode(svg: string): string | undefined {
  const png = new Resvg(svg, { fitTo: { mode: "width", value: 400 } }).render();
  const code = jsQR(new Uint8ClampedArray(png.pixels), png.width, png.height);
  return code?.data;
}

function articlePages(siteDir: string): string[] {
  return pagePaths(siteDir)
    .filter((p) => /^\/[^/]+\/\d{8}\/[^/]+\/index\.html$/.test(p))
    .map(pageUrl);
}

function shippedQr(doc: Doc): string {
  const svg = doc.querySelector(".qr .qr-code svg");
  expect(svg, "the page has a QR code").not.toBeNull();
  return svg!.outerHTML;
}

async function expectEveryQrDecodes(siteDir: string, canonicalBase: string) {
  const pages = articlePages(siteDir);
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) {
    const doc = await readPage(siteDir, page);
    expect(decode(shippedQr(doc)), page).toBe(new URL(page.slice(1), canonicalBase).href);
  }
}

describe("QR codes on article pages", () => {
  it("decode to each sample article's canonical URL", async () => {
    await expectEveryQrDecodes(inject("siteDir"), `${TEST_SITE_URL}/`);
  });

  it("sit behind a labelled Scan QR Code · 扫码阅读 control", async () => {
    const doc = await readPage(inject("siteDir"), "/news/20240614/blood-donor-day/");
    expect(doc.querySelector(".qr summary")!.textContent).toMatch(/Scan QR Code\s+扫码阅读/);
    expect(doc.querySelector(".qr .qr-code")!.getAttribute("role")).toBe("img");
    expect(doc.querySelector(".qr .qr-code")!.getAttribute("aria-label")).toMatch(/QR code/);
  });

  it("include the path prefix of a sub-path deploy", async () => {
    const siteDir = await buildTestSite({ PATH_PREFIX: "/qiao/" });
    await expectEveryQrDecodes(siteDir, `${TEST_SITE_URL}/qiao/`);
  });

  it("refuse a production build without an absolute site URL, before writing anything", async () => {
    await expect(buildTestSite({ SITE_URL: "news.example.org" })).rejects.toThrow(
      /"news.example.org" must be an absolute http\(s\) URL/,
    );
  });

  it("percent-encode a Chinese slug", async () => {
    const siteDir = await buildTestSite({ QIAO_ARTICLES_DIR: "tests/fixtures/qr" });
    const doc = await readPage(siteDir, "/news/20200501/郑州献血/");
    expect(decode(shippedQr(doc))).toBe(`${TEST_SITE_URL}/news/20200501/%E9%83%91%E5%B7%9E%E7%8C%AE%E8%A1%80/`);
  });
});

describe("the QR cache", () => {
  it("makes a code once and reuses it", async () => {
    const dir = await tempDir();
    const url = "https://news.example.org/a/";
    const first = cachedQrSvg(url, dir, QR_DEFAULTS);
    const file = path.join(dir, `${qrCacheKey(url, QR_DEFAULTS)}.svg`);
    expect(await readFile(file, "utf8")).toBe(first);
    // A planted entry is served as is: proof the cache is read, not regenerated.
    const planted = first.replace("<svg", '<svg data-from-cache=""');
    await writeFile(file, planted);
    expect(cachedQrSvg(url, dir, QR_DEFAULTS)).toBe(planted);
  });

  it("keys entries by URL and options", () => {
    const url = "https://news.example.org/a/";
    expect(qrCacheKey(url, QR_DEFAULTS)).not.toBe(qrCacheKey(url, { ...QR_DEFAULTS, errorCorrectionLevel: "H" }));
    expect(qrCacheKey(url, QR_DEFAULTS)).not.toBe(qrCacheKey(`${url}b/`, QR_DEFAULTS));
    expect(decode(qrSvg(url, { ...QR_DEFAULTS, errorCorrectionLevel: "H" }))).toBe(url);
  });
});

// A site URL that cannot be where readers find the site (the sample's .example address,
// localhost, the reserved test domains) never reaches readers: the build says so plainly and
// npm run deploy refuses to publish what it built.

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isPlaceholderUrl } from "../src/config/build-options.ts";
import site from "../src/config/site.ts";
import { buildTestSite, tempDir } from "./helpers/build.ts";

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(SITE_URL|PATH_PREFIX|QIAO_)/.test(key)));
  return spawnSync(process.execPath, ["--import", "tsx", script, ...args], { encoding: "utf8", env: { ...clean, ...env } });
}

describe("placeholder site URLs", () => {
  it("are the reserved example and test domains and this machine, not real domains", () => {
    for (const url of [site.url, "https://example.com", "https://news.example.org", "https://a.test", "https://x.invalid", "http://localhost:8080", "http://127.0.0.1:3000", "http://[::1]:8080"]) {
      expect(isPlaceholderUrl(url), url).toBe(true);
    }
    for (const url of ["https://english.zhengzhou.gov.cn", "https://exampleco.com", "https://news.examples.org", "https://test.com"]) {
      expect(isPlaceholderUrl(url), url).toBe(false);
    }
  });

  it("make a production build say plainly that its links lead nowhere, and how to set the URL", async () => {
    const out = path.join(await tempDir(), "site");
    const result = run("scripts/build.ts", ["--out", out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(`The site URL ${site.url} is a placeholder`);
    expect(result.stderr).toContain("SITE_URL=https://");
    expect(result.stderr).toContain("npm run deploy refuses to publish it");
  });

  it("are refused by npm run deploy, which names the fix and changes nothing", async () => {
    const built = await buildTestSite(); // the tests' site URL is news.example.org
    const target = path.join(await tempDir(), "public");
    const result = run("scripts/deploy.ts", [target, "--site", built]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Not deployed: The site URL https://news.example.org is a placeholder");
    expect(result.stderr).toContain("SITE_URL=https://your.domain");
    expect(existsSync(target)).toBe(false);
  });

  it("let npm run deploy publish a build with a real address", async () => {
    const built = await buildTestSite({ SITE_URL: "https://english.zhengzhou.gov.cn" });
    const target = path.join(await tempDir(), "public");
    const result = run("scripts/deploy.ts", [target, "--site", built]);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(path.join(target, "index.html"))).toBe(true);
  });

  it("and a preview build is refused too: it holds drafts and scheduled articles", async () => {
    const built = await buildTestSite({ SITE_URL: "https://english.zhengzhou.gov.cn", QIAO_ENV: "development" });
    const result = run("scripts/deploy.ts", [path.join(await tempDir(), "public"), "--site", built]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("this is a preview build");
  });
});

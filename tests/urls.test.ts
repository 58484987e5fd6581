import { describe, expect, it } from "vitest";
import { checkSiteUrl, optionsFromEnv, type Env } from "../src/config/build-options.ts";
import { absoluteUrl } from "../src/site/urls.ts";

const buildOptionsFromEnv = (env: Env, url: string | undefined) => optionsFromEnv(env, { url: url ?? "" }, { production: false });

describe("canonical URLs", () => {
  it("joins site URL, path prefix and permalink", () => {
    expect(absoluteUrl("/news/20250301/a/", { siteUrl: "https://x.org", pathPrefix: "/qiao/" })).toBe(
      "https://x.org/qiao/news/20250301/a/",
    );
    expect(absoluteUrl("/", { siteUrl: "https://x.org", pathPrefix: "/" })).toBe("https://x.org/");
  });
  it("percent-encodes a Chinese slug", () => {
    expect(absoluteUrl("/news/20250301/献血/", { siteUrl: "https://x.org", pathPrefix: "/" })).toBe(
      "https://x.org/news/20250301/%E7%8C%AE%E8%A1%80/",
    );
  });
});

describe("site URL", () => {
  it("refuses a production build with a missing or relative site URL", () => {
    expect(() => buildOptionsFromEnv({ QIAO_ENV: "production" }, undefined)).toThrow(/site URL is missing/);
    expect(() => buildOptionsFromEnv({ QIAO_ENV: "production", SITE_URL: "news.example.org" }, undefined)).toThrow(
      /"news.example.org" must be an absolute http\(s\) URL/,
    );
  });
  it("lets SITE_URL override site data and drops a trailing slash", () => {
    expect(buildOptionsFromEnv({ QIAO_ENV: "production", SITE_URL: "https://a.org/" }, "https://b.org").siteUrl).toBe(
      "https://a.org",
    );
  });
  it("wants the sub-path in PATH_PREFIX, not in the URL", () => {
    expect(() => checkSiteUrl("https://a.org/qiao")).toThrow(/PATH_PREFIX/);
  });
  it("gives a preview its own address, on the port it serves", () => {
    expect(buildOptionsFromEnv({ QIAO_ENV: "development" }, undefined).siteUrl).toBe("http://localhost:8080");
    expect(optionsFromEnv({}, { url: "https://b.org" }, { production: false, previewPort: 8081 }).siteUrl).toBe("http://localhost:8081");
  });
});

// The CMS's parts that need no browser: its configuration is the model's schema and the
// site's columns (never a second list), its page's policy names only what the chosen git host
// needs, the local backend's guard lets in this machine's own pages only, and the date field
// means Beijing time whatever the browser's clock.

import { fromJS, type List, type Map as ImmutableMap } from "immutable";
import { describe, expect, it } from "vitest";
import type { CmsSettings } from "../src/config/cms.ts";
import cms from "../src/config/cms.ts";
import site from "../src/config/site.ts";
import { adminPolicy, decapConfig, KEY_OPTION, type DecapField } from "../src/editor/cms/config.ts";
import { refusal, type RequestFacts } from "../src/editor/cms/request-guard.ts";
import { dateFieldValue, dateInputValue, objectFieldAsShown } from "../src/editor/cms/widgets.ts";
import { FRONT_MATTER_KEYS } from "../src/model/front-matter.ts";

const config = (localBackend = false) =>
  decapConfig({ site, cms, articlesDir: "articles", defaults: { source: "郑州之窗" }, localBackend, siteUrl: "https://news.example.org/" });
const fields = () => config().collections[0]!.fields as DecapField[];
const keys = (list: readonly DecapField[]): string[] => list.flatMap((f) => [f[KEY_OPTION], ...keys(f.fields ?? [])]);

describe("the CMS's configuration", () => {
  it("has a form field for every front-matter key of the model's schema, in its order, then the body", () => {
    expect(fields().map((f) => f.name)).toEqual([...FRONT_MATTER_KEYS, "body"]);
    expect(keys(fields())).toEqual(["title", "title.en", "title.zh", "kicker", "column", "date", "source", "credits", "tags", "summary", "summary.en", "summary.zh", "image", "image.src", "image.alt", "image.caption", "draft", "slug", "body"]);
  });

  it("marks required what the schema requires, unless the folder defaults fill it", () => {
    const required = Object.fromEntries(fields().map((f) => [f.name, f.required]));
    expect(required).toMatchObject({ title: true, column: true, date: true, source: false, kicker: false, tags: false, draft: false, image: false });
    const image = fields().find((f) => f.name === "image")!.fields!;
    expect(Object.fromEntries(image.map((f) => [f.name, f.required]))).toEqual({ src: true, alt: true, caption: false });
  });

  it("requires a lead image's picture and alt text only once the editor gives the lead image something", () => {
    const image = fromJS(fields().find((f) => f.name === "image")) as ImmutableMap<string, unknown>;
    const required = (value?: object) => (objectFieldAsShown(image, value && fromJS(value)).get("fields") as List<ImmutableMap<string, unknown>>).map((f) => f.get("required")).toJS();
    expect(required()).toEqual([false, false, false]);
    expect(required({ src: "", alt: "  " })).toEqual([false, false, false]);
    expect(required({ alt: "Buses in the depot" })).toEqual([true, true, false]);
    // A field the schema requires outright is left as it is.
    const title = fromJS(fields().find((f) => f.name === "title")) as ImmutableMap<string, unknown>;
    expect(objectFieldAsShown(title, undefined)).toBe(title);
  });

  it("offers the site's columns as a choice, by key, named in both languages", () => {
    const column = fields().find((f) => f.name === "column")!;
    expect(column.options).toEqual(Object.entries(site.columns).map(([value, names]) => ({ value, label: `${names.en} · ${names.zh}` })));
  });

  it("saves articles in the articles folder and media in assets/images, and edits a working tree only under npm start", () => {
    const built = config();
    expect(built.collections[0]!.folder).toBe("articles");
    expect([built.media_folder, built.public_folder]).toEqual(["assets/images", "/assets/images"]);
    expect("local_backend" in built).toBe(false);
    expect(config(true)).toMatchObject({ local_backend: { url: "api/v1" } });
  });
});

describe("the admin page's Content-Security-Policy", () => {
  const connect = (settings: CmsSettings, local = false) => /connect-src ([^;]+)/.exec(adminPolicy(settings, local))![1];

  it("lets the page talk to itself and the chosen git host's API, and nothing else", () => {
    expect(connect(cms)).toBe("'self' https://api.github.com");
    expect(connect(cms, true)).toBe("'self'");
    const gitea: CmsSettings = { ...cms, backend: { name: "gitea", repo: "news/site", branch: "main", baseUrl: "https://git.example.org", apiRoot: "https://git.example.org/api/v1", appId: "x", authType: "pkce" } };
    expect(connect(gitea)).toBe("'self' https://git.example.org");
    expect(connect({ ...cms, backend: { name: "gitlab", repo: "news/site", branch: "main" } })).toBe("'self' https://gitlab.com");
  });

  it("runs no script from anywhere but the site, and none inline", () => {
    expect(adminPolicy(cms, false)).toContain("script-src 'self' 'unsafe-eval';");
    expect(adminPolicy(cms, false)).not.toMatch(/script-src[^;]*(?:unsafe-inline|https?:)/);
  });
});

describe("the local backend's guard", () => {
  const own: RequestFacts = { remoteAddress: "127.0.0.1", localPort: 8080, host: "localhost:8080", origin: "http://localhost:8080", secFetchSite: "same-origin", forwardedFor: undefined };

  it("lets in the preview's own pages on this machine", () => {
    expect(refusal(own)).toBeUndefined();
    expect(refusal({ ...own, remoteAddress: "::1", host: "[::1]:8080", origin: "http://[::1]:8080" })).toBeUndefined();
    expect(refusal({ ...own, remoteAddress: "::ffff:127.0.0.1", host: "127.0.0.1:8080", origin: undefined, secFetchSite: undefined })).toBeUndefined();
  });

  it("refuses another machine, whatever it claims to be", () => {
    for (const remoteAddress of ["192.168.1.20", "10.0.0.5", "::ffff:172.16.0.9", "203.0.113.7", "fe80::1", undefined]) {
      expect(refusal({ ...own, remoteAddress }), String(remoteAddress)).toMatch(/answers this machine only/);
    }
    // A tunnel or proxy on this machine (ngrok, cloudflared) relays requests from anywhere.
    expect(refusal({ ...own, host: "localhost:8080", origin: undefined, forwardedFor: "203.0.113.7" })).toMatch(/relayed for 203.0.113.7/);
  });

  it("refuses a request named for another host (DNS rebinding), another port, or from another site's page", () => {
    expect(refusal({ ...own, host: "evil.example:8080" })).toMatch(/localhost:8080 only/);
    expect(refusal({ ...own, host: "localhost:9999" })).toMatch(/localhost:8080 only/);
    expect(refusal({ ...own, host: "localhost" })).toMatch(/localhost:8080 only/);
    expect(refusal({ ...own, host: undefined })).toMatch(/localhost:8080 only/);
    expect(refusal({ ...own, origin: "http://evil.example" })).toMatch(/own pages only/);
    expect(refusal({ ...own, origin: "https://localhost:8080" })).toMatch(/own pages only/);
    expect(refusal({ ...own, origin: "null" })).toMatch(/own pages only/);
    expect(refusal({ ...own, origin: undefined, secFetchSite: "cross-site" })).toMatch(/Sec-Fetch-Site/);
  });
});

describe("the date field", () => {
  it("shows Beijing's wall clock and writes what it shows, in any time zone", () => {
    expect(dateInputValue("2025-02-12 22:15")).toBe("2025-02-12T22:15:00");
    expect(dateInputValue("2021-01-05T01:49:56Z")).toBe("2021-01-05T09:49:56");
    expect(dateInputValue("not a date")).toBe("");
    expect(dateFieldValue("2025-02-12T22:15")).toBe("2025-02-12 22:15:00");
    expect(dateFieldValue("2025-02-12T22:15:07")).toBe("2025-02-12 22:15:07");
    expect(dateFieldValue("")).toBe("");
  });
});

// What goes into the search indexes: each language's text in its own record, and only the
// metadata the results page shows.

import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import site from "../src/config/site.ts";
import { parseArticle } from "../src/model/article.ts";
import { SEARCH_DIRS } from "../src/features/search/bundles.ts";
import { hanRuns, latinRuns, searchRecords } from "../src/features/search/records.ts";

function recordsOf(front: string, body: string) {
  const { article, problems } = parseArticle(`---\n${front}\ncolumn: news\ndate: 2021-01-05 09:49:56\nsource: 郑州之窗\n---\n\n${body}\n`, "a.md", { columns: site.columns });
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  const [en, zh] = searchRecords(article!);
  return { en: en!, zh: zh! };
}

describe("search records", () => {
  it("put every Han character of the article in the Chinese record, so a Chinese query needs no other index", () => {
    const { en, zh } = recordsOf(
      "title:\n  en: The 郑州之窗 portal\n  zh: 郑州之窗\nkicker: 郑州发布",
      "Readers of the portal 郑州之窗 wrote in from all over the city, and from 洛阳.\n\n读者来信。",
    );
    expect(zh.content.split("\n")).toEqual(["郑州之窗", "读者来信。", "郑州之窗", "郑州发布", "郑州之窗", "洛阳"]);
    expect(zh.content).not.toMatch(/\p{Script=Latin}/u);
    expect(en.content).toContain("Readers of the portal 郑州之窗 wrote in");
    expect(en.content).toContain("zhengzhou"); // pinyin of the Chinese headline
  });

  it("put the English inside Chinese text in the English record, so an English query needs no other index", () => {
    const { en } = recordsOf("title:\n  zh: 郑州开通5G网络", "郑州开通5G网络和APP服务,Zhengzhou Metro 也已覆盖。");
    expect(en.content.split("\n").slice(0, 4)).toEqual(["5G", "5G", "APP", "Zhengzhou Metro"]);
  });

  it("keep a subhead's words, as text in its language's record", () => {
    const { en, zh } = recordsOf("title:\n  en: Night shift\n  zh: 夜班", "## Every bus, *every* night\n\n## 每一辆车，每一个夜晚\n\nThe crew checks each bus.\n\n维修工逐车检查。");
    expect(en.content.split("\n").slice(0, 3)).toEqual(["Night shift", "Every bus, every night", "The crew checks each bus."]);
    expect(zh.content.split("\n").slice(0, 3)).toEqual(["夜班", "每一辆车，每一个夜晚", "维修工逐车检查。"]);
  });

  it("carry only the fields the results page shows, and no sort", () => {
    const { en, zh } = recordsOf("title:\n  en: Blood donors\n  zh: 献血者\nkicker: Zheng Energy", "Donors gave blood.\n\n献血者献血。");
    expect(en.meta).toEqual({ title_en: "Blood donors", title_zh: "献血者", kicker: "Zheng Energy", kicker_lang: "en", column_key: "news", date: "2021-01-05", lang: "en" });
    expect(zh.meta).toEqual({ ...en.meta, lang: "zh" });
    expect(Object.keys(en)).toEqual(["url", "meta", "language", "content"]);
  });

  it("find one script's runs inside the other's text", () => {
    expect(hanRuns("the 郑州之窗 portal, 2021年: the “二七塔”。")).toEqual(["郑州之窗", "年", "二七塔"]);
    expect(hanRuns("no Chinese here")).toEqual([]);
    expect(latinRuns("开通5G网络和APP服务,Zhengzhou Metro 也已覆盖,2021年。")).toEqual(["5G", "APP", "Zhengzhou Metro"]);
  });
});

describe("the built search bundles", () => {
  it("hold what the search page loads (pagefind.js once), not Pagefind's own UIs or its unused worker", () => {
    const files = (dir: string) => readdirSync(path.join(inject("siteDir"), dir)).filter((f) => !["fragment", "index"].includes(f));
    expect(files(SEARCH_DIRS.en).map((f) => f.replace(/_\w+\.pf_meta$/, "_*.pf_meta")).sort()).toEqual(["pagefind-entry.json", "pagefind.en_*.pf_meta", "pagefind.js", "wasm.en.pagefind"]);
    expect(files(SEARCH_DIRS.zh).map((f) => f.replace(/_\w+\.pf_meta$/, "_*.pf_meta")).sort()).toEqual(["pagefind-entry.json", "pagefind.zh-cn_*.pf_meta", "wasm.unknown.pagefind"]);
  });
});

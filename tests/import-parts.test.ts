// The importer's reading of a page's parts, on lines other than the fixtures' own: the rules
// follow the forms the channel uses (丨, ▲, 摄影, "Photo by"), never particular words.

import { describe, expect, it } from "vitest";
import site from "../src/config/site.ts";
import { parseArticle } from "../src/model/article.ts";
import { beijingIso } from "../src/model/dates.ts";
import { importedArticleText } from "../src/editor/import/article-file.ts";
import { isGlossedLabel, isSentencePair, lineLanguage, splitBilingual } from "../src/editor/import/bilingual-line.ts";
import { lineRole, repeatedLines } from "../src/editor/import/captions.ts";
import { parseChannelDump } from "../src/editor/import/channel-dump.ts";
import { dateFromFileName } from "../src/editor/import/file-date.ts";
import { claimFileName, newClaims } from "../src/editor/import/file-names.ts";
import { splitHeadline } from "../src/editor/import/headline.ts";
import { dumpLines } from "../src/editor/import/lines.ts";
import { pageParts, readTimestamp, relatedKickers } from "../src/editor/import/page.ts";

const HEADERS = Object.values(site.columns).flatMap((c) => [c.en, c.zh]);

describe("a headline line", () => {
  it.each([
    ["丨 without spaces", "Henan Culture丨老城墙下的书市", "Henan Culture", { zh: "老城墙下的书市" }],
    ["丨 after a space", "Henan Culture 丨老城墙下的书市", "Henan Culture", { zh: "老城墙下的书市" }],
    ["an ASCII bar", "Henan Culture | 老城墙下的书市", "Henan Culture", { zh: "老城墙下的书市" }],
    ["a lower-case kicker, kept as written", "henan culture丨老城墙下的书市", "henan culture", { zh: "老城墙下的书市" }],
    ["a known kicker and a space", "Zheng Energy 老城墙下的书市", "Zheng Energy", { zh: "老城墙下的书市" }],
    ["an English headline after 丨", "Zheng Energy丨Book Market Returns to the Old Wall", "Zheng Energy", { en: "Book Market Returns to the Old Wall" }],
  ])("splits kicker and headline joined by %s", (_, line, kicker, title) => {
    expect(splitHeadline(line, site.kickers)).toEqual({ kicker, title, guessedKicker: false });
  });

  it("reads 'English title 中文标题' as the headline in both languages", () => {
    expect(splitHeadline("Night Buses Return to Six Routes 六条夜班公交线路恢复运营", site.kickers)).toEqual({
      title: { en: "Night Buses Return to Six Routes", zh: "六条夜班公交线路恢复运营" },
      guessedKicker: false,
    });
  });

  it("takes a few unknown English words before a Chinese headline for a kicker, and says it guessed", () => {
    expect(splitHeadline("Henan Culture 老城墙下的书市", site.kickers)).toEqual({
      kicker: "Henan Culture",
      title: { zh: "老城墙下的书市" },
      guessedKicker: true,
    });
    expect(splitHeadline("Henan Culture 老城墙下的书市", ["Henan Culture"]).guessedKicker).toBe(false);
  });

  it("does not cut a known kicker off an English headline that starts with the same words", () => {
    expect(splitHeadline("Zhengzhou International Airport Opens a Third Runway", site.kickers)).toEqual({
      title: { en: "Zhengzhou International Airport Opens a Third Runway" },
      guessedKicker: false,
    });
  });
});

describe("the source and timestamp line", () => {
  it.each([
    ["郑州日报2020-01-02 08:00:05", "郑州日报", "2020-01-02T08:00:05+08:00"],
    ["Zhengzhou Daily 2020-01-02 08:00", "Zhengzhou Daily", "2020-01-02T08:00:00+08:00"],
    ["来源：郑州晚报 2020/1/2", "郑州晚报", "2020-01-02T00:00:00+08:00"],
    ["2020年1月2日 08:00", undefined, "2020-01-02T08:00:00+08:00"],
    ["来源：郑州日报 发布时间：2020-01-02 08:00", "郑州日报", "2020-01-02T08:00:00+08:00"],
  ])("reads %s", (line, source, iso) => {
    const stamp = readTimestamp(line)!;
    expect(stamp.source).toBe(source);
    expect(beijingIso(stamp.date)).toBe(iso);
  });

  it("does not take a sentence that ends with a date, or an impossible date, for one", () => {
    expect(readTimestamp("The exhibition runs until 2021-03-01")).toBeUndefined();
    expect(readTimestamp("郑州之窗2021-02-30 10:00")).toBeUndefined();
  });
});

describe("the page around the body", () => {
  const parts = (text: string) => pageParts(dumpLines(text), HEADERS);

  it("skips the QR pop-up, its close button and blank-looking lines before the headline", () => {
    const page = parts("• Scan QR Code\n\u00a0\n\t\u00a0 ×Close\n\u3000\n×\n\nZheng Energy丨标题\n郑州之窗2020-01-02 08:00\nText.");
    expect(page.headline?.text).toBe("Zheng Energy丨标题");
    expect(page.body.map((l) => l.text)).toEqual(["Text."]);
  });

  it.each(["Zhengzhou Release", "Zhengzhou Vision more", "ZHENGZHOU RELEASE More>>", "郑州发布 | 更多+"])(
    "ends the body at a related block headed %s",
    (header) => {
      const page = parts(`Title\n2020-01-02\nText.\n${header}\nZhengzhou International 郑州新闻\nA summary cut mi`);
      expect(page.body.map((l) => l.text)).toEqual(["Text."]);
      expect(relatedKickers(page.related)).toEqual(["Zhengzhou International"]);
    },
  );

  it("takes a line between headline and timestamp in the headline's other language for its title", () => {
    const dump = (between: string) => parseChannelDump(`Night Buses Return\n${between}\n郑州之窗2020-01-02 08:00\nText.`, { kickers: [], relatedHeaders: HEADERS });
    expect(dump("夜班公交恢复运营").title).toEqual({ en: "Night Buses Return", zh: "夜班公交恢复运营" });
    // A sentence there is text, and stays in the body.
    const sentence = dump("记者从市公交集团获悉,六条夜班线路恢复运营。");
    expect(sentence.title).toEqual({ en: "Night Buses Return" });
    expect(sentence.blocks[0]).toEqual({ kind: "single", lang: "zh", text: "记者从市公交集团获悉,六条夜班线路恢复运营。" });
  });

  it("never takes the pop-up's lines for text, wherever the copy put them", () => {
    const page = parts("Zheng Energy丨标题\n×Close\n郑州之窗2020-01-02 08:00\nText.\n• Scan QR Code\nMore text.");
    expect(page.belowHeadline).toEqual([]);
    expect(page.body.map((l) => l.text)).toEqual(["Text.", "More text."]);
  });

  it("reads a page with no timestamp as headline and body", () => {
    const page = parts("标题\nFirst.\n第一。");
    expect(page.headline?.text).toBe("标题");
    expect(page.timestamp).toBeUndefined();
    expect(page.body.map((l) => l.text)).toEqual(["First.", "第一。"]);
  });
});

describe("caption and credit lines", () => {
  it.each([
    ["▲ 市民在湖边观灯。", "caption"],
    ["△ Workers check the lights.", "caption"],
    ["图为志愿者在社区服务站为老人理发。", "caption"],
    ["The photo shows the new bridge at dusk.", "caption"],
    ["市民在公园赏花。(记者 王小明 摄)", "caption"],
    ["Residents plant trees along the river. (Photo by Zhou Lin)", "caption"],
    ["记者 王小明 摄", "photo-credit"],
    ["王小明/摄影", "photo-credit"],
    ["金水区文化馆供图", "photo-credit"],
    ["Photo/ Zhou Lin", "photo-credit"],
    ["Photo by Zhou Lin", "photo-credit"],
    ["(Photo: Zhou Lin)", "photo-credit"],
    ["图/记者 王小明", "photo-credit"],
    ["(记者 王小明 通讯员 李方/文)", "credits"],
    ["【责任编辑：李方】", "credits"],
    ["责任编辑：李方", "credits"],
    ["Translated by Zhou Lin", "credits"],
    ["[图片]", "placeholder"],
  ])("%s is a %s line", (line, role) => {
    expect(lineRole(line)).toBe(role);
  });

  it.each([
    "本次摄影展共展出作品200幅,展期持续到下月底。",
    "The photographer, Zhou Lin, has worked for the paper for twenty years.",
    "他说:“这张老照片是我父亲拍的,那时候还没有彩色胶卷,都要自己冲洗。”记者看到,照片已经发黄,边角也磨损了,但画面里的二七塔依然清晰可辨,塔下的行人穿着当年流行的中山装",
  ])("body text that speaks of photos stays body text: %s", (line) => {
    expect(lineRole(line)).toBeNull();
  });

  it("takes a line a page repeats three times, or a short label it repeats twice, for a credit", () => {
    const lines = ["Text one.", "记者 王小明 摄影", "Text two.", "记者 王小明 摄影", "新华社", "新华社", "新华社", "He said yes.", "He said yes."];
    expect([...repeatedLines(lines)].sort()).toEqual(["新华社", "记者 王小明 摄影"]);
  });
});

describe("a line holding English and Chinese", () => {
  it.each([
    ["after a space", "Tickets are free. 门票免费。", { en: "Tickets are free.", zh: "门票免费。" }],
    ["with no space", "Tickets are free.门票免费。", { en: "Tickets are free.", zh: "门票免费。" }],
    ["where the Chinese starts with digits", "The walk was held on May 5. 5月5日举行了徒步活动。", { en: "The walk was held on May 5.", zh: "5月5日举行了徒步活动。" }],
    ["where the Chinese starts with a quotation mark", "\"We are ready,\" she said. “我们准备好了。”她说。", { en: "\"We are ready,\" she said.", zh: "“我们准备好了。”她说。" }],
  ])("is split where the Chinese begins, %s", (_, line, halves) => {
    expect(splitBilingual(line)).toEqual(halves);
  });

  it("is not split when the Chinese is a name inside English, or the English a name inside Chinese", () => {
    expect(splitBilingual("Mr. Liu (刘先生) donated stem cells at the Provincial Cancer Hospital.")).toBeNull();
    expect(splitBilingual("省红十字血液中心联合 Henan Red Cross Blood Center 开展献血活动。")).toBeNull();
  });

  it("keeps a bracketed aside with its line: a name with its title in Chinese is one English line", () => {
    for (const line of ["Ruth Okafor (航空经济专家)", "Ruth Okafor （航空经济专家）", "Ruth Okafor, the airport's economist 【航空经济专家】"]) {
      expect(splitBilingual(line), line).toBeNull();
      expect(lineLanguage(line), line).toBe("en");
    }
    expect(splitBilingual("Ruth Okafor (航空经济专家) expects more cargo flights next year. 她预计明年货运航班会更多。")).toEqual({
      en: "Ruth Okafor (航空经济专家) expects more cargo flights next year.",
      zh: "她预计明年货运航班会更多。",
    });
    expect(lineLanguage("造血干细胞（hematopoietic stem cells, HSC）捐献")).toBe("zh");
  });

  it("is split after a bracket that never closes: it is no aside", () => {
    expect(splitBilingual("Queues formed early (some from 6 a.m. Tickets sold out by noon. 门票中午前售罄。")).toEqual({
      en: "Queues formed early (some from 6 a.m. Tickets sold out by noon.",
      zh: "门票中午前售罄。",
    });
  });

  it("takes a name glossed in the other script, on its own line, for a label that pairs with nothing", () => {
    expect(["Wang Lei (防汛工程师)", "王磊（flood engineer）", "Zhou Min （社区网格员）:"].map(isGlossedLabel)).toEqual([true, true, true]);
    expect(["Mr. Liu (刘先生) donated stem cells.", "Wang Lei (Beijing)", "Wang Lei", "(防汛工程师)"].map(isGlossedLabel)).toEqual([false, false, false, false]);
    const dump = "Flood drill丨防汛演练\n\nWang Lei (防汛工程师)\n\n\"Every drain we clear now is water that will not stand in the streets,\" Wang said.\n\n“现在每疏通一条管道，街上就少一处积水，”王磊说。";
    const got = parseChannelDump(dump, { kickers: [], relatedHeaders: HEADERS, date: new Date() });
    expect(got.blocks.map((b) => b.kind)).toEqual(["single", "pair"]);
    expect(got.warnings.filter((w) => w.kind === "pairing unsure")).toEqual([]);
  });

  it("tells a sentence pair from a bilingual label", () => {
    expect(isSentencePair({ en: "Tickets are free.", zh: "门票免费。" })).toBe(true);
    expect(isSentencePair({ en: "Lanterns by the lake", zh: "湖畔灯笼" })).toBe(false);
  });
});

describe("a date for a dump without a timestamp", () => {
  it.each([
    ["page-20190412.txt", "2019-04-12"],
    ["2019-04-12_clinics.txt", "2019-04-12"],
    ["clinics_2019_04_12.txt", "2019-04-12"],
  ])("comes from the file name %s", (name, day) => {
    expect(beijingIso(dateFromFileName(name)!)).toBe(`${day}T00:00:00+08:00`);
  });

  it.each(["000_731926c2950c21a6.txt", "page-20191332.txt", "id-120190412.txt", "notes.txt"])("is not read from %s", (name) => {
    expect(dateFromFileName(name)).toBeUndefined();
  });

  it("else from --date, and otherwise the page is a draft that says it needs one", () => {
    const dump = "郑州的一天\nA day in Zhengzhou.\n郑州的一天。";
    const given = parseChannelDump(dump, { kickers: [], relatedHeaders: HEADERS, fileName: "x.txt", date: new Date("2019-04-12T00:00:00+08:00") });
    expect(given.warnings.map((w) => w.kind)).toEqual(["dated from --date"]);
    const none = parseChannelDump(dump, { kickers: [], relatedHeaders: HEADERS, fileName: "x.txt" });
    expect(none.date).toBeUndefined();
    expect(none.warnings.map((w) => w.kind)).toEqual(["needs a date"]);
  });

  it("never overrides the dump's own timestamp, and says when the file name disagrees", () => {
    const a = parseChannelDump("Title\n郑州之窗2021-10-18 14:22\nText.", { kickers: [], relatedHeaders: HEADERS, fileName: "page-20211016.txt" });
    expect(beijingIso(a.date!)).toBe("2021-10-18T14:22:00+08:00");
    expect(a.warnings.map((w) => w.kind)).toEqual(["timestamp and file name differ"]);
  });
});

describe("a file for each page", () => {
  it("numbers pages that share date and headline, skips a name another headline took, and knows a page seen before", () => {
    const claims = newClaims();
    expect(claimFileName("2021-01-05-snow", "page one", "a.txt", claims)).toEqual({ name: "2021-01-05-snow.md" });
    expect(claimFileName("2021-01-05-snow-2", "a headline ending in 2", "b.txt", claims)).toEqual({ name: "2021-01-05-snow-2.md" });
    expect(claimFileName("2021-01-05-snow", "page two", "c.txt", claims)).toEqual({ name: "2021-01-05-snow-3.md" });
    expect(claimFileName("2021-01-05-snow", "page one", "d.txt", claims)).toEqual({ sameAs: "a.txt" });
  });
});

describe("the article file", () => {
  it("keeps lines that look like Markdown or a directive as plain text", () => {
    const dump = "Title\n郑州之窗2020-01-01\n1. The first point.\n# not a heading\n{solo} not a directive\n- not a list\n---\n![not a picture](/assets/a.jpg)";
    const text = importedArticleText(parseChannelDump(dump, { kickers: [], relatedHeaders: HEADERS }), "news", new Date());
    const { article } = parseArticle(text, "x.md", { columns: site.columns, defaults: { source: "郑州之窗" } });
    expect(article!.paragraphs.map((p) => p.html)).toEqual([
      '<p lang="en">1. The first point.</p>\n',
      '<p lang="en"># not a heading</p>\n',
      '<p lang="en">{solo} not a directive</p>\n',
      '<p lang="en">- not a list</p>\n',
      '<p lang="en">---</p>\n',
      '<p lang="en">![not a picture](/assets/a.jpg)</p>\n',
    ]);
  });

  it("writes a subhead as one `##` heading per language, its words as they are", () => {
    const imported = { page: "0123456789abcdef", title: { en: "Drill" }, blocks: [{ kind: "subhead" as const, en: "Top 10 # tips", zh: "十大 #" }, { kind: "pair" as const, en: ["Text."], zh: ["正文。"] }], warnings: [] };
    const { article } = parseArticle(importedArticleText(imported, "news", new Date()), "x.md", { columns: site.columns, defaults: { source: "郑州之窗" } });
    expect(article!.blocks.map((b) => (b.kind === "pair" ? [b.en.kind, b.en.html, b.zh.html] : []))).toEqual([
      ["subhead", '<h2 lang="en">Top 10 # tips</h2>\n', '<h2 lang="zh-CN">十大 #</h2>\n'],
      ["text", '<p lang="en">Text.</p>\n', '<p lang="zh-CN">正文。</p>\n'],
    ]);
  });
});

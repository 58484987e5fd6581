import { describe, expect, it } from "vitest";
import { detectLanguage, pairParagraphs, readParagraphs, splitParagraphs } from "../src/model/paragraphs.ts";
import { expectedImports } from "./helpers/channel-fixtures.ts";

const shape = (body: string) =>
  pairParagraphs(readParagraphs(body).paragraphs).map((b) =>
    b.kind === "pair" ? "en+zh" : b.paragraph.lang,
  );

describe("language by script", () => {
  it("reads English with a Chinese name in it as English", () => {
    expect(detectLanguage("Mr. Liu (刘先生) donated hematopoietic stem cells at the hospital.")).toBe("en");
  });
  it("reads Chinese with English words in it as Chinese", () => {
    expect(detectLanguage("省红十字血液中心联合 Henan Red Cross Blood Center 开展活动")).toBe("zh");
  });
  it("does not count link targets as English", () => {
    expect(detectLanguage("郑州[献血](https://example.org/blood-donation-in-zhengzhou-city)活动")).toBe("zh");
  });
  it("has no opinion on numbers alone", () => {
    expect(detectLanguage("2021 — 1.74%")).toBeNull();
  });
});

describe("pairing", () => {
  it("pairs an English paragraph with the Chinese one after it", () => {
    expect(shape("Hello Zhengzhou.\n\n你好,郑州。")).toEqual(["en+zh"]);
  });
  it("keeps an English paragraph followed by English on its own", () => {
    expect(shape("One.\n\nTwo.\n\n两个。")).toEqual(["en", "en+zh"]);
  });
  it("keeps a Chinese paragraph with no English before it on its own", () => {
    expect(shape("第一段。\n\nFirst.\n\n第二段。\n\n第三段。")).toEqual(["zh", "en+zh", "zh"]);
  });
  it("honours {solo} to keep a paragraph out of a pair", () => {
    expect(shape("Caption for a photo.\n\n{solo} 另一段无关的中文。")).toEqual(["en", "zh"]);
  });
  it("honours {en} and {zh} when the script guesses wrong", () => {
    expect(shape("{zh} CBD 2021 GDP\n\nCBD")).toEqual(["zh", "en"]);
    expect(shape("{en} 郑州\n\n{zh} Zhengzhou")).toEqual(["en+zh"]);
  });
  it("never pairs a caption with body text, either way round", () => {
    expect(shape("A lone English paragraph.\n\n{caption} ▲ 市民在公园赏灯。\n\n第二段的中文。")).toEqual(["en", "zh", "zh"]);
    expect(shape("{caption} ▲ Visitors at the lantern fair.\n\n灯会现场的中文正文。")).toEqual(["en", "zh"]);
  });
  it("pairs an English caption with the Chinese caption after it, unless told {solo}", () => {
    expect(shape("{caption} Silk lanterns by the lake\n\n{caption} 湖畔的丝绸灯笼")).toEqual(["en+zh"]);
    expect(shape("{caption} Photo by Owen Carter\n\n{caption solo} 记者 胡嘉文 摄影")).toEqual(["en", "zh"]);
    const [block] = pairParagraphs(readParagraphs("{caption} Silk lanterns by the lake\n\n{caption} 湖畔的丝绸灯笼").paragraphs);
    expect(block).toMatchObject({ kind: "pair", en: { kind: "caption" }, zh: { kind: "caption" } });
  });
  it("reads a `##` heading as a subhead and pairs a subhead only with a subhead", () => {
    const { paragraphs } = readParagraphs("## Stick to the post\n\n## 坚守岗位\n\nThe night shift starts at ten.\n\n夜班十点开始。");
    expect(paragraphs.map((p) => [p.kind, p.lang])).toEqual([["subhead", "en"], ["subhead", "zh"], ["text", "en"], ["text", "zh"]]);
    expect(shape("## Stick to the post\n\n## 坚守岗位")).toEqual(["en+zh"]);
    expect(shape("## Stick to the post\n\n夜班十点开始。")).toEqual(["en", "zh"]);
    expect(shape("The night shift starts at ten.\n\n## 坚守岗位")).toEqual(["en", "zh"]);
    expect(shape("{caption} Photo by Owen Carter\n\n## 坚守岗位")).toEqual(["en", "zh"]);
  });
  it("keeps other headings, an empty `##` and a heading with text under it as text", () => {
    const kinds = (body: string) => readParagraphs(body).paragraphs.map((p) => p.kind);
    expect(kinds("# Big\n\n### Small\n\n## ##\n\n## Title\nand a line under it\n\n##Glued")).toEqual(["text", "text", "text", "text", "text"]);
    expect(kinds("{en} ## 坚守岗位\n\n{caption} ## Not a caption")).toEqual(["subhead", "subhead"]);
  });
  it("reads a paragraph that is only an image as a figure, which never pairs", () => {
    const body = '![Night shift at the depot](/assets/a.jpg "The depot at night")\n\n![夜间的车库](/assets/b.jpg)\n\n车库的中文正文。';
    expect(readParagraphs(body).paragraphs.map((p) => p.kind)).toEqual(["figure", "figure", "text"]);
    expect(shape(body)).toEqual(["en", "zh", "zh"]);
    expect(readParagraphs("Text with ![an icon](/assets/i.png) inside.\n\n![a](data:image/png;base64,iVBO)").paragraphs.map((p) => p.kind)).toEqual(["text", "text"]);
  });
  it("reports an unknown directive at its line", () => {
    const { problems } = readParagraphs("One.\n\n{sollo} Two.", 10);
    expect(problems).toEqual([{ line: 12, col: 1, message: expect.stringContaining('"{sollo}"') }]);
  });
  it("gives a number-only paragraph the language of the one before", () => {
    const { paragraphs } = readParagraphs("据悉。\n\n2021");
    expect(paragraphs.map((p) => p.lang)).toEqual(["zh", "zh"]);
  });
});

describe("splitting", () => {
  it("remembers the file line each paragraph starts on", () => {
    expect(splitParagraphs("a\nb\n\n\nc", 7).map((p) => p.line)).toEqual([7, 11]);
  });
  it("treats full-width spaces and CRLF as blank and trims the channel's indentation", () => {
    expect(splitParagraphs("\u3000\u3000First.\r\n\u3000\r\n  第二。").map((p) => p.text)).toEqual(["First.", "第二。"]);
  });
});

describe("the channel's two page layouts, as the fixtures reproduce them", () => {
  // A body written as an editor would (blank lines between paragraphs) must pair as the
  // channel shows it: pairs where a translation follows, English alone where none does.
  const bodyOf = (file: string) => {
    const blocks = expectedImports[file]!.blocks.filter((b) => !("caption" in b)) as Array<{ en?: string; zh?: string }>;
    return { body: blocks.flatMap((b) => [b.en, b.zh].filter((t) => t !== undefined)).join("\n\n"), blocks };
  };
  it("pairs the paired layout, with lone English paragraphs between the pairs", () => {
    const { body, blocks } = bodyOf("seed-layout-paired.txt");
    expect(shape(body)).toEqual(["en+zh", "en", "en", "en+zh", "en+zh"]);
    expect(shape(body)).toEqual(blocks.map((b) => (b.en && b.zh ? "en+zh" : b.en ? "en" : "zh")));
  });
  it("keeps every paragraph of the English-only layout on its own", () => {
    const { body } = bodyOf("seed-layout-english-only.txt");
    expect(shape(body)).toEqual(Array(6).fill("en"));
  });
});

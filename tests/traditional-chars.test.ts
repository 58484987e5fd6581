// The table that decides whether a query needs the traditional-to-simplified converter,
// checked against the converter itself.

import * as OpenCC from "opencc-js/t2cn";
import { describe, expect, it } from "vitest";
import { traditionalTest } from "../assets/search-query.js";
import { changedCharacters, traditionalTable } from "../src/features/search/traditional-chars.ts";

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });
const hasTraditional = traditionalTest(traditionalTable());

describe("the traditional-character table", () => {
  it("knows every character the converter changes on its own", () => {
    const missed: string[] = [];
    for (let code = 0x3400; code <= 0x9fff; code++) {
      const char = String.fromCodePoint(code);
      if (toSimplified(char) !== char && !hasTraditional(char)) missed.push(char);
    }
    expect(missed).toEqual([]);
  });

  it("knows characters that change only inside a phrase, and those outside the bitmap", () => {
    const phrase = "一丘之貉 一丘之貉|乾隆 乾隆|乾燥 干燥";
    expect([...changedCharacters([phrase])]).toEqual(["乾"]);
    expect(traditionalTable().others.length).toBeGreaterThan(0);
    expect([...traditionalTable().others].every((c) => hasTraditional(c) && c.codePointAt(0)! > 0xffff)).toBe(true);
  });

  it("lets simplified queries, the usual case, skip the converter", () => {
    expect(["郑州", "献血", "造血干细胞", "2021年 郑州 hospital"].map(hasTraditional)).toEqual([false, false, false, false]);
    expect(["獻血", "鄭州", "造血幹細胞"].map(hasTraditional)).toEqual([true, true, true]);
  });

  it("is small next to the converter it spares", () => {
    expect(JSON.stringify(traditionalTable()).length).toBeLessThan(8_000);
  });
});

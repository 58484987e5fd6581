import { describe, expect, it } from "vitest";
import site from "../src/config/site.ts";
import { parseArticle } from "../src/model/article.ts";
import { beijingDisplay, beijingIso, parseBeijingDate } from "../src/model/dates.ts";

describe("Beijing time", () => {
  it("reads a time without offset as Beijing time", () => {
    const d = parseBeijingDate("2018-06-15 11:53:52") as Date;
    expect(d.toISOString()).toBe("2018-06-15T03:53:52.000Z");
    expect(beijingIso(d)).toBe("2018-06-15T11:53:52+08:00");
    expect(beijingDisplay(d)).toBe("2018-06-15 11:53");
  });
  it("reads a bare date as Beijing midnight", () => {
    expect(beijingIso(parseBeijingDate("2021-01-05") as Date)).toBe("2021-01-05T00:00:00+08:00");
  });
  it("honours an explicit offset", () => {
    expect(beijingIso(parseBeijingDate("2021-01-04T20:00:00Z") as Date)).toBe("2021-01-05T04:00:00+08:00");
  });
  it.each([
    ["UTC with milliseconds, as other tools write it", "2018-06-15T03:53:52.000Z"],
    ["an explicit +08:00", "2018-06-15T11:53:52+08:00"],
    ["an offset without colon, after a space", "2018-06-15 11:53:52 +0800"],
    ["a lower-case t and a short offset", "2018-06-14t21:53:52-06"],
  ])("accepts %s", (_, text) => {
    expect(beijingIso(parseBeijingDate(text) as Date)).toBe("2018-06-15T11:53:52+08:00");
  });
  it("keeps the channel's own form without seconds, and YAML's single digits", () => {
    expect(beijingIso(parseBeijingDate("2018-06-15 11:53") as Date)).toBe("2018-06-15T11:53:00+08:00");
    expect(beijingIso(parseBeijingDate("2018-6-5 9:03:52") as Date)).toBe("2018-06-05T09:03:52+08:00");
  });
  it("says which forms work when a date is wrong", () => {
    const { error } = parseBeijingDate("15/06/2018") as { error: string };
    expect(error).toContain("2021-01-05 09:49:56 (Beijing time)");
    expect(error).toContain("2021-01-05T01:49:56Z");
  });
  it("rejects an offset on a date without a time, and an offset no place has", () => {
    expect(parseBeijingDate("2018-06-15Z")).toEqual({ error: expect.stringContaining("not a date") });
    expect(parseBeijingDate("2018-06-15T11:53:52+15:00")).toEqual({ error: expect.stringContaining("not a real date") });
  });
  it("rejects impossible dates and times", () => {
    expect(parseBeijingDate("2021-02-30")).toEqual({ error: expect.stringContaining("not a real date") });
    expect(parseBeijingDate("2021-01-05 24:10")).toEqual({ error: expect.stringContaining("not a real date") });
    expect(parseBeijingDate("yesterday")).toEqual({ error: expect.stringContaining("not a date") });
  });
  it("lets an article's front matter carry an ISO timestamp, and lists the forms when it is wrong", () => {
    const article = (date: string) =>
      parseArticle(`---\ntitle:\n  en: Snow\ncolumn: news\nsource: 郑州之窗\ndate: ${date}\n---\n\nIt snowed.\n`, "a.md", { columns: site.columns });
    expect(beijingIso(article("2018-06-15T03:53:52.000Z").article!.date)).toBe("2018-06-15T11:53:52+08:00");
    expect(article("June 15").problems).toEqual([
      expect.objectContaining({ line: 6, severity: "error", message: expect.stringContaining("2021-01-05T09:49:56.000+08:00") }),
    ]);
  });
});

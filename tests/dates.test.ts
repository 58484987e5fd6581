import { describe, expect, it } from "vitest";
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
  it("rejects impossible dates and times", () => {
    expect(parseBeijingDate("2021-02-30")).toEqual({ error: expect.stringContaining("not a real date") });
    expect(parseBeijingDate("2021-01-05 24:10")).toEqual({ error: expect.stringContaining("not a real date") });
    expect(parseBeijingDate("yesterday")).toEqual({ error: expect.stringContaining("not a date") });
  });
});

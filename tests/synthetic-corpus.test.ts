import { describe, expect, it } from "vitest";
import site from "../src/config/site.ts";
import { parseArticle } from "../src/model/article.ts";
import { syntheticArticle, syntheticColumns } from "./bench/synthetic-corpus.ts";

const columns = syntheticColumns(15);
const keys = Object.keys(columns);

describe("the benchmark's synthetic archive", () => {
  it("is the same, byte for byte, every time", () => {
    expect(syntheticArticle(42, keys)).toEqual(syntheticArticle(42, keys));
    expect(syntheticArticle(42, keys).text).not.toBe(syntheticArticle(43, keys).text);
  });

  it("is made of valid articles with pairs and lone English paragraphs, over ten years", () => {
    const years = new Set<number>();
    let pairs = 0;
    let singles = 0;
    for (let i = 0; i < 200; i++) {
      const { fileName, text } = syntheticArticle(i, keys);
      const { article, problems } = parseArticle(text, fileName, { columns });
      expect(problems.filter((p) => p.severity === "error")).toEqual([]);
      years.add(article!.date.getUTCFullYear());
      pairs += article!.blocks.filter((b) => b.kind === "pair").length;
      singles += article!.blocks.filter((b) => b.kind === "single").length;
    }
    expect(years.size).toBeGreaterThanOrEqual(9);
    expect(pairs / (pairs + singles)).toBeGreaterThan(0.3);
    expect(singles).toBeGreaterThan(0);
    expect(Object.keys(site.columns).length).toBeLessThan(keys.length);
  });
});

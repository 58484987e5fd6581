import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import site from "../src/config/site.ts";
import { parseArticle } from "../src/model/article.ts";
import { oneStoryChanges } from "./bench/one-story.ts";
import { random, syntheticArticle, syntheticColumns } from "./bench/synthetic-corpus.ts";
import { chineseVocabulary, englishVocabulary } from "./bench/vocabulary.ts";
import { tempDir } from "./helpers/build.ts";

const columns = syntheticColumns(15);
const keys = Object.keys(columns);
const archive = Array.from({ length: 2000 }, (_, i) => syntheticArticle(i, keys));

/** How often each word comes out of `draws` draws, in the vocabulary's order. */
function drawn(vocabulary: ReturnType<typeof englishVocabulary>, draws: number): Map<string, number> {
  const rng = random(7);
  const counts = new Map<string, number>();
  for (let i = 0; i < draws; i++) {
    const word = vocabulary.draw(rng);
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

describe("the benchmark's synthetic archive", () => {
  it("is the same, byte for byte, every time and on every machine", () => {
    expect(syntheticArticle(42, keys)).toEqual(syntheticArticle(42, keys));
    expect(syntheticArticle(42, keys).text).not.toBe(syntheticArticle(43, keys).text);
    // Pinned: a change here changes every benchmark figure, so it must be on purpose.
    const digest = createHash("sha256").update(archive.slice(0, 100).map((a) => a.fileName + a.text).join("")).digest("hex");
    expect(digest).toBe("e02464f39af82ccf9f52a6ed9a4bf1e7aa17ba90d326aeffd83c3f2c9222f6d8");
  });

  it("is made of valid articles with pairs and lone English paragraphs, over ten years", () => {
    const years = new Set<number>();
    let pairs = 0;
    let singles = 0;
    for (const { fileName, text } of archive.slice(0, 200)) {
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

  it("speaks a news archive's English: over 50,000 distinct words in 2,000 articles", () => {
    const words = new Set(archive.flatMap(({ text }) => text.match(/[A-Za-z]+/g)!.map((w) => w.toLowerCase())));
    expect(words.size).toBeGreaterThan(50_000);
  });

  it("draws English words by Zipf's law over their real ranks: the nth word 1/n as often as the first", () => {
    const english = englishVocabulary();
    const counts = drawn(english, 400_000);
    const first = counts.get(english.words[0]!)!;
    for (const rank of [2, 5, 10]) expect(counts.get(english.words[rank - 1]!)! / first).toBeCloseTo(1 / rank, 1);
    expect(english.words.slice(0, 3)).toEqual(["you", "I", "the"]);
  });

  it("draws Chinese words as often as jieba's dictionary counts them, from thousands of characters", () => {
    const chinese = chineseVocabulary();
    const counts = drawn(chinese, 400_000);
    for (const word of ["的", "了", "郑州", "发展"]) {
      const expected = chinese.share(chinese.words.indexOf(word)) * 400_000;
      expect(Math.abs(counts.get(word)! - expected), word).toBeLessThan(Math.max(5 * Math.sqrt(expected), 3));
    }
    const han = new Set(archive.flatMap(({ text }) => text.match(/\p{Script=Han}/gu) ?? []));
    expect(han.size).toBeGreaterThan(4000);
  });

  it("has Chinese headlines and kickers, whose pinyin search indexes", () => {
    const fronts = archive.slice(0, 400).map(({ fileName, text }) => parseArticle(text, fileName, { columns }).article!);
    const chinese = (text: string | undefined) => /^\p{Script=Han}+$/u.test(text ?? "");
    expect(fronts.filter((a) => chinese(a.title.zh)).length).toBeGreaterThan(300);
    const kickers = fronts.map((a) => a.kicker).filter(chinese);
    expect(kickers.length).toBeGreaterThan(100);
    expect(new Set(kickers).size).toBeGreaterThan(50);
  });

  it("changes one story at a time for the bench's one-story builds: a new one, then an edit, then a deletion", async () => {
    const dir = await tempDir();
    for (const { fileName, text } of archive.slice(0, 30)) writeFileSync(path.join(dir, fileName), text);
    const read = () => new Map(readdirSync(dir).map((file) => [file, parseArticle(readFileSync(path.join(dir, file), "utf8"), file, { columns }).article!]));
    const before = read();
    const now = new Date("2026-06-01T00:00:00+08:00");
    const [added, edited, deleted] = oneStoryChanges(30, keys, now);

    added!.apply(dir);
    const withNew = read();
    const [newFile] = [...withNew.keys()].filter((file) => !before.has(file));
    const newest = Math.max(...[...before.values()].map((a) => a.date.getTime()));
    expect(withNew.get(newFile!)!.date.getTime()).toBeGreaterThan(newest);
    expect(withNew.get(newFile!)!.date.getTime()).toBeLessThan(now.getTime());

    edited!.apply(dir);
    const withEdit = read();
    const changed = [...withEdit].filter(([file, a]) => withNew.get(file)!.paragraphs.length !== a.paragraphs.length);
    expect(changed).toHaveLength(1);
    const [file, article] = changed[0]!;
    expect(article.blocks[0]!.kind).toBe("pair");
    expect(article.blocks).toHaveLength(withNew.get(file)!.blocks.length + 1);
    expect(article.paragraphs.slice(2).map((p) => p.html)).toEqual(withNew.get(file)!.paragraphs.map((p) => p.html));

    deleted!.apply(dir);
    expect(read().size).toBe(withEdit.size - 1);
    expect(read().has(file)).toBe(true);
  });
});

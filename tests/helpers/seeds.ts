// The two real pages from the channel (../shared/seeds/) are fixtures: their paragraphs, in
// order, are what our pairing must reproduce.

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

export const SEEDS_DIR = path.resolve(import.meta.dirname, "../../../shared/seeds");

export function seedFiles(): string[] {
  return readdirSync(SEEDS_DIR).filter((f) => f.endsWith(".txt")).sort().map((f) => path.join(SEEDS_DIR, f));
}

/** The body paragraphs of a seed: after the timestamp line, before the related blocks and
 *  the credit line, with the channel's indentation trimmed. */
export function seedParagraphs(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const afterStamp = text.slice(text.search(/郑州之窗\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/)).split("\n").slice(1).join("\n");
  const body = afterStamp.slice(0, afterStamp.indexOf("Zhengzhou Release"));
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && !/^[（(]记者/.test(p));
}

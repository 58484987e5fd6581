// qrSvg no longer lets the qrcode library choose segments and mask (see mask.ts and
// segments.ts): for thousands of texts, every version from 1 to past 10 and every level, its
// code is the library's own, module for module, and its SVG draws exactly those modules.

import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { formatBits, type EcLevel } from "../src/features/qr/mask.ts";
import { QR_DEFAULTS, qrSvg, qrSymbol } from "../src/features/qr/qr.ts";
import { random } from "./bench/synthetic-corpus.ts";

const LEVELS: EcLevel[] = ["L", "M", "Q", "H"];

/** The dark modules an SVG from qrSvg draws, row-major, read back from its path: each
 *  "M<x> <y>.5" or "m<dx> 0" moves the pen, each "h<n>" strokes n modules of the row. */
function drawnModules(svg: string, size: number, quietZone: number): Uint8Array {
  const extent = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)![1]);
  expect(extent).toBe(size + 2 * quietZone);
  const modules = new Uint8Array(size * size);
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of /<path stroke="#000" d="([^"]*)"/.exec(svg)![1]!.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (command === "M") [x, y] = [Number(a), Number(b) - 0.5];
    else if (command === "m") [x, y] = [x + Number(a), y + Number(b)];
    else for (const end = x + Number(a); x < end; x++) modules[(y - quietZone) * size + x - quietZone] = 1;
  }
  return modules;
}

const WORDS = ["council", "budget", "river", "festival", "school", "harbour", "election", "library", "market", "bridge"];
const HANZI = "郑州献血春节联欢城市公园地铁新线图书馆开放医院学校河流桥梁选举";

function texts(): { kind: string; text: string }[] {
  const next = random(2026); // seeded: every run checks the same texts
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const hanzi = (length: number) => Array.from({ length }, () => pick([...HANZI])).join("");
  const out: { kind: string; text: string }[] = [];
  // ASCII article URLs, cut to every length from 1 to 300, then every tenth to 600.
  for (let length = 1; length <= 600; length += length < 300 ? 1 : 10) {
    const slug = Array.from({ length: 2 + Math.floor(length / 6) }, () => pick(WORDS)).join("-");
    const month = String((length % 12) + 1).padStart(2, "0");
    const url = `https://news.example.org/articles/${2000 + Math.floor(next() * 30)}/${month}/${slug}-${length}/`;
    out.push({ kind: "ascii url", text: url.slice(0, length) });
  }
  // Chinese slugs, percent-encoded as a canonical URL is.
  for (let i = 0; i < 150; i++) {
    const month = String((i % 12) + 1).padStart(2, "0");
    out.push({ kind: "encoded chinese url", text: new URL(`https://news.example.org/news/2020${month}01/${hanzi(1 + (i % 25))}/`).href });
  }
  // Plain Chinese text: UTF-8 in byte mode.
  for (let i = 0; i < 100; i++) out.push({ kind: "chinese text", text: hanzi(1 + i) });
  // Digits, upper case and the alphanumeric symbols, so segments of every mode are chosen.
  const parts = [
    () => String(Math.floor(next() * 10 ** (1 + Math.floor(next() * 12)))),
    ...["HTTPS://NEWS.EXAMPLE.ORG/", "ABC-DEF/GHI:", "slug", "%E9%83%91", "/", "?id=", " $%*+-./:", "Aa1"].map((part) => () => part),
    () => hanzi(2),
  ];
  for (let i = 0; i < 150; i++) {
    out.push({ kind: "mixed modes", text: Array.from({ length: 1 + (i % 20) }, () => pick(parts)()).join("") });
  }
  return out;
}

describe("QR codes", () => {
  it("are the library's own, module for module, with the mask it chooses, and draw just those", () => {
    const versions = new Map<EcLevel, Set<number>>(LEVELS.map((level) => [level, new Set()]));
    let checked = 0;
    for (const { kind, text } of texts()) {
      for (const level of LEVELS) {
        const library = QRCode.create(text, { errorCorrectionLevel: level });
        versions.get(level)!.add(library.version);
        const label = `${kind} ${JSON.stringify(text)} at ${level}`;
        const ours = qrSymbol(text, level);
        expect(ours.pattern, label).toBe(library.maskPattern);
        expect(ours.size, label).toBe(library.modules.size);
        expect(Buffer.compare(ours.modules, library.modules.data), label).toBe(0);
        const options = { errorCorrectionLevel: level, quietZone: checked % 3 === 0 ? 0 : QR_DEFAULTS.quietZone };
        const drawn = drawnModules(qrSvg(text, options), ours.size, options.quietZone);
        expect(Buffer.compare(drawn, library.modules.data), label).toBe(0);
        checked++;
      }
    }
    expect(checked).toBe(730 * 4);
    // Every version from 1 to 12 at every level (the texts reach 17 at L, 27 at H).
    for (const level of LEVELS) {
      for (let version = 1; version <= 12; version++) {
        expect(versions.get(level)!.has(version), `version ${version} at ${level}`).toBe(true);
      }
    }
  });

  it("write the library's format information", async () => {
    // The library's internals, typed from their JSDoc, which calls a level a number.
    const { default: FormatInfo } = await import("qrcode/lib/core/format-info.js");
    const { default: ECLevel } = await import("qrcode/lib/core/error-correction-level.js");
    for (const level of LEVELS) {
      const bits = ECLevel.from(level, ECLevel.M) as unknown as number;
      for (let mask = 0; mask < 8; mask++) expect(formatBits(level, mask)).toBe(FormatInfo.getEncodedBits(bits, mask));
    }
  });
});

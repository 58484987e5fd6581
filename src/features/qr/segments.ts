// Why the text of a QR code is cut into segments here and not by the qrcode library: its
// Segments.fromString finds the shortest mix of numeric, alphanumeric and byte segments by
// Dijkstra over a graph of string-keyed objects, with a queue that sorts itself on every
// push. Once masks were fast (mask.ts) that was ~135 of the ~260 µs qrSvg took for an
// article URL, whose slugs alternate letters and "-". This is the same search, step for
// step, over arrays and a binary heap that pops in the same order (lowest cost, then first
// pushed: what its stable sort and shift() give), in ~13 µs. Given these segments,
// QRCode.create makes the symbol it makes from the text; tests/qr-mask.test.ts checks that
// against the library's own, byte for byte, and fails if equal costs pop in another order.
//
// Mirrors qrcode@1.5.4: lib/core/segments.js (getSegmentsFromString, buildNodes, buildGraph,
// fromString, mergeSegments), its dijkstrajs (1.0.3 as locked: single_source_shortest_paths)
// and, for the version fromString is given, createSymbol and Version.getBestVersionForData.

import type { QRCodeSegment } from "qrcode";
import ECLevelJs from "qrcode/lib/core/error-correction-level.js";
import ModeJs from "qrcode/lib/core/mode.js";
import UtilsJs from "qrcode/lib/core/utils.js";
import VersionJs from "qrcode/lib/core/version.js";

/** The library's internals used here, typed by hand (their JSDoc is loose). */
interface LibraryMode { bit: number }
const ECLevel = ECLevelJs as unknown as { from(value: string): object };
const Mode = ModeJs as unknown as Record<"NUMERIC" | "ALPHANUMERIC" | "BYTE" | "MIXED", LibraryMode>;
const Utils = UtilsJs as unknown as { isKanjiModeEnabled(): boolean };
const Version = VersionJs as unknown as {
  getCapacity(version: number, errorCorrectionLevel: object, mode: LibraryMode): number;
};

type ModeName = "numeric" | "alphanumeric" | "byte";

/** A possible segment: its text, mode, and length (characters, or UTF-8 bytes in byte mode). */
interface Piece {
  data: string;
  mode: ModeName;
  length: number;
}

const LIBRARY_MODE: Record<ModeName, LibraryMode> = {
  numeric: Mode.NUMERIC,
  alphanumeric: Mode.ALPHANUMERIC,
  byte: Mode.BYTE,
};

/** Character count indicator bits by version 1–9, 10–26, 27–40 (lib/core/mode.js). */
const CC_BITS: Record<ModeName, readonly [number, number, number]> = {
  numeric: [10, 12, 14],
  alphanumeric: [9, 11, 13],
  byte: [8, 16, 16],
};

function charCountBits(mode: ModeName, version: number): number {
  return CC_BITS[mode][version < 10 ? 0 : version < 27 ? 1 : 2];
}

/** Bits of `length` characters (bytes) in `mode`: the Data classes' getBitsLength. */
function dataBits(length: number, mode: ModeName): number {
  switch (mode) {
    case "numeric":
      return 10 * Math.floor(length / 3) + (length % 3 ? (length % 3) * 3 + 1 : 0);
    case "alphanumeric":
      return 11 * Math.floor(length / 2) + 6 * (length % 2);
    case "byte":
      return length * 8;
  }
}

/** UTF-8 length, as the library's unescape(encodeURIComponent(text)).length. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) return encodeURIComponent(text).length; // throws URIError, as the library does
    else bytes += 3;
  }
  return bytes;
}

/** The class of each ASCII unit under the library's regexes: [0-9], [A-Z $%*+\-./:], or neither. */
const ASCII_MODES: ModeName[] = Array.from({ length: 128 }, (_, unit) => {
  const c = String.fromCharCode(unit);
  return /[0-9]/.test(c) ? "numeric" : /[A-Z $%*+\-./:]/.test(c) ? "alphanumeric" : "byte";
});

function modeOf(unit: number): ModeName {
  return unit < 128 ? ASCII_MODES[unit]! : "byte";
}

/** The maximal runs of one class, in order: getSegmentsFromString without Kanji mode. */
function rawSegments(text: string): Piece[] {
  const pieces: Piece[] = [];
  let start = 0;
  let mode = modeOf(text.charCodeAt(0));
  for (let i = 1; i <= text.length; i++) {
    const next = i < text.length ? modeOf(text.charCodeAt(i)) : undefined;
    if (next === mode) continue;
    const data = text.slice(start, i);
    pieces.push({ data, mode, length: data.length });
    start = i;
    if (next) mode = next;
  }
  return pieces;
}

/** The version fromString is given: the smallest that holds the raw segments (createSymbol's
 *  estimatedVersion, from Version.getBestVersionForData of Segments.rawSplit), else 40. */
function estimatedVersion(raw: Piece[], errorCorrectionLevel: object): number {
  if (raw.length === 1) {
    const { mode, data } = raw[0]!;
    const length = mode === "byte" ? utf8Length(data) : data.length;
    for (let version = 1; version <= 40; version++) {
      if (length <= Version.getCapacity(version, errorCorrectionLevel, LIBRARY_MODE[mode])) return version;
    }
    return 40;
  }
  for (let version = 1; version <= 40; version++) {
    let bits = 0;
    for (const { mode, data } of raw) {
      bits += charCountBits(mode, version) + 4 + dataBits(mode === "byte" ? utf8Length(data) : data.length, mode);
    }
    if (bits <= Version.getCapacity(version, errorCorrectionLevel, Mode.MIXED)) return version;
  }
  return 40;
}

/** Each raw segment's possible encodings, in the library's order: buildNodes. */
function nodeGroups(raw: Piece[]): Piece[][] {
  return raw.map(({ data, mode, length }) => {
    switch (mode) {
      case "numeric":
        return [{ data, mode, length }, { data, mode: "alphanumeric", length }, { data, mode: "byte", length }];
      case "alphanumeric":
        return [{ data, mode, length }, { data, mode: "byte", length }];
      case "byte":
        return [{ data, mode, length: utf8Length(data) }];
    }
  });
}

/** A min-queue of nodes by cost, equal costs in the order pushed: a binary heap keyed by
 *  cost * 2^20 + the count of pushes before (costs are whole numbers of bits). */
class Queue {
  private keys: number[] = [];
  private nodes: number[] = [];
  private pushed = 0;

  get size(): number {
    return this.nodes.length;
  }

  push(node: number, cost: number): void {
    const key = cost * 0x100000 + this.pushed++;
    const { keys, nodes } = this;
    let i = nodes.length;
    keys.push(key);
    nodes.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      nodes[i] = nodes[parent]!;
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  /** The first node and its cost. */
  pop(): [node: number, cost: number] {
    const { keys, nodes } = this;
    const top: [number, number] = [nodes[0]!, Math.floor(keys[0]! / 0x100000)];
    const key = keys.pop()!;
    const node = nodes.pop()!;
    const size = nodes.length;
    if (size > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && keys[child + 1]! < keys[child]!) child++;
        if (keys[child]! >= key) break;
        keys[i] = keys[child]!;
        nodes[i] = nodes[child]!;
        i = child;
      }
      keys[i] = key;
      nodes[i] = node;
    }
    return top;
  }
}

/** The segments Segments.fromString(text, version) would build, merged, as QRCode.create takes them. */
function optimalSegments(raw: Piece[], version: number): Piece[] {
  // buildGraph: node 0 is the start, then every piece of every group, then the end. Each edge
  // weighs the bits its piece adds, with the library's running counts (`lastCount`) per node.
  const pieces: (Piece | undefined)[] = [undefined];
  const targets: number[][] = [[]];
  const weights: number[][] = [[]];
  const lastCount: number[] = [0];
  let previous = [0];
  for (const group of nodeGroups(raw)) {
    const current: number[] = [];
    for (const piece of group) {
      const id = pieces.push(piece) - 1;
      targets.push([]);
      weights.push([]);
      lastCount.push(0);
      current.push(id);
      for (const from of previous) {
        const before = pieces[from];
        let weight: number;
        if (before && before.mode === piece.mode) {
          weight = dataBits(lastCount[from]! + piece.length, piece.mode) - dataBits(lastCount[from]!, piece.mode);
          lastCount[from]! += piece.length;
        } else {
          if (before) lastCount[from] = piece.length;
          weight = dataBits(piece.length, piece.mode) + 4 + charCountBits(piece.mode, version);
        }
        targets[from]!.push(id);
        weights[from]!.push(weight);
      }
    }
    previous = current;
  }
  const end = pieces.length;
  for (const from of previous) {
    targets[from]!.push(end);
    weights[from]!.push(0);
  }

  // dijkstrajs: relax the edges of each popped node (stale entries too, as it does).
  const costs = new Array<number>(end + 1).fill(Infinity);
  const predecessors = new Array<number>(end + 1).fill(-1);
  costs[0] = 0;
  const open = new Queue();
  open.push(0, 0);
  while (open.size > 0) {
    const [u, cost] = open.pop();
    if (u === end) continue;
    const to = targets[u]!;
    const weight = weights[u]!;
    for (let k = 0; k < to.length; k++) {
      const v = to[k]!;
      const through = cost + weight[k]!;
      if (through < costs[v]!) {
        costs[v] = through;
        open.push(v, through);
        predecessors[v] = u;
      }
    }
  }

  const path: Piece[] = [];
  for (let u = predecessors[end]!; u > 0; u = predecessors[u]!) path.push(pieces[u]!);
  path.reverse();
  // mergeSegments
  const merged: Piece[] = [];
  for (const piece of path) {
    const last = merged[merged.length - 1];
    if (last && last.mode === piece.mode) last.data += piece.data;
    else merged.push({ ...piece });
  }
  return merged;
}

/** What to give QRCode.create for `text` so it encodes it as it would the string itself,
 *  without its slow search: the segments it would choose. The text itself when the library
 *  is in Kanji mode (a toSJISFunc was set), which this does not mirror. */
export function qrSegments(text: string, errorCorrectionLevel: string): string | QRCodeSegment[] {
  if (text === "" || Utils.isKanjiModeEnabled()) return text;
  const raw = rawSegments(text);
  const version = estimatedVersion(raw, ECLevel.from(errorCorrectionLevel));
  // Byte segments are given as strings, as fromString gives them; the types only allow bytes.
  return optimalSegments(raw, version).map(({ data, mode }) => ({ data, mode }) as QRCodeSegment);
}

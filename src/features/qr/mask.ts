// Why the mask of a QR code is chosen here and not by the qrcode library: its getBestMask
// applies each of the 8 masks to the symbol and scores it through BitMatrix.get(), a call
// per module per rule, and was ~320 µs of the ~550 µs that qrSvg took for an article URL
// (version 4–6, level M). This makes the same choice in ~31 µs: all 8 masks at once, each
// module a byte whose bit p is its colour under mask p, each rule bit operations over a flat
// typed array. It mirrors qrcode@1.5.4 (lib/core/mask-pattern.js, setupFormatInfo in
// lib/core/qrcode.js, FormatInfo.getEncodedBits) rule for rule, the first of equal masks
// winning as there; tests/qr-mask.test.ts holds its codes to the library's, byte for byte.

export type EcLevel = "L" | "M" | "Q" | "H";

/** The two bits of each level in the format information (lib/core/error-correction-level.js). */
const EC_BITS: Record<EcLevel, number> = { L: 1, M: 0, Q: 3, H: 2 };

const MASKS = 8;

/** Whether mask `pattern` flips the module at (row, col): the library's getMaskAt. */
function maskAt(pattern: number, row: number, col: number): boolean {
  switch (pattern) {
    case 0: return (row + col) % 2 === 0;
    case 1: return row % 2 === 0;
    case 2: return col % 3 === 0;
    case 3: return (row + col) % 3 === 0;
    case 4: return (Math.floor(row / 2) + Math.floor(col / 3)) % 2 === 0;
    case 5: return ((row * col) % 2) + ((row * col) % 3) === 0;
    case 6: return (((row * col) % 2) + ((row * col) % 3)) % 2 === 0;
    case 7: return (((row * col) % 3) + ((row + col) % 2)) % 2 === 0;
    default: throw new Error(`bad mask pattern: ${pattern}`);
  }
}

/** Per symbol size, one byte per module whose bit p says whether mask p flips it. */
const maskBytesBySize = new Map<number, Uint8Array>();

function maskBytes(size: number): Uint8Array {
  let bytes = maskBytesBySize.get(size);
  if (!bytes) {
    bytes = new Uint8Array(size * size);
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) {
        let byte = 0;
        for (let p = 0; p < MASKS; p++) if (maskAt(p, row, col)) byte |= 1 << p;
        bytes[row * size + col] = byte;
      }
    }
    maskBytesBySize.set(size, bytes);
  }
  return bytes;
}

/** Flips, in place, the modules of `matrix` that mask `pattern` flips, reserved ones (1 in
 *  `reserved`) excepted: the library's applyMask. Applying a mask twice undoes it. */
export function xorMask(pattern: number, matrix: Uint8Array, reserved: Uint8Array, size: number): void {
  const bytes = maskBytes(size);
  for (let i = 0; i < size * size; i++) matrix[i]! ^= (bytes[i]! >> pattern) & 1 & (reserved[i]! - 1);
}

const G15 = (1 << 10) | (1 << 8) | (1 << 5) | (1 << 4) | (1 << 2) | (1 << 1) | (1 << 0);
const G15_MASK = (1 << 14) | (1 << 12) | (1 << 10) | (1 << 4) | (1 << 1);

function bchDigit(value: number): number {
  let digit = 0;
  for (let v = value; v !== 0; v >>>= 1) digit++;
  return digit;
}

/** The 15 format bits of a level and mask, BCH-coded and masked: FormatInfo.getEncodedBits. */
export function formatBits(level: EcLevel, pattern: number): number {
  const data = (EC_BITS[level] << 3) | pattern;
  let d = data << 10;
  while (bchDigit(d) - bchDigit(G15) >= 0) d ^= G15 << (bchDigit(d) - bchDigit(G15));
  return ((data << 10) | d) ^ G15_MASK;
}

/** Four lanes of a mask set (bits 0–3 of `set`) spread to the four bytes of a word, one each:
 *  adding such words counts, in each byte, how often its mask was in a set. */
function spread(set: number): number {
  return Math.imul(set & 15, 0x204081) & 0x01010101;
}

/** Adds the byte counters `low` (masks 0–3) and `high` (masks 4–7) to `points`, `weight` each. */
function flush(points: Float64Array, low: number, high: number, weight: number): void {
  for (let p = 0; p < 4; p++) {
    points[p]! += ((low >>> (8 * p)) & 0xff) * weight;
    points[p + 4]! += ((high >>> (8 * p)) & 0xff) * weight;
  }
}

/** N1 and N3 of the line of `size` modules from `lanes[first]`, `step` apart, for all 8 masks. */
function linePenalties(lanes: Uint8Array, first: number, step: number, size: number, points: Float64Array): void {
  const end = first + step * size;
  // N1: a run of length L >= 5 scores 3 + (L - 5) = L - 2. `run4` holds the masks under
  // which this module ends 4 equal steps (5 equal modules): true L - 4 times in such a run,
  // newly true once, at its fifth module, which adds the other 2. Counted per line in bytes
  // (at most size - 2 < 256 per mask), kept to 32 bits with | 0 (flush reads them unsigned).
  let low = 0;
  let high = 0;
  let prev = lanes[first]!;
  let run1 = 0, run2 = 0, run3 = 0, run4 = 0;
  // N3: a shift-and matcher of 1011101; where it ends, the library's windows 0x5D0 and 0x05D
  // are that core with 4 light modules after it or before it, inside the line.
  let core0 = prev, core1 = 0, core2 = 0, core3 = 0, core4 = 0, core5 = 0, core6 = 0;
  for (let i = first + step; i < end; i += step) {
    const v = lanes[i]!;
    const nv = v ^ 0xff;
    const same = v ^ prev ^ 0xff;
    prev = v;
    const started = run4;
    run4 = same & run3;
    run3 = same & run2;
    run2 = same & run1;
    run1 = same;
    const fifth = run4 & ~started;
    low = (low + spread(run4) + (spread(fifth) << 1)) | 0;
    high = (high + spread(run4 >>> 4) + (spread(fifth >>> 4) << 1)) | 0;

    core6 = core5 & v; core5 = core4 & nv; core4 = core3 & v; core3 = core2 & v;
    core2 = core1 & v; core1 = core0 & nv; core0 = v;
    if (core6 !== 0) {
      let found = 0;
      if (i + 4 * step < end) {
        found = core6 & ~(lanes[i + step]! | lanes[i + 2 * step]! | lanes[i + 3 * step]! | lanes[i + 4 * step]!);
        for (let p = 0; p < MASKS; p++) points[p]! += ((found >> p) & 1) * 40;
      }
      if (i - 10 * step >= first) {
        found = core6 & ~(lanes[i - 7 * step]! | lanes[i - 8 * step]! | lanes[i - 9 * step]! | lanes[i - 10 * step]!);
        for (let p = 0; p < MASKS; p++) points[p]! += ((found >> p) & 1) * 40;
      }
    }
  }
  flush(points, low, high, 1);
}

/** Penalty points of each of the 8 masks, as the library's N1 + N2 + N3 + N4 would count them.
 *  `lanes` holds the symbol row-major, one byte per module whose bit p is the module's colour
 *  under mask p: each rule runs once for all 8 masks, with bit operations in place of branches. */
function penalties(lanes: Uint8Array, size: number): Float64Array {
  const points = new Float64Array(MASKS);
  const dark = new Float64Array(MASKS);
  for (let line = 0; line < size; line++) {
    linePenalties(lanes, line * size, 1, size, points);
    linePenalties(lanes, line, size, size, points);
  }
  for (let row = 0; row < size; row++) {
    // N2: 2×2 blocks of one colour, 3 points each; and the dark modules, for N4.
    let low = 0;
    let high = 0;
    let darkLow = 0;
    let darkHigh = 0;
    const end = (row + 1) * size - 1;
    for (let i = row * size; i < end; i++) {
      const v = lanes[i]!;
      darkLow = (darkLow + spread(v)) | 0;
      darkHigh = (darkHigh + spread(v >>> 4)) | 0;
      if (row === size - 1) continue;
      const block = ~((v ^ lanes[i + 1]!) | (v ^ lanes[i + size]!) | (v ^ lanes[i + size + 1]!));
      low = (low + spread(block)) | 0;
      high = (high + spread(block >>> 4)) | 0;
    }
    const last = lanes[end]!;
    flush(dark, (darkLow + spread(last)) | 0, (darkHigh + spread(last >>> 4)) | 0, 1);
    flush(points, low, high, 3);
  }
  // N4: 10 points per 5% that the dark modules are off half, in the library's arithmetic.
  const modules = size * size;
  for (let p = 0; p < MASKS; p++) {
    points[p]! += Math.abs(Math.ceil((dark[p]! * 100) / modules / 5) - 10) * 10;
  }
  return points;
}

/** The format information of each level as lanes: for each of its 15 bits, the byte whose
 *  bit p is that bit of FormatInfo.getEncodedBits(level, p). */
const FORMAT_LANES = Object.fromEntries(
  (Object.keys(EC_BITS) as EcLevel[]).map((level) => {
    const lanes = new Uint8Array(15);
    for (let i = 0; i < 15; i++) {
      for (let p = 0; p < MASKS; p++) lanes[i]! |= ((formatBits(level, p) >> i) & 1) << p;
    }
    return [level, lanes];
  }),
) as Record<EcLevel, Uint8Array>;

/** Writes format information where the library's setupFormatInfo does, `bits[i]` as its bit i,
 *  and the dark module beside the lower-left finder. */
function writeFormatInfo(matrix: Uint8Array, size: number, bits: Uint8Array, dark: number): void {
  for (let i = 0; i < 15; i++) {
    matrix[(i < 6 ? i : i < 8 ? i + 1 : size - 15 + i) * size + 8] = bits[i]!;
    matrix[8 * size + (i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1)] = bits[i]!;
  }
  matrix[(size - 8) * size + 8] = dark;
}

export interface MaskedSymbol {
  /** The mask the library would choose: the lowest penalty, the first of equals. */
  pattern: number;
  /** The symbol with that mask applied and its format information written, row-major, 1 = dark. */
  modules: Uint8Array;
}

/** The library's choice of mask for an unmasked symbol (`unmasked` and `reserved` row-major,
 *  `size`×`size`, as in its BitMatrix; 1 = dark, 1 = reserved), and the symbol it then draws. */
export function chooseMask(unmasked: Uint8Array, reserved: Uint8Array, size: number, level: EcLevel): MaskedSymbol {
  const n = size * size;
  const bytes = maskBytes(size);
  // Each module as 8 lanes, one per mask: its colour under that mask. Reserved modules
  // keep their colour under every mask, except the format information, which names the mask.
  const lanes = new Uint8Array(n);
  for (let i = 0; i < n; i++) lanes[i] = (-unmasked[i]! & 0xff) ^ (bytes[i]! & (reserved[i]! - 1));
  writeFormatInfo(lanes, size, FORMAT_LANES[level], 0xff);

  const points = penalties(lanes, size);
  let pattern = 0;
  for (let p = 1; p < MASKS; p++) if (points[p]! < points[pattern]!) pattern = p;
  const modules = new Uint8Array(n);
  for (let i = 0; i < n; i++) modules[i] = (lanes[i]! >> pattern) & 1;
  return { pattern, modules };
}

// Where a QR code is made: the canonical URL of an article as an inline SVG, so a reader at a
// desk can continue on a phone. Vector and crisp at any zoom or print resolution; one <path>
// of dark modules keeps it to a few kilobytes.

import QRCode from "qrcode";
import { chooseMask, type MaskedSymbol, xorMask } from "./mask.ts";
import { qrSegments } from "./segments.ts";

export interface QrOptions {
  /** M recovers from 15% damage: enough for a screen or paper, with smaller codes than Q/H. */
  errorCorrectionLevel: "L" | "M" | "Q" | "H";
  /** Light modules around the code; the standard asks for 4. */
  quietZone: number;
}

export const QR_DEFAULTS: QrOptions = { errorCorrectionLevel: "M", quietZone: 4 };

/** The pieces of a path, by quiet zone: "M<x> " of a run from column k, "<y>h" of row k, and
 *  "<k>v1h-<k>z" of a run k long. A code has hundreds of runs; their numbers repeat. */
const pathPieces = new Map<number, { at: string[]; row: string[]; run: string[] }>();

function piecesUpTo(size: number, offset: number): { at: string[]; row: string[]; run: string[] } {
  let pieces = pathPieces.get(offset);
  if (!pieces) pathPieces.set(offset, (pieces = { at: [], row: [], run: [] }));
  for (let k = pieces.at.length; k <= size; k++) {
    pieces.at.push(`M${k + offset} `);
    pieces.row.push(`${k + offset}h`);
    pieces.run.push(`${k}v1h-${k}z`);
  }
  return pieces;
}

/** The path of all dark modules (`modules` row-major, 1 = dark), one horizontal run at a time. */
function darkModulesPath(size: number, modules: Uint8Array, offset: number): string {
  const { at, row: rows, run } = piecesUpTo(size, offset);
  let path = "";
  for (let row = 0; row < size; row++) {
    const base = row * size;
    const y = rows[row]!;
    for (let col = 0; col < size; ) {
      if (!modules[base + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules[base + col]) col++;
      path += at[start]! + y + run[col - start]!;
    }
  }
  return path;
}

/** The modules of the code of `url` as the library draws them, row-major, 1 = dark, and its
 *  mask. The library encodes the data; its searches for the best segments and the best mask
 *  are slow, so it is given the segments it would choose (segments.ts) and asked for mask 0,
 *  which is taken off again to choose the mask as it would have (mask.ts). */
export function qrSymbol(url: string, level: QrOptions["errorCorrectionLevel"]): MaskedSymbol & { size: number } {
  const { modules } = QRCode.create(qrSegments(url, level), { errorCorrectionLevel: level, maskPattern: 0 });
  const { size } = modules;
  const unmasked = modules.data.slice();
  xorMask(0, unmasked, modules.reservedBit, size);
  return { size, ...chooseMask(unmasked, modules.reservedBit, size, level) };
}

/** An inline SVG QR code of `url`. Hidden from screen readers: the element around it
 *  carries the label, in the reader's language, from the UI strings. */
export function qrSvg(url: string, options: QrOptions = QR_DEFAULTS): string {
  const { size, modules } = qrSymbol(url, options.errorCorrectionLevel);
  const extent = size + options.quietZone * 2;
  const path = darkModulesPath(size, modules, options.quietZone);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="qr-svg" viewBox="0 0 ${extent} ${extent}" ` +
    `aria-hidden="true" focusable="false" shape-rendering="crispEdges">` +
    `<rect width="${extent}" height="${extent}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}

// Where a QR code is made: the canonical URL of an article as an inline SVG, so a reader at a
// desk can continue on a phone. Vector and crisp at any zoom or print resolution; one <path>
// of dark modules keeps it to about two kilobytes.

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

/**
 * The path of all dark modules (`modules` row-major, 1 = dark): each horizontal run of them a
 * line one module thick, drawn by the stroke along the middle of its row, as the library's own
 * SVG renderer draws them. A run is "h<length>" after a move: absolute to a row's first run,
 * "m<gap> 0" to the next. Half the bytes of filled rectangles, on every article page.
 */
function darkModulesPath(size: number, modules: Uint8Array, offset: number): string {
  let path = "";
  for (let row = 0; row < size; row++) {
    const base = row * size;
    let end = -1; // where the last run of this row ended; -1 before the first
    for (let col = 0; col < size; ) {
      if (!modules[base + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules[base + col]) col++;
      path += (end < 0 ? `M${start + offset} ${row + offset}.5` : `m${start - end} 0`) + `h${col - start}`;
      end = col;
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
    `<rect width="${extent}" height="${extent}" fill="#fff"/><path stroke="#000" d="${path}"/></svg>`
  );
}

// Where a QR code is made: the canonical URL of an article as an inline SVG, so a reader at a
// desk can continue on a phone. Vector and crisp at any zoom or print resolution; one <path>
// of dark modules keeps it to a few kilobytes.

import QRCode from "qrcode";

export interface QrOptions {
  /** M recovers from 15% damage: enough for a screen or paper, with smaller codes than Q/H. */
  errorCorrectionLevel: "L" | "M" | "Q" | "H";
  /** Light modules around the code; the standard asks for 4. */
  quietZone: number;
}

export const QR_DEFAULTS: QrOptions = { errorCorrectionLevel: "M", quietZone: 4 };

/** The path of all dark modules, one horizontal run at a time. */
function darkModulesPath(size: number, isDark: (row: number, col: number) => boolean, offset: number): string {
  let path = "";
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; ) {
      if (!isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && isDark(row, col)) col++;
      path += `M${start + offset} ${row + offset}h${col - start}v1h${start - col}z`;
    }
  }
  return path;
}

/** An inline SVG QR code of `url`. Hidden from screen readers: the element around it
 *  carries the label, in the reader's language, from the UI strings. */
export function qrSvg(url: string, options: QrOptions = QR_DEFAULTS): string {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: options.errorCorrectionLevel });
  const extent = modules.size + options.quietZone * 2;
  const path = darkModulesPath(modules.size, (row, col) => Boolean(modules.get(row, col)), options.quietZone);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="qr-svg" viewBox="0 0 ${extent} ${extent}" ` +
    `aria-hidden="true" focusable="false" shape-rendering="crispEdges">` +
    `<rect width="${extent}" height="${extent}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}

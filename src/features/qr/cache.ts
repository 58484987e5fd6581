// QR codes are pure functions of URL and options, and an archive's URLs rarely change:
// each one is kept on disk, so rebuilds and preview restarts read it instead of making it.

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { codeRecipe } from "../../files/code-recipe.ts";
import { QR_DEFAULTS, qrSvg, type QrOptions } from "./qr.ts";

/** The code that makes a code (qr.ts and what it runs, and the qrcode library it drives): an
 *  entry made by other code (another drawing) is not reused. */
const RECIPE = codeRecipe([new URL("./qr.ts", import.meta.url)], ["qrcode"]);

export function qrCacheKey(url: string, options: QrOptions): string {
  return createHash("sha256").update(JSON.stringify([url, options, RECIPE])).digest("hex").slice(0, 32);
}

/** The code of `url`, from `dir` when it was made before. */
export function cachedQrSvg(url: string, dir: string, options: QrOptions = QR_DEFAULTS): string {
  const file = path.join(dir, `${qrCacheKey(url, options)}.svg`);
  try {
    return readFileSync(file, "utf8");
  } catch {
    const svg = qrSvg(url, options);
    mkdirSync(dir, { recursive: true });
    // Write then rename, so a build killed mid-write never leaves a truncated code behind.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, svg);
    renameSync(partial, file);
    return svg;
  }
}

// QR codes are pure functions of URL and options, and an archive's URLs rarely change:
// keep each one on disk so rebuilds and `npm start` restarts reuse it (0.6 ms to make, tens
// of microseconds to read; 10,000 articles would otherwise spend six seconds per build).

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { QR_DEFAULTS, qrSvg, type QrOptions } from "./qr.ts";

export const QR_CACHE_DIR = ".cache/qr";

export function qrCacheKey(url: string, options: QrOptions): string {
  return createHash("sha256").update(JSON.stringify([url, options])).digest("hex").slice(0, 32);
}

export function cachedQrSvg(url: string, options: QrOptions = QR_DEFAULTS, dir = QR_CACHE_DIR): string {
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

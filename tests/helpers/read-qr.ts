// Reading a QR code the way a phone does: jsqr over the pixels of a picture of it.

import jsQRModule from "jsqr";
import sharp from "sharp";

// jsqr is CommonJS with an ES-style default export; Node and Vite disagree on which object
// a default import gives, so take the function from wherever it is.
type JsQR = typeof jsQRModule.default;
export const jsQR: JsQR = (jsQRModule as unknown as { default?: JsQR }).default ?? (jsQRModule as unknown as JsQR);

/** What a phone reads from a PNG of a QR code (a screenshot), if anything. */
export async function readQrPng(png: Buffer): Promise<string | undefined> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

// Article files (and the channel's dumps) are UTF-8. Node's "utf8" decoding turns a bad byte
// into U+FFFD without a word, so a file saved in another encoding, or cut mid-character,
// would build with its text silently replaced. Decoding strictly lets us point at the byte.

export interface InvalidUtf8 {
  /** 0-based offset of the first byte that is not UTF-8. */
  offset: number;
  byte: number;
  /** 1-based line and column (in characters) where that byte stands. */
  line: number;
  col: number;
}

// Also drops a leading byte order mark, as editors expect.
const strict = new TextDecoder("utf-8", { fatal: true });

/** The text of a file's bytes, or where its first invalid byte is. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { invalid: InvalidUtf8 } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    return { invalid: locate(bytes, firstInvalidByte(bytes)) };
  }
}

/** "invalid UTF-8 at byte 1234 (0xff)": the message a checker prints at the byte's line:col. */
export function invalidUtf8Message(invalid: InvalidUtf8): string {
  const hex = invalid.byte.toString(16).padStart(2, "0");
  return `invalid UTF-8 at byte ${invalid.offset} (0x${hex}): save the file as UTF-8`;
}

/** Only called once the decoder has refused the bytes, so some byte is invalid. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    // Continuation bytes after the lead, and the smallest code point that may use that many
    // (anything smaller is an overlong form).
    const [follow, min] = lead >= 0xc2 && lead <= 0xdf ? [1, 0x80] : lead >= 0xe0 && lead <= 0xef ? [2, 0x800] : lead >= 0xf0 && lead <= 0xf4 ? [3, 0x10000] : [0, 0];
    if (follow === 0 || i + follow >= bytes.length) return i;
    let code = lead & (0x3f >> follow);
    for (let k = 1; k <= follow; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += follow + 1;
  }
  return bytes.length;
}

function locate(bytes: Uint8Array, offset: number): InvalidUtf8 {
  const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const before = strict.decode(bytes.subarray(lineStart, offset));
  return { offset, byte: bytes[offset] ?? 0, line, col: [...before].length + 1 };
}

import iconv from "iconv-lite";

/** How the bytes of a text file were read, for messages. */
export type TextEncoding = "utf-8" | "utf-16le" | "windows-1252";

/**
 * Reads CSV bytes as text: UTF-8 with or without a byte-order mark, UTF-16 (Excel "Unicode text"), else
 * Windows-1252. `damagedHeadings` is true when only the heading line is not UTF-8: then the file is UTF-8
 * with a damaged heading, not another code page, and the unreadable bytes are shown as U+FFFD (�).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding; damagedHeadings: boolean } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16le"), encoding: "utf-16le", damagedHeadings: false };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8", damagedHeadings: false };
  } catch {
    if (onlyHeadingLineIsBroken(body)) return { text: new TextDecoder("utf-8").decode(body), encoding: "utf-8", damagedHeadings: true };
    // Not valid UTF-8: Excel on Windows saves "CSV" in the Windows-1252 code page.
    return { text: iconv.decode(Buffer.from(body), "win1252"), encoding: "windows-1252", damagedHeadings: false };
  }
}

function onlyHeadingLineIsBroken(body: Uint8Array): boolean {
  const newline = body.indexOf(0x0a);
  if (newline < 0) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(body.subarray(newline + 1));
    return true;
  } catch {
    return false;
  }
}

import { describe, expect, it } from "vitest";
import { checkLogo, imageSize, LOGO_MAX_BYTES } from "~/services/councilLogo.server";

const PNG_1X1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
// SOI, an APP0 segment, then a baseline frame header (SOF0) of 300 × 120 pixels.
const JPEG_HEAD = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x78, 0x01, 0x2c, 0x03, 0x01, 0x22, 0x00]);

describe("council logo checks", () => {
  it("accepts PNG and JPEG by their first bytes and reads their size", () => {
    expect(checkLogo(PNG_1X1)).toEqual({ ok: true, type: "image/png" });
    expect(imageSize(PNG_1X1, "image/png")).toEqual({ width: 1, height: 1 });
    expect(checkLogo(JPEG_HEAD)).toEqual({ ok: true, type: "image/jpeg" });
    expect(imageSize(JPEG_HEAD, "image/jpeg")).toEqual({ width: 300, height: 120 });
  });

  it("refuses an SVG, a GIF and an empty file with a message that says what to do", () => {
    const svg = checkLogo(new TextEncoder().encode("<svg/>"));
    expect(svg).toMatchObject({ ok: false, message: expect.stringContaining("Save your logo as PNG or JPEG") });
    expect(checkLogo(new TextEncoder().encode("GIF89a...."))).toMatchObject({ ok: false });
    expect(checkLogo(new Uint8Array(0))).toMatchObject({ ok: false, message: expect.stringContaining("empty") });
  });

  it("refuses a PNG over the size cap", () => {
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(PNG_1X1);
    expect(checkLogo(big)).toMatchObject({ ok: false, message: expect.stringContaining("the largest we accept is 200 kB") });
  });
});

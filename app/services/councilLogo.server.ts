// A council's logo: an owner uploads a PNG or JPEG (checked by its first bytes, not its name or declared type).
import { db } from "~/models/db.server";
import { formProblemResponse, tryReadForm } from "./readForm.server";

export const LOGO_MAX_BYTES = 200 * 1024;
export type LogoType = "image/png" | "image/jpeg";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/** What the bytes really are: PNG or JPEG by their magic bytes, else null. */
export function sniffLogoType(bytes: Uint8Array): LogoType | null {
  if (PNG.every((b, i) => bytes[i] === b)) return "image/png";
  if (JPEG.every((b, i) => bytes[i] === b)) return "image/jpeg";
  return null;
}

export type LogoCheck = { ok: true; type: LogoType } | { ok: false; message: string };

export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.byteLength === 0) return { ok: false, message: "Choose an image file to upload: the file was empty." };
  if (bytes.byteLength > LOGO_MAX_BYTES) {
    return { ok: false, message: `The logo is ${Math.ceil(bytes.byteLength / 1024)} kB; the largest we accept is ${LOGO_MAX_BYTES / 1024} kB. Save a smaller version (for example 600 pixels wide) and try again.` };
  }
  const type = sniffLogoType(bytes);
  if (!type) return { ok: false, message: "That file is not a PNG or JPEG image. Save your logo as PNG or JPEG and upload it again." };
  return { ok: true, type };
}

/** Width and height in pixels, read from the PNG header or the JPEG's first frame marker (for the Word version). */
export function imageSize(bytes: Uint8Array, type: LogoType): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === "image/png" && bytes.byteLength >= 24) return { width: view.getUint32(16), height: view.getUint32(20) };
  let at = 2;
  while (at + 9 < bytes.byteLength) {
    if (bytes[at] !== 0xff) break;
    const marker = bytes[at + 1];
    const length = view.getUint16(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
    at += 2 + length;
  }
  return { width: 200, height: 80 };
}

export async function saveLogo(orgId: string, bytes: Uint8Array, type: LogoType): Promise<void> {
  await db().organisation.update({ where: { id: orgId }, data: { logo: Buffer.from(bytes), logoType: type } });
}

export async function removeLogo(orgId: string): Promise<void> {
  await db().organisation.update({ where: { id: orgId }, data: { logo: null, logoType: null } });
}

export async function hasLogo(orgId: string): Promise<boolean> {
  return (await db().organisation.findUnique({ where: { id: orgId }, select: { logoType: true } }))?.logoType != null;
}

/** The logo of exactly this council (the caller has already checked the viewer belongs to it). */
export async function findLogo(orgId: string): Promise<{ bytes: Uint8Array; type: LogoType } | null> {
  const org = await db().organisation.findUnique({ where: { id: orgId }, select: { logo: true, logoType: true } });
  if (!org?.logo || (org.logoType !== "image/png" && org.logoType !== "image/jpeg")) return null;
  return { bytes: new Uint8Array(org.logo), type: org.logoType };
}

export function logoResponse(logo: { bytes: Uint8Array; type: LogoType }): Response {
  return new Response(new Uint8Array(logo.bytes), {
    headers: { "Content-Type": logo.type, "Cache-Control": "private, no-cache", "Content-Disposition": "inline" },
  });
}

export type LogoOutcome = { ok: boolean; message: string };

/** The logo plus the form's own fields and multipart framing: a body over this is stopped as it arrives. */
const LOGO_REQUEST_BYTES = LOGO_MAX_BYTES + 16 * 1024;

/**
 * Reads the settings page's logo upload; the byte cap stops an oversized file before it is all in memory.
 * A body that is not a form, or is cut short, throws the 415/400 answer (readForm.server).
 */
export async function uploadLogo(orgId: string, request: Request): Promise<LogoOutcome> {
  const tooLarge = `The logo is larger than ${LOGO_MAX_BYTES / 1024} kB, the largest we accept. Save a smaller version (for example 600 pixels wide) and try again.`;
  const read = await tryReadForm(request, { maxBytes: LOGO_REQUEST_BYTES });
  if (!read.ok && read.problem === "too-large") return { ok: false, message: tooLarge };
  if (!read.ok) throw formProblemResponse(read.problem);
  const form = read.form;
  const file = form.get("logo");
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Choose an image file (PNG or JPEG) to upload as your logo." };
  if (file.size > LOGO_MAX_BYTES) return { ok: false, message: tooLarge };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = checkLogo(bytes);
  if (!checked.ok) return { ok: false, message: `Your logo was not changed. ${checked.message}` };
  await saveLogo(orgId, bytes, checked.type);
  return { ok: true, message: "Logo saved. It now appears on your board papers and their Word versions." };
}

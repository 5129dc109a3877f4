// What the room's screen shows besides the live document: the join code people can use now, and a QR code
// of the join link, drawn here by the qrcode library (no outside service sees the code).
import { listJoinCodes } from "~/models/joinCode.server";
import { qrSvg } from "./collect/personalCodes.server";

export type PresenterJoin = { code: string; url: string; qr: string; expiresAt: string } | null;

/** The newest join code that still works, its join link and the link's QR code (SVG); null when none works. */
export async function presenterJoin(workspaceId: string, origin: string, now = new Date()): Promise<PresenterJoin> {
  const codes = await listJoinCodes(workspaceId);
  const usable = codes.find((c) => c.endedAt === null && c.expiresAt > now);
  if (!usable) return null;
  const url = `${origin}/join?code=${encodeURIComponent(usable.code)}`;
  return { code: usable.code, url, qr: await qrSvg(url), expiresAt: usable.expiresAt.toISOString() };
}

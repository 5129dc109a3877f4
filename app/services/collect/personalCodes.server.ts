// Personal codes for people whose review is due, and the printable letter each one goes on.
// The QR code is drawn here, on our server, by the qrcode library: no outside service sees the codes.
import { randomBytes } from "node:crypto";
import QRCode from "qrcode";
import { formatSurveyCode } from "~/domain/collect";
import { recordAudit } from "~/models/audit.server";
import { db } from "~/models/db.server";

export const MAX_CODES_AT_ONCE = 500;

/** Makes this many new single-use codes for a collection of this council; returns them. */
export async function createPersonalCodes(orgId: string, collectionId: string, count: number, actor: { id: string; email: string }, ip = ""): Promise<string[]> {
  const collection = await db().collection.findFirst({ where: { id: collectionId, orgId }, select: { id: true, name: true } });
  if (!collection) throw new Error(`collection ${collectionId} is not in council ${orgId}`);
  const codes = new Set<string>();
  while (codes.size < count) codes.add(formatSurveyCode("personal", randomBytes(8)));
  // 23^8 codes: a clash with an existing one is very unlikely; skipDuplicates is not portable, so retry the few.
  const existing = await db().surveyCode.findMany({ where: { code: { in: [...codes] } }, select: { code: true } });
  for (const { code } of existing) codes.delete(code);
  await db().surveyCode.createMany({ data: [...codes].map((code) => ({ collectionId, code })) });
  await recordAudit({ orgId, action: "survey-codes-created", actorId: actor.id, actorLabel: actor.email, detail: `${codes.size} personal codes for ${collection.name}`, ip });
  return [...codes];
}

/** The QR code for a survey address, as an SVG document string. */
export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

// What a council may do to a round once imported: rename it and give its fieldwork period, archive it
// (out of the default lists, still readable), bring it back, delete it (refused while a plan works from
// it unless archived first; the name typed to confirm), and share its aggregate figures with other councils.
// Every change is audited.
import { z } from "zod";
import { recordAudit } from "~/models/audit.server";
import { db } from "~/models/db.server";
import { countPlansUsingRound, deleteRoundRecord, setRoundArchived, updateRoundRecord } from "~/models/roundRecord.server";

const isoDate = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : null;
    if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `“${v}” is not a date: use the date picker or write it as 2026-03-31.` });
      return z.NEVER;
    }
    return d;
  });

export const RoundIntent = z.union([
  z
    .object({
      intent: z.literal("update"),
      name: z.string({ required_error: "Enter a name for the round" }).trim().min(3, "Use at least 3 characters").max(100, "Use at most 100 characters"),
      fieldworkStart: isoDate,
      fieldworkEnd: isoDate,
    })
    .refine((v) => !v.fieldworkStart || !v.fieldworkEnd || v.fieldworkStart <= v.fieldworkEnd, { message: "Fieldwork cannot end before it starts: check the two dates.", path: ["fieldworkEnd"] }),
  z.object({ intent: z.literal("archive") }),
  z.object({ intent: z.literal("unarchive") }),
  z.object({ intent: z.literal("delete"), confirmName: z.string({ required_error: "Type the round's name to confirm" }).trim() }),
  z.object({ intent: z.literal("share"), share: z.enum(["yes", "no"]) }),
]);
export type RoundIntentInput = z.infer<typeof RoundIntent>;

type Actor = { id: string; email: string };
export type RoundChangeResult = { ok: true; message: string; deleted?: boolean } | { ok: false; field: string; message: string };

/** Applies one change to a round of this council and audits it; refusals say why and what to do. */
export async function changeRound(orgId: string, roundId: string, input: RoundIntentInput, actor: Actor, ip = ""): Promise<RoundChangeResult | null> {
  const round = await db().poetRound.findFirst({ where: { id: roundId, orgId }, select: { id: true, name: true, archivedAt: true, sharedWithPeers: true } });
  if (!round) return null;
  const audit = (action: Parameters<typeof recordAudit>[0]["action"], detail: string) => recordAudit({ orgId, action, actorId: actor.id, actorLabel: actor.email, detail, ip });
  switch (input.intent) {
    case "update": {
      await updateRoundRecord(orgId, roundId, { name: input.name, fieldworkStart: input.fieldworkStart, fieldworkEnd: input.fieldworkEnd });
      const period = input.fieldworkStart || input.fieldworkEnd ? `fieldwork ${input.fieldworkStart?.toISOString().slice(0, 10) ?? "?"} to ${input.fieldworkEnd?.toISOString().slice(0, 10) ?? "?"}` : "no fieldwork dates";
      await audit("round-updated", `${round.name} → ${input.name} (${period})`);
      return { ok: true, message: "Round details saved." };
    }
    case "archive":
      await setRoundArchived(orgId, roundId, true);
      await audit("round-archived", round.name);
      return { ok: true, message: "Round archived: it no longer appears in the council's list of rounds, but its page still works." };
    case "unarchive":
      await setRoundArchived(orgId, roundId, false);
      await audit("round-unarchived", round.name);
      return { ok: true, message: "Round brought back into the council's list." };
    case "delete": {
      if (input.confirmName !== round.name) return { ok: false, field: "confirmName", message: `Type the round's name exactly (“${round.name}”) to confirm you want to delete it.` };
      const plans = await countPlansUsingRound(orgId, roundId);
      if (plans > 0 && !round.archivedAt)
        return { ok: false, field: "confirmName", message: `${plans === 1 ? "A plan works" : `${plans} plans work`} from this round, so it cannot be deleted. Archive it first if you are sure: the plans then lose its findings.` };
      await deleteRoundRecord(orgId, roundId);
      await audit("round-deleted", `${round.name}${plans > 0 ? ` (used by ${plans} plan${plans === 1 ? "" : "s"})` : ""}`);
      return { ok: true, message: `Round “${round.name}” deleted.`, deleted: true };
    }
    case "share": {
      const share = input.share === "yes";
      await db().poetRound.updateMany({ where: { id: roundId, orgId }, data: { sharedWithPeers: share } });
      await audit("round-sharing-changed", `${round.name}: ${share ? "aggregate figures shared with other councils" : "no longer shared"}`);
      return { ok: true, message: share ? "This round's figures (percentages per question and group, never people's answers) are now shared with other councils here." : "This round is no longer shared with other councils." };
    }
    default:
      return null;
  }
}

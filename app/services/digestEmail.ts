// The weekly digest as a plain-text email: short sections, each action with its plan and a link.
import type { DigestAction, DigestSections } from "~/domain/tracking/reminders";
import { shortDate } from "~/domain/tracking/milestones";

export type CouncilDigest = { council: string; sections: DigestSections };

function lines(title: string, actions: DigestAction[], publicUrl: string): string[] {
  if (actions.length === 0) return [];
  return [
    `${title} (${actions.length})`,
    ...actions.map((a) => `- ${a.title || "Untitled action"} (${a.plan}${a.due ? `, due ${shortDate(a.due)}` : ""})\n  ${publicUrl}/w/${a.workspaceId}/actions/${a.id}`),
    "",
  ];
}

function sectionLines(s: DigestSections, publicUrl: string): string[] {
  return [
    ...lines("Overdue", s.overdue, publicUrl),
    ...lines("Due in the next 14 days", s.dueSoon, publicUrl),
    ...lines("No progress update for a while (stale)", s.stale, publicUrl),
    ...lines("New this week", s.new, publicUrl),
  ];
}

/** Subject and body of one person's digest; every digest ends with the link to change the choice. */
export function digestEmail(input: { name: string; weekOf: string; own: DigestSections | null; councils: CouncilDigest[]; publicUrl: string }) {
  const body = [`Hello ${input.name},`, "", `Here is your weekly round-up of POET action plans for the week of ${shortDate(input.weekOf)}.`, ""];
  if (input.own) body.push("ACTIONS YOU OWN", "", ...sectionLines(input.own, input.publicUrl));
  for (const c of input.councils) body.push(`ALL PLANS IN ${c.council.toUpperCase()} (facilitator round-up)`, "", ...sectionLines(c.sections, input.publicUrl));
  body.push(
    "You get this email because weekly reminders are switched on in your account.",
    `To switch them off or change them: ${input.publicUrl}/account#reminders-heading`,
  );
  return { subject: `Your weekly action plan reminders, week of ${shortDate(input.weekOf)}`, text: body.join("\n") };
}

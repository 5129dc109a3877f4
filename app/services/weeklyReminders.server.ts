// The weekly digest run: who gets what, claimed through the job table so each digest goes out once.
import { isOwnedBy } from "~/domain/tracking/filters";
import { digestDue, digestSections, englandClock, isEmptyDigest, reminderWeek, type DigestAction, type DigestSections } from "~/domain/tracking/reminders";
import { todayInEngland } from "~/domain/tracking/today";
import { db } from "~/models/db.server";
import { claimReminder, markReminderSent, releaseReminder } from "~/models/reminderJob.server";
import { listActionsOfPlans } from "~/models/tracking.server";
import { digestEmail, type CouncilDigest } from "./digestEmail";
import { mailConfigured, sendMail } from "./mail.server";

export type ReminderRun = { week: string; sent: number; alreadyClaimed: number; nothingToSay: number; failed: number };
type Schedule = { day: number; hour: number };

function mondayOf(now: Date): string {
  const today = new Date(`${todayInEngland(now)}T00:00:00Z`);
  today.setUTCDate(today.getUTCDate() - (englandClock(now).weekday - 1));
  return today.toISOString().slice(0, 10);
}

/** Every open plan's actions in each council, with the council's stale days (archived plans send no reminders). */
async function councilActions(orgIds: string[]) {
  const [orgs, plans] = await Promise.all([
    db().organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true, staleAfterDays: true } }),
    db().workspace.findMany({ where: { orgId: { in: orgIds }, archivedAt: null }, select: { id: true, name: true, orgId: true } }),
  ]);
  const planOf = new Map(plans.map((p) => [p.id, p]));
  const actions = await listActionsOfPlans(plans.map((p) => p.id));
  return orgs.map((org) => ({
    org,
    actions: actions
      .filter((a) => planOf.get(a.workspaceId)?.orgId === org.id)
      .map((a) => ({ ...a, plan: planOf.get(a.workspaceId)!.name })),
  }));
}

const toDigest = (a: DigestAction): DigestAction => ({ id: a.id, workspaceId: a.workspaceId, plan: a.plan, title: a.title, status: a.status, due: a.due, createdAt: a.createdAt, lastUpdateAt: a.lastUpdateAt });
const mergeSections = (all: DigestSections[]): DigestSections => ({
  overdue: all.flatMap((s) => s.overdue),
  dueSoon: all.flatMap((s) => s.dueSoon),
  stale: all.flatMap((s) => s.stale),
  new: all.flatMap((s) => s.new),
});

/**
 * Sends this week's digests that nobody has sent yet, if the week's sending moment has come and email is
 * set up. Safe to call from any number of instances at once and any number of times: each person's
 * digest for a week is claimed once in the job table before it is sent. Returns null when not due.
 */
export async function runWeeklyReminders(now: Date, schedule: Schedule, publicUrl: string): Promise<ReminderRun | null> {
  if (!mailConfigured() || !digestDue(now, schedule)) return null;
  const week = reminderWeek(now);
  const today = todayInEngland(now);
  const run: ReminderRun = { week, sent: 0, alreadyClaimed: 0, nothingToSay: 0, failed: 0 };
  const people = await db().user.findMany({
    where: { OR: [{ ownerDigest: true }, { facilitatorDigest: true }], reminderJobs: { none: { week } } },
    select: { id: true, name: true, email: true, ownerDigest: true, facilitatorDigest: true, memberships: { select: { orgId: true, role: true } } },
  });
  const councils = await councilActions([...new Set(people.flatMap((p) => p.memberships.map((m) => m.orgId)))]);
  for (const person of people) {
    const mine = councils.filter((c) => person.memberships.some((m) => m.orgId === c.org.id));
    const own = person.ownerDigest
      ? mergeSections(mine.map((c) => digestSections(c.actions.filter((a) => isOwnedBy(a, { id: person.id, name: person.name })).map(toDigest), today, () => c.org.staleAfterDays)))
      : null;
    const facilitated: CouncilDigest[] = person.facilitatorDigest
      ? mine
          .filter((c) => person.memberships.some((m) => m.orgId === c.org.id && (m.role === "owner" || m.role === "facilitator")))
          .map((c) => ({ council: c.org.name, sections: digestSections(c.actions.map(toDigest), today, () => c.org.staleAfterDays) }))
          .filter((c) => !isEmptyDigest(c.sections))
      : [];
    const ownHasNews = own !== null && !isEmptyDigest(own);
    if (!ownHasNews && facilitated.length === 0) {
      run.nothingToSay++;
      continue;
    }
    if (!(await claimReminder(person.id, week))) {
      run.alreadyClaimed++;
      continue;
    }
    const mail = digestEmail({ name: person.name, weekOf: mondayOf(now), own: ownHasNews ? own : null, councils: facilitated, publicUrl });
    const outcome = await sendMail({ to: person.email, ...mail });
    if (outcome.sent) {
      await markReminderSent(person.id, week);
      run.sent++;
    } else {
      await releaseReminder(person.id, week);
      run.failed++;
    }
  }
  return run;
}

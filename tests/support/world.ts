// Two councils with a member of every role, a workspace each, and guests: the cast of the access tests.
import { randomBytes } from "node:crypto";
import type { Role } from "~/domain/access/permissions";
import { createGuest, createJoinCode } from "~/models/joinCode.server";
import { db } from "~/models/db.server";
import { createUser } from "~/models/user.server";

export const PASSWORD = "correct horse battery staple";

export type Person = { id: string; email: string; name: string };
export type World = Awaited<ReturnType<typeof createWorld>>;

async function person(label: string): Promise<Person> {
  const email = `${label}-${randomBytes(3).toString("hex")}@example.test`;
  return createUser({ email, name: label.replace(/^\w/, (c) => c.toUpperCase()), password: PASSWORD });
}

async function council(name: string, people: Partial<Record<Role, Person>>) {
  const slug = `${name.toLowerCase().replace(/\W+/g, "-")}-${randomBytes(3).toString("hex")}`;
  const org = await db().organisation.create({ data: { slug, name } });
  for (const [role, who] of Object.entries(people)) await db().membership.create({ data: { orgId: org.id, userId: who!.id, role } });
  const workspace = await db().workspace.create({ data: { orgId: org.id, name: `${name} plan` } });
  return { org, workspace };
}

export async function createWorld() {
  const [owner, facilitator, member, viewer, outsider] = await Promise.all(["owner", "facilitator", "member", "viewer", "outsider"].map(person));
  const a = await council("Westshire", { owner: owner!, facilitator: facilitator!, member: member!, viewer: viewer! });
  const b = await council("Eastvale", { owner: outsider! });
  const codeA = await createJoinCode(a.workspace.id, facilitator!.id, 4);
  const codeB = await createJoinCode(b.workspace.id, outsider!.id, 4);
  return { owner: owner!, facilitator: facilitator!, member: member!, viewer: viewer!, outsider: outsider!, a, b, codeA, codeB, createGuest };
}

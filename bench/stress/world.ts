// The cast of a stress run, written through the app's own models before the server starts: one council
// with a facilitator, a co-producer who attacks, two honest co-producers and a viewer; a join code for the
// guest; and a second council whose workspace the attackers try to reach.
import { randomBytes } from "node:crypto";
import { createJoinCode } from "~/models/joinCode.server";
import { db } from "~/models/db.server";
import { createUser } from "~/models/user.server";
import { Visitor } from "../../tests/support/visitor";
import type { Credentials } from "./honestPeer";

export const STRESS_PASSWORD = "stress test password 2026";

export type StressPerson = { email: string; name: string };
export type StressWorld = {
  workspaceId: string;
  otherWorkspaceId: string;
  joinCode: string;
  facilitator: StressPerson;
  member: StressPerson;
  honestA: StressPerson;
  honestB: StressPerson;
  viewer: StressPerson;
  guestName: string;
};

/** Needs the app's database client connected (connectDatabase) to a migrated database. */
export async function seedStressWorld(): Promise<StressWorld> {
  const tag = randomBytes(3).toString("hex");
  const person = async (label: string, name: string) => {
    const email = `stress-${label}-${tag}@example.test`;
    await createUser({ email, name, password: STRESS_PASSWORD });
    return { email, name };
  };
  const facilitator = await person("facilitator", "Fay Facilitator");
  const member = await person("member", "Mo Member");
  const honestA = await person("honest-a", "Ada Honest");
  const honestB = await person("honest-b", "Ben Honest");
  const viewer = await person("viewer", "Vic Viewer");
  const outsider = await person("outsider", "Otto Outsider");
  const userId = async (p: StressPerson) => (await db().user.findUniqueOrThrow({ where: { email: p.email } })).id;
  const org = await db().organisation.create({ data: { slug: `stress-${tag}`, name: "Stressford Council" } });
  const roles: Array<[StressPerson, string]> = [
    [facilitator, "facilitator"],
    [member, "member"],
    [honestA, "member"],
    [honestB, "member"],
    [viewer, "viewer"],
  ];
  for (const [p, role] of roles) await db().membership.create({ data: { orgId: org.id, userId: await userId(p), role } });
  const workspace = await db().workspace.create({ data: { orgId: org.id, name: "Stress plan" } });
  const other = await db().organisation.create({ data: { slug: `elsewhere-${tag}`, name: "Elsewhere Council" } });
  await db().membership.create({ data: { orgId: other.id, userId: await userId(outsider), role: "owner" } });
  const otherWorkspace = await db().workspace.create({ data: { orgId: other.id, name: "Elsewhere plan" } });
  const code = await createJoinCode(workspace.id, await userId(facilitator), 12);
  return { workspaceId: workspace.id, otherWorkspaceId: otherWorkspace.id, joinCode: code.code, facilitator, member, honestA, honestB, viewer, guestName: "Gail Guest" };
}

const credentialsOf = (visitor: Visitor, baseUrl: string): Credentials => ({ cookie: `poet_session=${visitor.sessionCookie ?? ""}`, origin: baseUrl });

/** Signs in through the real form (POST /login). */
export async function signIn(baseUrl: string, person: StressPerson): Promise<{ visitor: Visitor; credentials: Credentials }> {
  const visitor = await new Visitor(baseUrl).signIn(person.email, STRESS_PASSWORD);
  return { visitor, credentials: credentialsOf(visitor, baseUrl) };
}

/** Joins with the workshop code through the real form (POST /join). */
export async function joinAsGuest(baseUrl: string, code: string, name: string): Promise<{ visitor: Visitor; credentials: Credentials }> {
  const visitor = new Visitor(baseUrl);
  const response = await visitor.post("/join", { code, displayName: name });
  if (response.status !== 302 || !visitor.sessionCookie) throw new Error(`joining with the code failed: ${response.status} ${(await response.text()).slice(0, 200)}`);
  return { visitor, credentials: credentialsOf(visitor, baseUrl) };
}

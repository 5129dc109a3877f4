// First-run demo: a fictional council, a facilitator account and an empty action plan.
// Never runs in production (config.seedDemo is false there).
import { hash } from "@node-rs/argon2";
import { db } from "~/models/db.server";

export const DEMO = {
  orgSlug: "demo",
  orgName: "Northmoor Council (demo)",
  email: "facilitator@northmoor.example",
  name: "Demo Facilitator",
  password: "northmoor-demo-2026",
  workspaceName: "Action plan 2026 (demo)",
} as const;

export type DemoSignIn = { orgName: string; email: string; password: string };

/** Creates the demo council once (when the database has no councils) and returns its sign-in. */
export async function seedDemo(): Promise<DemoSignIn | null> {
  const client = db();
  const existing = await client.organisation.findUnique({ where: { slug: DEMO.orgSlug } });
  if (!existing) {
    if ((await client.organisation.count()) > 0) return null;
    const passwordHash = await hash(DEMO.password);
    await client.$transaction(async (tx) => {
      const org = await tx.organisation.create({ data: { slug: DEMO.orgSlug, name: DEMO.orgName, isDemo: true } });
      const user = await tx.user.upsert({
        where: { email: DEMO.email },
        update: {},
        create: { email: DEMO.email, name: DEMO.name, passwordHash },
      });
      await tx.membership.create({ data: { orgId: org.id, userId: user.id, role: "owner" } });
      await tx.workspace.create({ data: { orgId: org.id, name: DEMO.workspaceName, createdById: user.id } });
    });
  }
  return { orgName: DEMO.orgName, email: DEMO.email, password: DEMO.password };
}

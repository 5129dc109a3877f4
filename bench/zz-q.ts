import { db } from "~/models/db.server";
import { DEMO } from "../server/seed";
import { withDemoApp } from "./support/demoApp";
import os from "node:os";
await withDemoApp("q", async () => {
  const org = await db().organisation.findUniqueOrThrow({ where: { slug: DEMO.orgSlug } });
  const ws = await db().workspace.findFirstOrThrow({ where: { orgId: org.id } });
  const time = async (name: string, f: () => Promise<unknown>) => {
    for (let i = 0; i < 50; i++) await f();
    const c = process.cpuUsage(); const N = 300;
    for (let i = 0; i < N; i++) await f();
    const u = process.cpuUsage(c);
    console.log(name.padEnd(30), ((u.user + u.system) / 1000 / N).toFixed(2), "ms CPU", os.loadavg()[0].toFixed(1));
  };
  await time("statusSetting.findMany", () => db().statusSetting.findMany({ where: { orgId: org.id } }));
  await time("raw statusSetting", () => db().$queryRaw`SELECT * FROM "StatusSetting" WHERE "orgId" = ${org.id}`);
  await time("workspaceRound.findMany", () => db().workspaceRound.findMany({ where: { workspaceId: ws.id }, include: { round: true } } as any));
  await time("membership.findMany+user", () => db().membership.findMany({ where: { orgId: org.id }, include: { user: true } }));
  await time("organisation.findUnique", () => db().organisation.findUnique({ where: { id: org.id } }));
});

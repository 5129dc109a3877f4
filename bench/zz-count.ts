import { db } from "~/models/db.server";
import { DEMO } from "../server/seed";
import { withDemoApp } from "./support/demoApp";
import { Visitor } from "../tests/support/visitor";
import { fillPlan } from "./workshop";
import { COLLAB_DEFAULTS } from "../server/collab";

await withDemoApp("count", async (running) => {
  const workspace = await db().workspace.findFirstOrThrow({ where: { name: DEMO.workspaceName } });
  const owner = await new Visitor(running.baseUrl).signIn(DEMO.email, DEMO.password);
  const first = await owner.get(`/w/${workspace.id}`);
  const findingIds = [...(await first.text()).matchAll(/id="finding-([^"]+)" tabindex/g)].map((m) => m[1]!);
  await running.collab.withDocument(workspace.id, (doc) => fillPlan(doc, findingIds), { source: "server", actorId: null, actorName: "Benchmark" });
  const slot = Symbol.for("poet-action-planner.database");
  const holder = globalThis as any;
  const seen: string[] = [];
  holder[slot].db = holder[slot].db.$extends({ query: { async $allOperations({ model, operation, args, query }: any) { seen.push(`${model ?? ""}.${operation}`); return query(args); } } });
  for (const path of ["/account", `/w/${workspace.id}`, `/w/${workspace.id}/plan`, `/orgs/${DEMO.orgSlug}/dashboard`]) {
    await owner.get(path);
    seen.length = 0;
    const r = await owner.get(path);
    console.log(path, r.status, seen.length, seen.join(" "));
  }
}, { unloadGraceMs: COLLAB_DEFAULTS.unloadGraceMs });

// Two real app instances on PostgreSQL + Redis behind a load balancer, people split between them: kill -9
// one instance and its people reconnect through the balancer to the other, and nothing any peer saw — nor
// anything anyone typed — is lost.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noteFor, notesOf, readNote } from "~/domain/workspace";
import { startAppProcess, type AppProcess } from "../../support/appProcess";
import { connectClient, type TestClient } from "../../support/collab/testClient";
import { waitFor } from "../../support/collab/waitFor";
import { startLoadBalancer, type LoadBalancer } from "../../support/loadBalancer";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD } from "../../support/world";

const postgres = process.env.TEST_DB_PROVIDER === "postgresql";
let instances: AppProcess[] = [];
let balancer: LoadBalancer | null = null;
const clients: TestClient[] = [];

afterAll(async () => {
  for (const c of clients) c.destroy();
  await balancer?.close();
  await Promise.all(instances.map((i) => i.stop()));
});

const activeBalancer = () => balancer!;
/** Every note in a client's document, by finding id. */
const notes = (c: TestClient) => new Map([...notesOf(c.doc).keys()].map((id) => [id, readNote(c.doc, id)]));

describe.runIf(postgres)("scale-out: two instances behind a load balancer (PostgreSQL + Redis)", () => {
  beforeAll(async () => {
    const env = { REDIS_URL: "redis://127.0.0.1:6379", COLLAB_REDIS_CHANNEL_PREFIX: `test:${randomBytes(4).toString("hex")}:` };
    // One after the other: the first applies any pending migration alone.
    instances = [await startAppProcess(env)];
    instances.push(await startAppProcess(env));
    balancer = await startLoadBalancer(instances.map((i) => i.port));
  }, 120_000);

  it("kill -9 one instance: its people reconnect to the other and nothing any peer saw or anyone typed is lost", async () => {
    const balancer = activeBalancer();
    const world = await createWorld();
    const workspaceId = world.a.workspace.id;
    const people = [world.member, world.owner, world.facilitator, world.member];
    const browsers = await Promise.all(people.map((p) => new Visitor(balancer.baseUrl).signIn(p.email, PASSWORD)));
    // Connected one at a time, so the balancer's routing says which instance each person is on.
    const firstSocket = balancer.routed.length;
    for (const [i, browser] of browsers.entries()) {
      const headers = { Cookie: `poet_session=${browser.sessionCookie ?? ""}`, Origin: balancer.baseUrl };
      const client = connectClient(`ws://127.0.0.1:${balancer.port}/collab`, workspaceId, { as: `person-${i}`, headers });
      clients.push(client);
      await client.synced();
    }
    const instanceOf = balancer.routed.slice(firstSocket);
    expect(new Set(instanceOf).size).toBe(2); // people are on both instances

    // Everyone types into their own note, without pause, through the kill and the failover.
    const typed = clients.map(() => 0);
    let typing = true;
    const typer = setInterval(() => {
      if (!typing) return;
      clients.forEach((c, i) => noteFor(c.doc, `f-${i}`).insert(typed[i]!, `${typed[i]!++ % 10}`));
    }, 50); // 20 keystrokes a second each: brisk typing, inside the per-socket message limit
    await waitFor(() => clients.every((c) => clients.every((_, i) => readNote(c.doc, `f-${i}`).length >= 20)), "everyone sees a good part of everyone's typing");

    const victim = instances[0]!;
    await victim.kill();
    const seen = clients.map(notes); // what each peer had seen when the instance died
    const moved = clients.filter((_, i) => instanceOf[i] === victim.port);
    await waitFor(() => moved.every((c) => c.closes.length > 0 && c.provider.wsconnected && c.provider.synced), "the killed instance's people reconnected");
    await waitFor(() => moved.every((c) => clients.every((_, i) => readNote(c.doc, `f-${i}`).length > (seen[clients.indexOf(c)]!.get(`f-${i}`)?.length ?? 0))), "typing reaches the moved people again");
    typing = false;
    clearInterval(typer);

    // Every keystroke anyone made arrives everywhere (those unacknowledged by the killed instance included).
    const complete = (c: TestClient) => typed.every((count, i) => readNote(c.doc, `f-${i}`).length === count);
    await waitFor(() => clients.every(complete), "everyone has every keystroke");
    const late = connectClient(`ws://127.0.0.1:${balancer.port}/collab`, workspaceId, {
      as: "late",
      headers: { Cookie: `poet_session=${browsers[1]!.sessionCookie ?? ""}`, Origin: balancer.baseUrl },
    });
    clients.push(late);
    await late.synced();
    await waitFor(() => complete(late), "a late joiner, on the surviving instance, gets everything");
    for (const [index, before] of seen.entries()) {
      for (const [id, text] of before) expect(readNote(clients[index]!.doc, id).startsWith(text)).toBe(true);
      for (const [id, text] of before) expect(readNote(late.doc, id).startsWith(text)).toBe(true);
    }
    expect(balancer.routed.slice(firstSocket + browsers.length).every((port) => port === instances[1]!.port)).toBe(true);
  }, 180_000); // two real instances on a shared 2-core machine: generous, every wait is on a condition
});

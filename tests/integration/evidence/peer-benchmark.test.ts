// Benchmarking with other councils across tenants: only rounds a council chose to share count, nothing
// shows until five other councils share a figure, and no council is named unless it chose to be.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/models/db.server";
import { importPoetRound } from "~/services/importPoetRound.server";
import { startTestApp, type RunningApp } from "../../support/app-server";
import { demoCsv, importDemoRound } from "../../support/evidence";
import { Visitor } from "../../support/visitor";
import { createWorld, PASSWORD, type World } from "../../support/world";
import { pageText } from "./pageText";

describe("benchmarking with other councils", () => {
  let running: RunningApp;
  let world: World;
  let member: Visitor;
  let ownRound: string;
  const tag = Math.random().toString(36).slice(2, 8);
  const peerName = (i: number) => `Peershire ${i} ${tag}`;
  const peers: { orgId: string; roundId: string }[] = [];

  async function peerCouncil(i: number, share: boolean) {
    const org = await db().organisation.create({ data: { slug: `peer-${i}-${tag}`, name: peerName(i) } });
    const imported = await importPoetRound({ orgId: org.id, importedBy: null, roundName: `Peer round ${i}`, fileName: "peer.csv", bytes: new TextEncoder().encode(demoCsv(70 + i, 60)) });
    if (imported.status !== "imported") throw new Error("peer import failed");
    await db().poetRound.update({ where: { id: imported.roundId }, data: { sharedWithPeers: share } });
    peers.push({ orgId: org.id, roundId: imported.roundId });
  }

  beforeAll(async () => {
    running = await startTestApp();
    world = await createWorld();
    member = await new Visitor(running.baseUrl).signIn(world.member.email, PASSWORD);
    ownRound = await importDemoRound(world.a.org.id, { respondents: 60, seed: 69, name: "Our round" });
    // Four councils share; one (number 5) has a round but never opted in; Eastvale, the other council of the world, shares nothing.
    for (let i = 1; i <= 4; i++) await peerCouncil(i, true);
    await peerCouncil(5, false);
  }, 300_000);
  afterAll(async () => running.close());

  const findingPage = async () => pageText(await (await member.get(`/orgs/${world.a.org.slug}/rounds/${ownRound}/findings/O_SAFE~all`)).text());
  const roundPage = async () => pageText(await (await member.get(`/orgs/${world.a.org.slug}/rounds/${ownRound}`)).text());

  it("shows nothing while fewer than five other councils share, however many have rounds", async () => {
    expect(await findingPage()).not.toContain("Compared with other councils");
    expect(await roundPage()).not.toContain("Compared with other councils");
  });

  it("shows where the council sits among five sharing councils, counting no opted-out council and naming none", async () => {
    await peerCouncil(6, true);
    const text = await findingPage();
    expect(text).toContain("Compared with other councils");
    expect(text).toMatch(/of 5 other councils sharing this figure \(their median \d+%, middle half \d+% to \d+%\): higher than \d, lower than \d/);
    expect(await roundPage()).toContain("of 5 other councils sharing this figure");
    for (let i = 1; i <= 6; i++) expect(text).not.toContain(peerName(i));
    expect(text).not.toContain(world.b.org.name);
  });

  async function ownerOf(index: number) {
    const passwordHash = (await db().user.findUniqueOrThrow({ where: { id: world.owner.id } })).passwordHash;
    const user = await db().user.create({ data: { email: `owner${index}-${tag}@example.test`, name: `Owner ${index}`, passwordHash } });
    await db().membership.create({ data: { orgId: peers[index]!.orgId, userId: user.id, role: "owner" } });
    const org = await db().organisation.findUniqueOrThrow({ where: { id: peers[index]!.orgId } });
    return { org, visitor: await new Visitor(running.baseUrl).signIn(user.email, PASSWORD) };
  }

  it("names a council only once it has chosen to be named, and drops a council that stops sharing", async () => {
    // Council 1's owner chooses, in its settings, to be named.
    const one = await ownerOf(0);
    const saved = await one.visitor.post(`/orgs/${one.org.slug}/settings`, { intent: "peer-naming", named: "yes" });
    expect(pageText(await saved.text())).toContain("now see your council's name");
    // Council 5 chose to be named but never shared its round: it is still not there.
    await db().organisation.update({ where: { id: peers[4]!.orgId }, data: { namedToPeers: true } });
    const named = await findingPage();
    expect(named).toContain(`${peerName(1)}:`);
    for (const i of [2, 3, 4, 5, 6]) expect(named).not.toContain(peerName(i));

    // The owner of council 6 stops sharing through its own round page: back to four, so nothing shows.
    const { org: org6, visitor } = await ownerOf(5);
    const stop = await visitor.post(`/orgs/${org6.slug}/rounds/${peers[5]!.roundId}?index`, { intent: "share", share: "no" });
    expect(pageText(await stop.text())).toContain("no longer shared");
    expect(await findingPage()).not.toContain("Compared with other councils");
    expect(await db().auditEvent.count({ where: { orgId: org6.id, action: "round-sharing-changed" } })).toBe(1);
  });
});

// The hostile-client stress run (issue 16): a real server process, each role attacking in turn with
// thousands of malformed and rule-breaking frames while hostile upgrades knock at the door and an honest
// pair keeps editing. Everything goes through the public protocols (HTTP forms, the y-websocket wire), so
// the same run checks today's server and any later one.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { updateSession } from "~/domain/workspace";
import type { Role } from "./craft";
import { startAttack } from "./attackWorker";
import { newRoleStats, type RoleStats } from "./hostile";
import { connectPeer, waitUntil, type Credentials, type HonestPeer } from "./honestPeer";
import { HonestPair, percentile } from "./honestPair";
import { createRng } from "./prng";
import { prepareBoard } from "./setup";
import { ServerChild, type Crash } from "./serverChild";
import { newUpgradeStats, type UpgradeStats } from "./upgrades";
import { canonical, documentJson, RuleWatch } from "./watch";
import { joinAsGuest, signIn, type StressWorld } from "./world";

export const ROLES: Role[] = ["member", "guest", "viewer", "facilitator"];

export type StressOptions = {
  databaseUrl: string;
  world: StressWorld;
  framesPerRole: number;
  seed: number;
  /** Hostile sockets per role at once (the server allows 20 per person). */
  concurrency?: number;
  framesPerSecond?: number;
  upgradesPerSecond?: number;
  quietMs?: number;
  honestEditIntervalMs?: number;
  /** After this many crashes the attack stops (the server is restarted after each one until then). */
  maxCrashes?: number;
  phaseTimeoutMs?: number;
  /** Send only well-formed frames and upgrades: shows the rule breaks of a server that crashes on the rest. */
  wellFormedOnly?: boolean;
  log?: (line: string) => void;
};

export type StressReport = {
  seed: number;
  framesPerRole: number;
  wellFormedOnly: boolean;
  database: string;
  roles: RoleStats[];
  upgrades: UpgradeStats;
  crashes: Crash[];
  aborted: string | null;
  breaks: RuleWatch["breaks"];
  ruleBreaks: number;
  honestCorrect: boolean;
  honestProblems: string[];
  honestEdits: number;
  latency: { quiet: number[]; attack: number[]; byPhase: Record<string, number[]> };
  presenceBytes: { quiet: number; attack: number; quietMs: number; attackMs: number };
  rssMb: { before: number | null; after: number | null };
  durationMs: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const HONEST_PRESENCE = (name: string, key: string) => ({ user: { key, name, colour: "#1d6b2f", guest: false, facilitator: false }, editing: null, at: null });

export async function runStress(options: StressOptions): Promise<StressReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const world = options.world;
  const rng = createRng(options.seed);
  const watch = new RuleWatch();
  const maxCrashes = options.maxCrashes ?? 10;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "poet-stress-"));
  // Every attacker reconnects at once after each close, so that every frame kind reaches the server: a person
  // closed for a breach waits 1 ms here, not the production cool-down (ADR 033, which has its own test and
  // would end each role's attack at its first breach).
  const server = new ServerChild({
    databaseUrl: options.databaseUrl,
    dataDir,
    sessionSecret: randomBytes(32).toString("hex"),
    env: { COLLAB_BREACH_COOLDOWN_MS: "1", COLLAB_BREACH_COOLDOWN_MAX_MS: "1" },
  });
  let aborted: string | null = null;
  let restarting: Promise<void> = Promise.resolve();
  server.onCrash = (crash) => {
    log(`server crashed (exit ${crash.code ?? crash.signal}); last lines:\n    ${crash.lastLines.slice(-6).join("\n    ")}`);
    if (server.crashes.length >= maxCrashes) {
      aborted ??= `the server crashed ${server.crashes.length} times; the attack stopped there`;
      return;
    }
    restarting = restarting.then(() => server.start()).catch((error: Error) => {
      aborted ??= `the server did not restart: ${error.message}`;
    });
  };
  const wsBase = () => `ws://127.0.0.1:${server.port}/collab`;
  const peers: HonestPeer[] = [];
  const connect = (name: string, credentials: Credentials, presence?: unknown) => {
    const peer = connectPeer(wsBase(), world.workspaceId, name, credentials, presence);
    peers.push(peer);
    return peer;
  };
  const roles = ROLES.map(newRoleStats);
  const upgrades = newUpgradeStats();
  const honestProblems: string[] = [];
  const presence = { quiet: 0, attack: 0, quietMs: 0, attackMs: 0 };
  let rssBefore: number | null = null;
  let rssAfter: number | null = null;
  let pair: HonestPair | null = null;

  try {
    await server.start();
    log(`server pid ${server.pid} listening on ${server.baseUrl} (${options.databaseUrl.startsWith("file:") ? "SQLite" : "PostgreSQL"})`);
    const base = server.baseUrl;
    const facilitator = await signIn(base, world.facilitator);
    const credentials: Record<Role, Credentials> = {
      facilitator: facilitator.credentials,
      member: (await signIn(base, world.member)).credentials,
      viewer: (await signIn(base, world.viewer)).credentials,
      guest: (await joinAsGuest(base, world.joinCode, world.guestName)).credentials,
    };
    const honestA = await signIn(base, world.honestA);
    const honestB = await signIn(base, world.honestB);
    const names: Record<Role, string> = { facilitator: world.facilitator.name, member: world.member.name, viewer: world.viewer.name, guest: world.guestName };

    // The honest pair, watched for anything forbidden that reaches them.
    const presenceA = HONEST_PRESENCE(world.honestA.name, "u:honest-a");
    const presenceB = HONEST_PRESENCE(world.honestB.name, "u:honest-b");
    const a = connect(world.honestA.name, honestA.credentials, presenceA);
    const b = connect(world.honestB.name, honestB.credentials, presenceB);
    for (const [peer, state] of [[a, presenceA], [b, presenceB]] as const) {
      watch.knownIds.add(peer.doc.clientID);
      watch.honestPresence.set(peer.doc.clientID, JSON.stringify(state));
    }
    const admin = connect("set-up facilitator", facilitator.credentials);
    watch.knownIds.add(admin.doc.clientID);
    await Promise.all([a.synced(), b.synced(), admin.synced()]);
    await prepareBoard({ admin, observer: a, voters: [honestA.visitor, honestB.visitor, facilitator.visitor], workspaceId: world.workspaceId, facilitatorName: world.facilitator.name, log });
    await waitUntil(() => canonical(documentJson(a.doc)) === canonical(documentJson(admin.doc)) && canonical(documentJson(b.doc)) === canonical(documentJson(admin.doc)), "the honest pair to hold the set-up");
    watch.watchDocument(a);
    watch.watchPresence(a);
    watch.watchPresence(b);
    pair = new HonestPair(a, b, () => watch.phase, options.honestEditIntervalMs ?? 100);

    // Quiet: the honest pair alone, for the reference latency.
    watch.setPhase("quiet");
    const quietStart = Date.now();
    const presenceBytes = () => Math.max(a.traffic.awarenessBytes, b.traffic.awarenessBytes);
    const quietBytes = presenceBytes();
    pair.start();
    await sleep(options.quietMs ?? 5000);
    presence.quiet = presenceBytes() - quietBytes;
    presence.quietMs = Date.now() - quietStart;
    rssBefore = server.rssMb();
    log(`quiet: ${pair.samples.length} honest edits timed; server RSS ${rssBefore?.toFixed(0)} MB`);

    const settle = async (label: string) => {
      pair!.stop();
      await restarting;
      pair!.barrier();
      try {
        await waitUntil(() => pair!.correctOn(a) && pair!.correctOn(b) && canonical(documentJson(a.doc)) === canonical(documentJson(b.doc)), `the honest pair to converge after ${label}`, 60_000);
      } catch {
        honestProblems.push(`after ${label}: ${a.name}: ${pair!.describeOn(a)}; ${b.name}: ${pair!.describeOn(b)}; documents ${canonical(documentJson(a.doc)) === canonical(documentJson(b.doc)) ? "equal" : "differ"}`);
      }
    };
    // What a newcomer loads must be what the peers hold (a change the server kept but did not pass on counts).
    // A server still working through a backlog gets time: only a difference that stays is a break.
    const compareWithFresh = async (label: string, expected: () => string) => {
      const fresh = connect(`fresh client after ${label}`, honestB.credentials);
      watch.knownIds.add(fresh.doc.clientID);
      try {
        await fresh.synced(60_000);
        await waitUntil(() => canonical(documentJson(fresh.doc)) === expected(), "", 15_000).catch(() => undefined);
        const got = canonical(documentJson(fresh.doc));
        if (got !== expected()) watch.record("the stored document differs from what the peers hold", `${label}: ${firstDifference(expected(), got)}`);
      } catch (error) {
        honestProblems.push(`${label}: a fresh client could not load the document (${(error as Error).message})`);
      } finally {
        fresh.destroy();
      }
    };

    const attackStart = Date.now();
    const attackBytes = presenceBytes();
    for (const role of ROLES) {
      if (aborted) break;
      const phaseStarted = Date.now();
      const timeout = options.phaseTimeoutMs ?? 30 * 60_000;
      watch.setPhase(role);
      pair.start();
      log(`attacking as ${role}…`);
      const attack = startAttack(
        {
          role,
          name: names[role],
          port: server.port,
          workspaceId: world.workspaceId,
          otherWorkspaceId: world.otherWorkspaceId,
          credentials: credentials[role],
          member: credentials.member,
          seed: rng.int(1, 2 ** 31),
          quota: options.framesPerRole,
          concurrency: options.concurrency ?? 8,
          framesPerSecond: options.framesPerSecond ?? 80,
          upgradesPerSecond: options.upgradesPerSecond ?? 10,
          wellFormedOnly: options.wellFormedOnly ?? false,
          timeoutMs: timeout,
          honestClientIds: [a.doc.clientID, b.doc.clientID],
        },
        (kind, detail) => watch.record(kind, detail),
      );
      const stopWhenAborted = setInterval(() => aborted && attack.stop(), 200);
      const result = await attack.done.finally(() => clearInterval(stopWhenAborted));
      const stats = result.stats;
      roles[roles.findIndex((r) => r.role === role)] = stats;
      mergeUpgrades(upgrades, result.upgrades);
      if (result.timedOut) log(`  ${role}: the phase took longer than ${timeout / 1000} s and stopped at ${stats.framesSent} frames`);
      log(`  ${role}: ${stats.framesSent} frames on ${stats.connections} sockets in ${((Date.now() - phaseStarted) / 1000).toFixed(0)} s, ${stats.closedByServer} closed by the server, crashes so far ${server.crashes.length}`);
      if (aborted) break;
      // Still the role's phase: what the server had queued from its sockets is checked as it arrives.
      await settle(`the ${role} attack`);
      await compareWithFresh(`the ${role} attack`, () => canonical(documentJson(a.doc)));
      watch.setPhase("between");
      // A run against a server that let a participant lock the board unlocks it, so the next role's attack
      // is measured on an open board.
      if (admin.doc.getMap("session").get("locked") === true) updateSession(admin.doc, { locked: false });
    }
    presence.attack = presenceBytes() - attackBytes;
    presence.attackMs = Date.now() - attackStart;
    watch.setPhase("between");
    if (aborted) {
      log(`${aborted}; restarting it once to check what it stored`);
      await restarting;
      if (!server.running) await server.start();
    }
    await settle("the whole run");
    await sleep(1000);
    rssAfter = server.rssMb();

    // Reload from the database: the peers leave, the server stops cleanly, a new one loads the document.
    await compareWithFresh("the whole run", () => canonical(documentJson(a.doc)));
    const expected = canonical(documentJson(a.doc));
    if (!pair.correctOn(a)) honestProblems.push(`final: ${a.name}: ${pair.describeOn(a)}`);
    for (const peer of peers.splice(0)) peer.destroy();
    await server.stop();
    await server.start();
    await compareWithFresh("a restart (loaded from the database)", () => expected);
  } finally {
    pair?.stop();
    for (const peer of peers.splice(0)) peer.destroy();
    await restarting.catch(() => undefined);
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const samples = pair?.samples ?? [];
  const byPhase: Record<string, number[]> = {};
  for (const s of samples) (byPhase[s.phase] ??= []).push(s.ms);
  return {
    seed: options.seed,
    framesPerRole: options.framesPerRole,
    wellFormedOnly: options.wellFormedOnly ?? false,
    database: options.databaseUrl.startsWith("file:") ? "SQLite" : "PostgreSQL",
    roles,
    upgrades,
    crashes: server.crashes,
    aborted,
    breaks: watch.breaks,
    ruleBreaks: watch.total,
    honestCorrect: honestProblems.length === 0,
    honestProblems,
    honestEdits: pair?.editCount ?? 0,
    latency: { quiet: byPhase.quiet ?? [], attack: ROLES.flatMap((r) => byPhase[r] ?? []), byPhase },
    presenceBytes: presence,
    rssMb: { before: rssBefore, after: rssAfter },
    durationMs: Date.now() - started,
  };
}

function mergeUpgrades(into: UpgradeStats, from: UpgradeStats): void {
  into.tried += from.tried;
  for (const [k, v] of from.byKind) into.byKind.set(k, (into.byKind.get(k) ?? 0) + v);
  for (const [k, v] of from.outcomes) into.outcomes.set(k, (into.outcomes.get(k) ?? 0) + v);
}

function firstDifference(expected: string, got: string): string {
  let i = 0;
  while (i < expected.length && expected[i] === got[i]) i++;
  return `peers …${expected.slice(Math.max(0, i - 40), i + 60)}… vs stored …${got.slice(Math.max(0, i - 40), i + 60)}…`;
}

export { percentile };

// One role's attack (hostile sockets and hostile upgrades) in a worker thread, so the frames it crafts
// never delay the honest pair's clients on the main thread: their latency is the server's, not ours.
import { parentPort, Worker, workerData } from "node:worker_threads";
import type { Role } from "./craft";
import { attackAsRole, newRoleStats, type RoleStats } from "./hostile";
import type { Credentials } from "./honestPeer";
import { createRng } from "./prng";
import { attackUpgrades, newUpgradeStats, type UpgradeStats } from "./upgrades";

export type AttackPlan = {
  role: Role;
  name: string;
  port: number;
  workspaceId: string;
  otherWorkspaceId: string;
  credentials: Credentials;
  /** A co-producer's cookie, for upgrades with a foreign Origin or to another council's workspace. */
  member: Credentials;
  seed: number;
  quota: number;
  concurrency: number;
  framesPerSecond: number;
  upgradesPerSecond: number;
  wellFormedOnly: boolean;
  timeoutMs: number;
  honestClientIds: number[];
};

export type WorkerMessage =
  | { type: "break"; kind: string; detail: string }
  | { type: "done"; stats: RoleStats; upgrades: UpgradeStats; timedOut: boolean };

const bootstrap = new URL("./workerBootstrap.mjs", import.meta.url);

/** Runs the plan in a worker; `stop()` ends it early (the run was aborted). */
export function startAttack(plan: AttackPlan, onBreak: (kind: string, detail: string) => void): { done: Promise<Extract<WorkerMessage, { type: "done" }>>; stop(): void } {
  const worker = new Worker(bootstrap, { workerData: { entry: new URL("./attackWorker.ts", import.meta.url).href, plan } });
  const done = new Promise<Extract<WorkerMessage, { type: "done" }>>((resolve, reject) => {
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "break") onBreak(message.kind, message.detail);
      else resolve(message);
    });
    worker.on("error", reject);
    worker.on("exit", (code) => reject(new Error(`the attack worker exited (code ${code}) before it reported`)));
  });
  return { done: done.finally(() => void worker.terminate()), stop: () => worker.postMessage("stop") };
}

async function run(plan: AttackPlan): Promise<void> {
  let stopped = false;
  parentPort!.on("message", () => {
    stopped = true;
  });
  const started = Date.now();
  const rng = createRng(plan.seed);
  const stats = newRoleStats(plan.role);
  const upgrades = newUpgradeStats();
  let attackDone = false;
  const timedOut = () => Date.now() - started > plan.timeoutMs;
  const shouldStop = () => stopped || timedOut();
  const doors = attackUpgrades({
    port: () => plan.port,
    workspaceId: plan.workspaceId,
    otherWorkspaceId: plan.otherWorkspaceId,
    member: plan.member,
    rng: rng.fork(),
    onBreak: (kind, detail) => parentPort!.postMessage({ type: "break", kind, detail } satisfies WorkerMessage),
    stats: upgrades,
    perSecond: plan.upgradesPerSecond,
    wellFormedOnly: plan.wellFormedOnly,
    shouldStop: () => attackDone || shouldStop(),
  });
  await attackAsRole({
    role: plan.role,
    name: plan.name,
    wsUrl: () => `ws://127.0.0.1:${plan.port}/collab/${plan.workspaceId}`,
    credentials: plan.credentials,
    rng: rng.fork(),
    stats,
    quota: plan.quota,
    concurrency: plan.concurrency,
    framesPerSecond: plan.framesPerSecond,
    shouldStop,
    wellFormedOnly: plan.wellFormedOnly,
    honestClientIds: () => plan.honestClientIds,
  });
  attackDone = true;
  await doors;
  parentPort!.postMessage({ type: "done", stats, upgrades, timedOut: timedOut() } satisfies WorkerMessage);
}

if (parentPort && (workerData as { plan?: AttackPlan } | null)?.plan) await run((workerData as { plan: AttackPlan }).plan);

// Issue 16, "What it must show": the hostile-client stress run (bench/stress, `npm run stress`) bounded to
// 1,000 frames per role. A real server process on this file's database; every role sends malformed and
// rule-breaking frames while hostile upgrades knock and an honest pair keeps editing. Nothing may stop the
// server, nothing forbidden may reach the store or another client, and the honest pair's document must be
// whole. No timing assertions: the figures are printed, not judged, here.
import { describe, expect, it } from "vitest";
import { formatReport } from "../../../bench/stress/report";
import { runStress } from "../../../bench/stress/run";
import { seedStressWorld } from "../../../bench/stress/world";

const FRAMES_PER_ROLE = 1000;

describe("hostile clients against a real server", () => {
  it(
    `${FRAMES_PER_ROLE} malformed and hostile frames per role: no crash, no rule break, the honest document whole`,
    async () => {
      const world = await seedStressWorld();
      const report = await runStress({
        databaseUrl: process.env.TEST_DATABASE_URL!,
        world,
        framesPerRole: FRAMES_PER_ROLE,
        seed: 16,
        // The first crash ends the attack (the server is restarted once to check what it stored).
        maxCrashes: 1,
        quietMs: 2000,
        phaseTimeoutMs: 240_000,
      });
      console.log(formatReport(report));
      expect(report.crashes.map((c) => c.lastLines.find((l) => /Error/.test(l)) ?? `exit ${c.code ?? c.signal}`)).toEqual([]);
      expect(Object.fromEntries([...report.breaks].map(([kind, entry]) => [kind, entry.samples[0]]))).toEqual({});
      expect(report.honestProblems).toEqual([]);
      expect(report.honestEdits).toBeGreaterThan(0);
      for (const role of report.roles) expect({ role: role.role, enough: role.framesSent >= FRAMES_PER_ROLE }).toEqual({ role: role.role, enough: true });
      expect(report.upgrades.tried).toBeGreaterThan(0);
    },
    20 * 60_000,
  );
});

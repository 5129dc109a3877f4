// `npm run stress`: the hostile-client stress run of issue 16 against a real server on a fresh database.
//   npm run stress -- [--database sqlite|postgresql] [--frames 10000] [--seed 16] [--max-crashes 10]
//                     [--concurrency 8] [--phase-minutes 30] [--well-formed-only]
// --well-formed-only sends only frames and upgrades a real client could encode (hostile in what they ask
// for), to show the rule breaks of a server that crashes on malformed input before they can be reached.
// Exit code 1 when the server crashed, a rule break reached the store or another client, the honest
// pair's document is wrong, or a role could not send its frames within --phase-minutes.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { connectDatabase, disconnectDatabase } from "~/models/db.server";
import { migrateDatabase } from "../server/migrate";
import { createPgDatabase, dropPgDatabase, pgUrl } from "../tests/support/test-databases";
import { formatReport, stressPassed } from "./stress/report";
import { runStress } from "./stress/run";
import { seedStressWorld } from "./stress/world";

/** `npm run bench stress` runs it with the defaults; `npm run stress -- …` takes the flags above. */
export async function run(args: string[] = []): Promise<void> {
  const failed = await stress(args);
  if (failed) process.exitCode = 1;
}

async function stress(args: string[]): Promise<boolean> {
  const { values } = parseArgs({
    args,
    options: {
      database: { type: "string", default: "sqlite" },
      frames: { type: "string", default: "10000" },
      seed: { type: "string", default: "16" },
      "max-crashes": { type: "string", default: "10" },
      concurrency: { type: "string", default: "8" },
      "well-formed-only": { type: "boolean", default: false },
      "phase-minutes": { type: "string", default: "30" },
    },
  });
  const provider = values.database;
  if (provider !== "sqlite" && provider !== "postgresql") {
    console.error(`--database must be sqlite or postgresql (got "${provider}")`);
    process.exit(2);
  }
  const number = (name: string, raw: string | undefined) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      console.error(`--${name} must be a positive whole number (got "${raw}")`);
      process.exit(2);
    }
    return value;
  };
  const frames = number("frames", values.frames);
  const seed = number("seed", values.seed);
  const maxCrashes = number("max-crashes", values["max-crashes"]);
  const concurrency = number("concurrency", values.concurrency);
  const phaseMinutes = number("phase-minutes", values["phase-minutes"]);

  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  if (provider === "postgresql") {
    const name = await createPgDatabase();
    databaseUrl = pgUrl(name);
    cleanup = () => dropPgDatabase(name);
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "poet-stress-db-"));
    databaseUrl = `file:${path.join(dir, "stress.db")}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }

  let failed = true;
  try {
    await migrateDatabase(databaseUrl);
    await connectDatabase(databaseUrl);
    const world = await seedStressWorld();
    await disconnectDatabase();
    const report = await runStress({ databaseUrl, world, framesPerRole: frames, seed, maxCrashes, concurrency, wellFormedOnly: values["well-formed-only"], phaseTimeoutMs: phaseMinutes * 60_000, log: (line) => console.log(`· ${line}`) });
    console.log();
    console.log(formatReport(report));
    failed = !stressPassed(report);
  } finally {
    await cleanup();
  }
  return failed;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit((await stress(process.argv.slice(2))) ? 1 : 0);

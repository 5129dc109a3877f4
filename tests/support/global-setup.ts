// PostgreSQL runs: one migrated template database per run; each test file copies it.
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../server/migrate";
import { createPgDatabase, dropPgDatabase, pgUrl } from "./test-databases";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  if (!project.name.endsWith("postgresql")) {
    project.provide("pgTemplate", null);
    return;
  }
  const template = await createPgDatabase();
  await migrateDatabase(pgUrl(template));
  project.provide("pgTemplate", template);
  return async () => dropPgDatabase(template);
}

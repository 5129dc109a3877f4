-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "disclosureThreshold" INTEGER NOT NULL DEFAULT 10,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Organisation" ("createdAt", "id", "isDemo", "name", "slug") SELECT "createdAt", "id", "isDemo", "name", "slug" FROM "Organisation";
DROP TABLE "Organisation";
ALTER TABLE "new_Organisation" RENAME TO "Organisation";
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");
CREATE TABLE "new_PoetRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "questionSetVersion" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "respondentCount" INTEGER NOT NULL,
    "isSynthetic" BOOLEAN NOT NULL DEFAULT false,
    "questionsInFile" TEXT NOT NULL DEFAULT '',
    "benchmarkId" TEXT,
    "importedById" TEXT,
    "importedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PoetRound_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PoetRound_benchmarkId_fkey" FOREIGN KEY ("benchmarkId") REFERENCES "Benchmark" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PoetRound" ("benchmarkId", "fileName", "fileSha256", "id", "importedAt", "importedById", "isSynthetic", "kind", "name", "orgId", "questionSetVersion", "respondentCount") SELECT "benchmarkId", "fileName", "fileSha256", "id", "importedAt", "importedById", "isSynthetic", "kind", "name", "orgId", "questionSetVersion", "respondentCount" FROM "PoetRound";
DROP TABLE "PoetRound";
ALTER TABLE "new_PoetRound" RENAME TO "PoetRound";
CREATE INDEX "PoetRound_orgId_idx" ON "PoetRound"("orgId");
CREATE UNIQUE INDEX "PoetRound_orgId_fileSha256_key" ON "PoetRound"("orgId", "fileSha256");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


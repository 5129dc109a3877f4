-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "disclosureThreshold" INTEGER NOT NULL DEFAULT 10,
    "namedToPeers" BOOLEAN NOT NULL DEFAULT false,
    "logo" BLOB,
    "logoType" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Organisation" ("createdAt", "disclosureThreshold", "id", "isDemo", "logo", "logoType", "name", "slug") SELECT "createdAt", "disclosureThreshold", "id", "isDemo", "logo", "logoType", "name", "slug" FROM "Organisation";
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
    "fieldworkStart" DATETIME,
    "fieldworkEnd" DATETIME,
    "archivedAt" DATETIME,
    "contentSha256" TEXT NOT NULL DEFAULT '',
    "sharedWithPeers" BOOLEAN NOT NULL DEFAULT false,
    "revision" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "PoetRound_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PoetRound_benchmarkId_fkey" FOREIGN KEY ("benchmarkId") REFERENCES "Benchmark" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PoetRound" ("benchmarkId", "fileName", "fileSha256", "id", "importedAt", "importedById", "isSynthetic", "kind", "name", "orgId", "questionSetVersion", "questionsInFile", "respondentCount", "revision") SELECT "benchmarkId", "fileName", "fileSha256", "id", "importedAt", "importedById", "isSynthetic", "kind", "name", "orgId", "questionSetVersion", "questionsInFile", "respondentCount", "revision" FROM "PoetRound";
DROP TABLE "PoetRound";
ALTER TABLE "new_PoetRound" RENAME TO "PoetRound";
CREATE INDEX "PoetRound_orgId_idx" ON "PoetRound"("orgId");
CREATE INDEX "PoetRound_orgId_contentSha256_idx" ON "PoetRound"("orgId", "contentSha256");
CREATE INDEX "PoetRound_sharedWithPeers_questionSetVersion_idx" ON "PoetRound"("sharedWithPeers", "questionSetVersion");
CREATE UNIQUE INDEX "PoetRound_orgId_fileSha256_key" ON "PoetRound"("orgId", "fileSha256");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- CreateTable
CREATE TABLE "Collection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "questionSetVersion" TEXT NOT NULL,
    "survey" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME,
    "closedAt" DATETIME,
    "openCode" TEXT NOT NULL,
    "openLinkEnabled" BOOLEAN NOT NULL DEFAULT true,
    "contactRetentionUntil" DATETIME,
    "lastAnswerAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Collection_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Collection_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PoetRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "collectionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "usedAt" DATETIME,
    "respondentId" TEXT,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SurveyCode_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SurveyCode_respondentId_fkey" FOREIGN KEY ("respondentId") REFERENCES "Respondent" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "collectionId" TEXT NOT NULL,
    "resumeCode" TEXT NOT NULL,
    "codeId" TEXT,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "about" TEXT NOT NULL DEFAULT '{}',
    "wording" TEXT NOT NULL DEFAULT 'standard',
    "layout" TEXT NOT NULL DEFAULT 'one',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SurveyDraft_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HearBackContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "collectionId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HearBackContact_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "revision" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "PoetRound_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PoetRound_benchmarkId_fkey" FOREIGN KEY ("benchmarkId") REFERENCES "Benchmark" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PoetRound" ("benchmarkId", "fileName", "fileSha256", "id", "importedAt", "importedById", "isSynthetic", "kind", "name", "orgId", "questionSetVersion", "questionsInFile", "respondentCount") SELECT "benchmarkId", "fileName", "fileSha256", "id", "importedAt", "importedById", "isSynthetic", "kind", "name", "orgId", "questionSetVersion", "questionsInFile", "respondentCount" FROM "PoetRound";
DROP TABLE "PoetRound";
ALTER TABLE "new_PoetRound" RENAME TO "PoetRound";
CREATE INDEX "PoetRound_orgId_idx" ON "PoetRound"("orgId");
CREATE UNIQUE INDEX "PoetRound_orgId_fileSha256_key" ON "PoetRound"("orgId", "fileSha256");
CREATE TABLE "new_Respondent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "roundId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "survey" TEXT NOT NULL,
    "ageBand" TEXT NOT NULL,
    "supportReason" TEXT NOT NULL,
    "budgetManagement" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'import',
    CONSTRAINT "Respondent_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PoetRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Respondent" ("ageBand", "answers", "budgetManagement", "externalId", "id", "roundId", "supportReason", "survey") SELECT "ageBand", "answers", "budgetManagement", "externalId", "id", "roundId", "supportReason", "survey" FROM "Respondent";
DROP TABLE "Respondent";
ALTER TABLE "new_Respondent" RENAME TO "Respondent";
CREATE UNIQUE INDEX "Respondent_roundId_externalId_key" ON "Respondent"("roundId", "externalId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Collection_roundId_key" ON "Collection"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "Collection_openCode_key" ON "Collection"("openCode");

-- CreateIndex
CREATE INDEX "Collection_orgId_idx" ON "Collection"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyCode_code_key" ON "SurveyCode"("code");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyCode_respondentId_key" ON "SurveyCode"("respondentId");

-- CreateIndex
CREATE INDEX "SurveyCode_collectionId_idx" ON "SurveyCode"("collectionId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyDraft_resumeCode_key" ON "SurveyDraft"("resumeCode");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyDraft_codeId_key" ON "SurveyDraft"("codeId");

-- CreateIndex
CREATE INDEX "SurveyDraft_collectionId_idx" ON "SurveyDraft"("collectionId");

-- CreateIndex
CREATE INDEX "HearBackContact_collectionId_idx" ON "HearBackContact"("collectionId");


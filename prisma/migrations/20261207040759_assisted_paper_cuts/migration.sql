-- CreateTable
CREATE TABLE "PaperSheet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "collectionId" TEXT NOT NULL,
    "sheet" TEXT NOT NULL,
    "firstAnswers" TEXT NOT NULL,
    "firstAbout" TEXT NOT NULL,
    "firstById" TEXT,
    "secondAnswers" TEXT,
    "secondAbout" TEXT,
    "secondById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PaperSheet_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "collectedMonth" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Respondent_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PoetRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Respondent" ("ageBand", "answers", "budgetManagement", "externalId", "id", "roundId", "source", "supportReason", "survey") SELECT "ageBand", "answers", "budgetManagement", "externalId", "id", "roundId", "source", "supportReason", "survey" FROM "Respondent";
DROP TABLE "Respondent";
ALTER TABLE "new_Respondent" RENAME TO "Respondent";
CREATE UNIQUE INDEX "Respondent_roundId_externalId_key" ON "Respondent"("roundId", "externalId");
CREATE TABLE "new_Collection" (
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
    "paperDoubleEntry" BOOLEAN NOT NULL DEFAULT false,
    "lastAnswerAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Collection_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Collection_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PoetRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Collection" ("closedAt", "closesAt", "contactRetentionUntil", "createdAt", "createdById", "id", "lastAnswerAt", "name", "openCode", "openLinkEnabled", "opensAt", "orgId", "questionSetVersion", "roundId", "survey") SELECT "closedAt", "closesAt", "contactRetentionUntil", "createdAt", "createdById", "id", "lastAnswerAt", "name", "openCode", "openLinkEnabled", "opensAt", "orgId", "questionSetVersion", "roundId", "survey" FROM "Collection";
DROP TABLE "Collection";
ALTER TABLE "new_Collection" RENAME TO "Collection";
CREATE UNIQUE INDEX "Collection_roundId_key" ON "Collection"("roundId");
CREATE UNIQUE INDEX "Collection_openCode_key" ON "Collection"("openCode");
CREATE INDEX "Collection_orgId_idx" ON "Collection"("orgId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "PaperSheet_collectionId_sheet_key" ON "PaperSheet"("collectionId", "sheet");


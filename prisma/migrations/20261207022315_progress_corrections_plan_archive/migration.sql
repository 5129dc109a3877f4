-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "archivedAt" DATETIME;

-- AlterTable
ALTER TABLE "ProgressUpdate" ADD COLUMN "correctedAt" DATETIME;
ALTER TABLE "ProgressUpdate" ADD COLUMN "submissionKey" TEXT;

-- CreateTable
CREATE TABLE "ProgressUpdateRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "updateId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "percent" INTEGER,
    "replacedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProgressUpdateRevision_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "ProgressUpdate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ProgressUpdateRevision_updateId_replacedAt_idx" ON "ProgressUpdateRevision"("updateId", "replacedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressUpdate_submissionKey_key" ON "ProgressUpdate"("submissionKey");


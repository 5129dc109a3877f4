-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ProgressUpdate" ADD COLUMN     "correctedAt" TIMESTAMP(3),
ADD COLUMN     "submissionKey" TEXT;

-- CreateTable
CREATE TABLE "ProgressUpdateRevision" (
    "id" TEXT NOT NULL,
    "updateId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "percent" INTEGER,
    "replacedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressUpdateRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProgressUpdateRevision_updateId_replacedAt_idx" ON "ProgressUpdateRevision"("updateId", "replacedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressUpdate_submissionKey_key" ON "ProgressUpdate"("submissionKey");

-- AddForeignKey
ALTER TABLE "ProgressUpdateRevision" ADD CONSTRAINT "ProgressUpdateRevision_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "ProgressUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;


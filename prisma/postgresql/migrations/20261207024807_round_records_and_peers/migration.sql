-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "namedToPeers" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PoetRound" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "contentSha256" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "fieldworkEnd" TIMESTAMP(3),
ADD COLUMN     "fieldworkStart" TIMESTAMP(3),
ADD COLUMN     "sharedWithPeers" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "PoetRound_orgId_contentSha256_idx" ON "PoetRound"("orgId", "contentSha256");

-- CreateIndex
CREATE INDEX "PoetRound_sharedWithPeers_questionSetVersion_idx" ON "PoetRound"("sharedWithPeers", "questionSetVersion");


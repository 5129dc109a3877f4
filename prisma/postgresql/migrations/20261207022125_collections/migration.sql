-- AlterTable
ALTER TABLE "PoetRound" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Respondent" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'import';

-- CreateTable
CREATE TABLE "Collection" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "questionSetVersion" TEXT NOT NULL,
    "survey" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "openCode" TEXT NOT NULL,
    "openLinkEnabled" BOOLEAN NOT NULL DEFAULT true,
    "contactRetentionUntil" TIMESTAMP(3),
    "lastAnswerAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Collection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyCode" (
    "id" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "respondentId" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveyCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyDraft" (
    "id" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "resumeCode" TEXT NOT NULL,
    "codeId" TEXT,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "about" TEXT NOT NULL DEFAULT '{}',
    "wording" TEXT NOT NULL DEFAULT 'standard',
    "layout" TEXT NOT NULL DEFAULT 'one',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HearBackContact" (
    "id" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HearBackContact_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "Collection" ADD CONSTRAINT "Collection_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Collection" ADD CONSTRAINT "Collection_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "PoetRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyCode" ADD CONSTRAINT "SurveyCode_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyCode" ADD CONSTRAINT "SurveyCode_respondentId_fkey" FOREIGN KEY ("respondentId") REFERENCES "Respondent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyDraft" ADD CONSTRAINT "SurveyDraft_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HearBackContact" ADD CONSTRAINT "HearBackContact_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;


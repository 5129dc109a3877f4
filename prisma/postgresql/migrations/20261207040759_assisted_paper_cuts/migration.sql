-- AlterTable
ALTER TABLE "Respondent" ADD COLUMN     "collectedMonth" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Collection" ADD COLUMN     "paperDoubleEntry" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PaperSheet" (
    "id" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "sheet" TEXT NOT NULL,
    "firstAnswers" TEXT NOT NULL,
    "firstAbout" TEXT NOT NULL,
    "firstById" TEXT,
    "secondAnswers" TEXT,
    "secondAbout" TEXT,
    "secondById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaperSheet_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PaperSheet_collectionId_sheet_key" ON "PaperSheet"("collectionId", "sheet");

-- AddForeignKey
ALTER TABLE "PaperSheet" ADD CONSTRAINT "PaperSheet_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection"("id") ON DELETE CASCADE ON UPDATE CASCADE;


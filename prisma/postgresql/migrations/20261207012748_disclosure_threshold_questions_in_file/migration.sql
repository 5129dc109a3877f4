-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "disclosureThreshold" INTEGER NOT NULL DEFAULT 10;

-- AlterTable
ALTER TABLE "PoetRound" ADD COLUMN     "questionsInFile" TEXT NOT NULL DEFAULT '';


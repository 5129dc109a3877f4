-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "disclosureThreshold" INTEGER NOT NULL DEFAULT 10;


-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "dontKnowAliases" TEXT NOT NULL DEFAULT '';


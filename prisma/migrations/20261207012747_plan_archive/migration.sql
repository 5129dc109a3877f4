-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "archivedAt" DATETIME;


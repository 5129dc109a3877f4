-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "priority" INTEGER;


-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "ownerId" TEXT;


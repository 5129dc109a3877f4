-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN "logo" BLOB;
ALTER TABLE "Organisation" ADD COLUMN "logoType" TEXT;


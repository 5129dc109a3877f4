-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "logo" BYTEA,
ADD COLUMN     "logoType" TEXT;


-- AlterTable
ALTER TABLE "Guest" ADD COLUMN     "deviceId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "readmittedAt" TIMESTAMP(3);


-- AlterTable
ALTER TABLE "HearBackContact" ADD COLUMN     "linkOrigin" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "unsubscribeToken" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "HearBackContact_unsubscribeToken_key" ON "HearBackContact"("unsubscribeToken");


-- AlterTable
ALTER TABLE "Guest" ADD COLUMN     "email" TEXT,
ADD COLUMN     "emailConsentAt" TIMESTAMP(3),
ADD COLUMN     "linkOrigin" TEXT,
ADD COLUMN     "unsubscribeToken" TEXT;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "publicPage" TEXT NOT NULL DEFAULT 'off',
ADD COLUMN     "publicShowNames" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "publicToken" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Guest_unsubscribeToken_key" ON "Guest"("unsubscribeToken");

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_publicToken_key" ON "Workspace"("publicToken");


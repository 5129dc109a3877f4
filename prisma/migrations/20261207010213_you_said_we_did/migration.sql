-- AlterTable
ALTER TABLE "Guest" ADD COLUMN "email" TEXT;
ALTER TABLE "Guest" ADD COLUMN "emailConsentAt" DATETIME;
ALTER TABLE "Guest" ADD COLUMN "linkOrigin" TEXT;
ALTER TABLE "Guest" ADD COLUMN "unsubscribeToken" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publicPage" TEXT NOT NULL DEFAULT 'off',
    "publicToken" TEXT,
    "publicShowNames" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Workspace_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Workspace" ("createdAt", "createdById", "id", "name", "orgId") SELECT "createdAt", "createdById", "id", "name", "orgId" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE UNIQUE INDEX "Workspace_publicToken_key" ON "Workspace"("publicToken");
CREATE INDEX "Workspace_orgId_idx" ON "Workspace"("orgId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Guest_unsubscribeToken_key" ON "Guest"("unsubscribeToken");


-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Guest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "joinCodeId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "removedAt" DATETIME,
    "deviceId" TEXT NOT NULL DEFAULT '',
    "readmittedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Guest_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Guest_joinCodeId_fkey" FOREIGN KEY ("joinCodeId") REFERENCES "JoinCode" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Guest" ("createdAt", "displayName", "id", "joinCodeId", "removedAt", "workspaceId") SELECT "createdAt", "displayName", "id", "joinCodeId", "removedAt", "workspaceId" FROM "Guest";
DROP TABLE "Guest";
ALTER TABLE "new_Guest" RENAME TO "Guest";
CREATE INDEX "Guest_workspaceId_idx" ON "Guest"("workspaceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


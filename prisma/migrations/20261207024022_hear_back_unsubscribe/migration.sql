-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_HearBackContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "collectionId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "linkOrigin" TEXT NOT NULL DEFAULT '',
    "unsubscribeToken" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HearBackContact_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "Collection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_HearBackContact" ("collectionId", "createdAt", "email", "id", "name", "phone") SELECT "collectionId", "createdAt", "email", "id", "name", "phone" FROM "HearBackContact";
DROP TABLE "HearBackContact";
ALTER TABLE "new_HearBackContact" RENAME TO "HearBackContact";
CREATE UNIQUE INDEX "HearBackContact_unsubscribeToken_key" ON "HearBackContact"("unsubscribeToken");
CREATE INDEX "HearBackContact_collectionId_idx" ON "HearBackContact"("collectionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


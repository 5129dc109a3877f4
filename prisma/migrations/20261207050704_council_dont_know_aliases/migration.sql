-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "disclosureThreshold" INTEGER NOT NULL DEFAULT 10,
    "namedToPeers" BOOLEAN NOT NULL DEFAULT false,
    "dontKnowAliases" TEXT NOT NULL DEFAULT '',
    "logo" BLOB,
    "logoType" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "staleAfterDays" INTEGER NOT NULL DEFAULT 30
);
INSERT INTO "new_Organisation" ("createdAt", "disclosureThreshold", "id", "isDemo", "logo", "logoType", "name", "namedToPeers", "slug", "staleAfterDays") SELECT "createdAt", "disclosureThreshold", "id", "isDemo", "logo", "logoType", "name", "namedToPeers", "slug", "staleAfterDays" FROM "Organisation";
DROP TABLE "Organisation";
ALTER TABLE "new_Organisation" RENAME TO "Organisation";
CREATE UNIQUE INDEX "Organisation_slug_key" ON "Organisation"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- CreateTable
CREATE TABLE "WorkshopIdea" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "authorKey" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revealedAt" DATETIME,
    CONSTRAINT "WorkshopIdea_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "WorkshopIdea_workspaceId_revealedAt_idx" ON "WorkshopIdea"("workspaceId", "revealedAt");

-- CreateIndex
CREATE INDEX "WorkshopIdea_workspaceId_authorKey_idx" ON "WorkshopIdea"("workspaceId", "authorKey");


-- CreateTable
CREATE TABLE "WorkshopIdea" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "authorKey" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revealedAt" TIMESTAMP(3),

    CONSTRAINT "WorkshopIdea_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkshopIdea_workspaceId_revealedAt_idx" ON "WorkshopIdea"("workspaceId", "revealedAt");

-- CreateIndex
CREATE INDEX "WorkshopIdea_workspaceId_authorKey_idx" ON "WorkshopIdea"("workspaceId", "authorKey");

-- AddForeignKey
ALTER TABLE "WorkshopIdea" ADD CONSTRAINT "WorkshopIdea_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;


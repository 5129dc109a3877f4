-- CreateTable
CREATE TABLE "SelfAssessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "finishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedById" TEXT,
    CONSTRAINT "SelfAssessment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SelfAssessmentRating" (
    "assessmentId" TEXT NOT NULL,
    "statementId" TEXT NOT NULL,
    "rating" TEXT NOT NULL,
    "decidedBy" TEXT NOT NULL,
    "notYet" INTEGER NOT NULL DEFAULT 0,
    "gettingThere" INTEGER NOT NULL DEFAULT 0,
    "doingWell" INTEGER NOT NULL DEFAULT 0,
    "evidence" TEXT NOT NULL DEFAULT '[]',
    "comments" TEXT NOT NULL DEFAULT '[]',

    PRIMARY KEY ("assessmentId", "statementId"),
    CONSTRAINT "SelfAssessmentRating_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "SelfAssessment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SelfAssessment_orgId_year_idx" ON "SelfAssessment"("orgId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "SelfAssessment_workspaceId_year_key" ON "SelfAssessment"("workspaceId", "year");


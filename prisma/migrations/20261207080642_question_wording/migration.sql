-- CreateTable
CREATE TABLE "QuestionWording" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "questionSetVersion" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "standard" TEXT NOT NULL,
    "easyRead" TEXT NOT NULL,
    "loadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuestionWording_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "QuestionWording_orgId_questionSetVersion_code_key" ON "QuestionWording"("orgId", "questionSetVersion", "code");


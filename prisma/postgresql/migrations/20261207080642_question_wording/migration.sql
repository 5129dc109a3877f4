-- CreateTable
CREATE TABLE "QuestionWording" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "questionSetVersion" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "standard" TEXT NOT NULL,
    "easyRead" TEXT NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuestionWording_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "QuestionWording_orgId_questionSetVersion_code_key" ON "QuestionWording"("orgId", "questionSetVersion", "code");

-- AddForeignKey
ALTER TABLE "QuestionWording" ADD CONSTRAINT "QuestionWording_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Imported evidence remembers the import batch that wrote it (shown beside the row, with its file),
-- and the evidence tables without one get a version: a correction of a row sent against a version
-- that has changed since it was read is refused, never silently overwritten.

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "importBatchId" TEXT;

-- AlterTable
ALTER TABLE "DossierStat" ADD COLUMN     "importBatchId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "CitizenVote" ADD COLUMN     "importBatchId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "DisciplineDecision" ADD COLUMN     "importBatchId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Infraction" ADD COLUMN     "importBatchId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "Task_importBatchId_idx" ON "Task"("importBatchId");

-- CreateIndex
CREATE INDEX "DossierStat_importBatchId_idx" ON "DossierStat"("importBatchId");

-- CreateIndex
CREATE INDEX "CitizenVote_importBatchId_idx" ON "CitizenVote"("importBatchId");

-- CreateIndex
CREATE INDEX "DisciplineDecision_importBatchId_idx" ON "DisciplineDecision"("importBatchId");

-- CreateIndex
CREATE INDEX "Infraction_importBatchId_idx" ON "Infraction"("importBatchId");

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierStat" ADD CONSTRAINT "DossierStat_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitizenVote" ADD CONSTRAINT "CitizenVote_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisciplineDecision" ADD CONSTRAINT "DisciplineDecision_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Infraction" ADD CONSTRAINT "Infraction_importBatchId_fkey" FOREIGN KEY ("importBatchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

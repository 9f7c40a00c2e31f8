-- The unit that assigned a piece of work when it is not the person's unit today: a person
-- transferred during the year is rated by the new agency with the old agency's period scores
-- (Nghị định 335/2025 Điều 21), and the old agency's periods stay closed by the old agency.

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "assignedUnitId" TEXT;

-- CreateIndex
CREATE INDEX "Task_assignedUnitId_idx" ON "Task"("assignedUnitId");

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_assignedUnitId_fkey" FOREIGN KEY ("assignedUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

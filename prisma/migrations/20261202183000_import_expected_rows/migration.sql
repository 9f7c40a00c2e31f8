-- The rows an import's file says it holds (a CSV's lines, an .xlsx sheet's dimension), read by
-- its job before parsing: the progress of a batch is totalRows (read so far) of expectedRows.

-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN "expectedRows" INTEGER;

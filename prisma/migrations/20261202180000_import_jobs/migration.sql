-- Imports are jobs (issue 15): the upload stores the file and queues the batch; a worker (any API
-- process or `npm run worker`) validates and writes it. The file waits in ImportFile, in the
-- database so that any process's worker can read it, and is deleted when the batch finishes.

-- AlterEnum
ALTER TYPE "ImportStatus" ADD VALUE 'QUEUED' BEFORE 'VALIDATING';

-- A batch left validating by the in-request import of a process that died has no job and no file:
-- it is closed as failed, as the next upload of its user used to do.
UPDATE "ImportBatch" SET "status" = 'FAILED', "finishedAt" = CURRENT_TIMESTAMP WHERE "status" = 'VALIDATING';

-- CreateTable
CREATE TABLE "ImportFile" (
    "batchId" TEXT NOT NULL,
    "content" BYTEA NOT NULL, -- the uploaded file, gzip-compressed
    "source" TEXT,
    "requestId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportFile_pkey" PRIMARY KEY ("batchId")
);

-- AddForeignKey
ALTER TABLE "ImportFile" ADD CONSTRAINT "ImportFile_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "ImportBatch_createdById_status_idx" ON "ImportBatch"("createdById", "status");

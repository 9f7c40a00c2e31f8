-- Large exports as jobs (apps/api/src/services/export-jobs.ts): the request, its state and, once
-- built, the file (gzip) until it is downloaded or a day has passed.
CREATE TYPE "ExportStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

CREATE TABLE "ExportJob" (
    "id" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "unitId" TEXT,
    "requestedById" TEXT NOT NULL,
    "requestId" TEXT,
    "status" "ExportStatus" NOT NULL DEFAULT 'QUEUED',
    "fileName" TEXT,
    "contentType" TEXT,
    "content" BYTEA,
    "bytes" INTEGER,
    "message" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ExportJob_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ExportJob_requestedById_createdAt_idx" ON "ExportJob"("requestedById", "createdAt");
CREATE INDEX "ExportJob_status_idx" ON "ExportJob"("status");
CREATE INDEX "ExportJob_cycleId_idx" ON "ExportJob"("cycleId");

ALTER TABLE "ExportJob" ADD CONSTRAINT "ExportJob_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ExportJob" ADD CONSTRAINT "ExportJob_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Official documents: the register of issued documents (number, PDF, signature) and the record of
-- files sent to the national personnel database.

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('RATING_DECISION', 'TITLE_DECISION', 'COUNCIL_MINUTES', 'BALLOT_COUNT', 'APPEAL_ANSWER', 'CYCLE_REPORT');

-- CreateTable
CREATE TABLE "IssuedDocument" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "sourceId" TEXT,
    "issuerUnitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "symbol" TEXT NOT NULL,
    "serial" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "signerName" TEXT,
    "certificateSubject" TEXT,
    "certificateIssuer" TEXT,
    "signedAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IssuedDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NationalExport" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "schemaVersion" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "records" INTEGER NOT NULL,
    "decidedUntil" DATE,
    "dueOn" DATE,
    "createdById" TEXT,
    "createdByName" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NationalExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IssuedDocument_issuerUnitId_year_symbol_serial_key" ON "IssuedDocument"("issuerUnitId", "year", "symbol", "serial");

-- CreateIndex
CREATE INDEX "IssuedDocument_cycleId_kind_idx" ON "IssuedDocument"("cycleId", "kind");

-- CreateIndex
CREATE INDEX "IssuedDocument_sourceId_idx" ON "IssuedDocument"("sourceId");

-- CreateIndex
CREATE INDEX "NationalExport_cycleId_createdAt_idx" ON "NationalExport"("cycleId", "createdAt");

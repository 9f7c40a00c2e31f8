-- Continuous evaluation (Nghị định 335/2025): a cycle's period kind, job positions and their
-- product catalogue per cycle, assignments as tasks with a period and a product, head assessments
-- and closing per period, dossier and vote counts per period, corrections of closed periods;
-- the personal identification number, quota group and degeneration conclusions of a person;
-- effective-dated units with successors (two-level local government from 1 July 2025); saved
-- column mappings of imports per source system.
--
-- Task gains the assignment columns instead of a new table: a task already is one piece of work
-- of one person (planned/actual quantities, due/finished dates, failed reviews as majorErrors,
-- delays, excused), and the engine, imports, exports and the bench all read it; an assignment of
-- a catalogue product is a task with productId, the assigned quantity as planned and the
-- converted weight (quantity × coefficient) as weight.

-- DropIndex
DROP INDEX "CitizenVote_cycleId_personId_source_key";

-- DropIndex
DROP INDEX "DossierStat_cycleId_personId_key";

-- CreateEnum
CREATE TYPE "UnitChangeKind" AS ENUM ('MERGER', 'SPLIT', 'RENAME');

-- CreateEnum
CREATE TYPE "PeriodKind" AS ENUM ('YEAR', 'QUARTER', 'MONTH');

-- CreateEnum
CREATE TYPE "PeriodState" AS ENUM ('OPEN', 'CLOSED');

-- AlterEnum
ALTER TYPE "UnitKind" ADD VALUE 'WARD';

-- AlterEnum
ALTER TYPE "UnitKind" ADD VALUE 'SPECIAL_ZONE';

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "validFrom" DATE,
ADD COLUMN     "validTo" DATE;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "personalId" TEXT,
ADD COLUMN     "quotaGroup" TEXT,
ADD COLUMN     "jobPositionId" TEXT;

-- AlterTable
ALTER TABLE "RatingHistory" ADD COLUMN     "unitId" TEXT;

-- AlterTable
ALTER TABLE "Cycle" ADD COLUMN     "periodKind" "PeriodKind" NOT NULL DEFAULT 'QUARTER';

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "excusedBy" TEXT,
ADD COLUMN     "period" INTEGER,
ADD COLUMN     "productId" TEXT;

-- AlterTable
ALTER TABLE "DossierStat" ADD COLUMN     "period" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "CitizenVote" ADD COLUMN     "period" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "EvaluationResult" ADD COLUMN     "periods" JSONB;

-- CreateTable
CREATE TABLE "UnitSuccession" (
    "id" TEXT NOT NULL,
    "predecessorId" TEXT NOT NULL,
    "successorId" TEXT NOT NULL,
    "kind" "UnitChangeKind" NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "decisionNumber" TEXT,

    CONSTRAINT "UnitSuccession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobPosition" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "JobPosition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "jobPositionId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unitOfCount" TEXT NOT NULL,
    "coefficient" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeriodClosure" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "state" "PeriodState" NOT NULL DEFAULT 'OPEN',
    "closedById" TEXT,
    "closedByName" TEXT,
    "closedAt" TIMESTAMPTZ(3),
    "reopenReason" TEXT,
    "reopenedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PeriodClosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeriodCorrection" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "byUserId" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PeriodCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DegenerationConclusion" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "decisionNumber" TEXT NOT NULL,
    "decidedOn" DATE NOT NULL,
    "body" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DegenerationConclusion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeriodAssessment" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "conductAssessment" DOUBLE PRECISION NOT NULL,
    "comment" TEXT,
    "assessedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PeriodAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportMapping" (
    "id" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "source" TEXT NOT NULL,
    "columns" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ImportMapping_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UnitSuccession_successorId_idx" ON "UnitSuccession"("successorId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitSuccession_predecessorId_successorId_key" ON "UnitSuccession"("predecessorId", "successorId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_personalId_key" ON "Person"("personalId");

-- CreateIndex
CREATE INDEX "Person_jobPositionId_idx" ON "Person"("jobPositionId");

-- CreateIndex
CREATE INDEX "RatingHistory_unitId_idx" ON "RatingHistory"("unitId");

-- CreateIndex
CREATE INDEX "Task_productId_idx" ON "Task"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "JobPosition_code_key" ON "JobPosition"("code");

-- CreateIndex
CREATE INDEX "Product_jobPositionId_idx" ON "Product"("jobPositionId");

-- CreateIndex
CREATE UNIQUE INDEX "Product_cycleId_jobPositionId_code_key" ON "Product"("cycleId", "jobPositionId", "code");

-- CreateIndex
CREATE INDEX "PeriodClosure_unitId_idx" ON "PeriodClosure"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "PeriodClosure_cycleId_unitId_period_key" ON "PeriodClosure"("cycleId", "unitId", "period");

-- CreateIndex
CREATE INDEX "PeriodCorrection_cycleId_unitId_period_idx" ON "PeriodCorrection"("cycleId", "unitId", "period");

-- CreateIndex
CREATE INDEX "PeriodCorrection_personId_idx" ON "PeriodCorrection"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "DossierStat_cycleId_personId_period_key" ON "DossierStat"("cycleId", "personId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "CitizenVote_cycleId_personId_source_period_key" ON "CitizenVote"("cycleId", "personId", "source", "period");

-- CreateIndex
CREATE INDEX "DegenerationConclusion_personId_decidedOn_idx" ON "DegenerationConclusion"("personId", "decidedOn");

-- CreateIndex
CREATE INDEX "PeriodAssessment_personId_idx" ON "PeriodAssessment"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "PeriodAssessment_cycleId_personId_period_key" ON "PeriodAssessment"("cycleId", "personId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "ImportMapping_kind_source_key" ON "ImportMapping"("kind", "source");

-- AddForeignKey
ALTER TABLE "UnitSuccession" ADD CONSTRAINT "UnitSuccession_predecessorId_fkey" FOREIGN KEY ("predecessorId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitSuccession" ADD CONSTRAINT "UnitSuccession_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_jobPositionId_fkey" FOREIGN KEY ("jobPositionId") REFERENCES "JobPosition"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingHistory" ADD CONSTRAINT "RatingHistory_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_jobPositionId_fkey" FOREIGN KEY ("jobPositionId") REFERENCES "JobPosition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodClosure" ADD CONSTRAINT "PeriodClosure_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodClosure" ADD CONSTRAINT "PeriodClosure_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodCorrection" ADD CONSTRAINT "PeriodCorrection_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DegenerationConclusion" ADD CONSTRAINT "DegenerationConclusion_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodAssessment" ADD CONSTRAINT "PeriodAssessment_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeriodAssessment" ADD CONSTRAINT "PeriodAssessment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Years before 2026 were rated once a year (Nghị định 90/2020): keep existing cycles so.
UPDATE "Cycle" SET "periodKind" = 'YEAR' WHERE "year" < 2026;

-- Số định danh cá nhân: 12 digits (Nghị định 27/2026)
ALTER TABLE "Person" ADD CONSTRAINT "Person_personalId_digits" CHECK ("personalId" ~ '^[0-9]{12}$');

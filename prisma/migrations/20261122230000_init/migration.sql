-- Initial schema of the cadre evaluation platform.
-- Tables, types, indexes and foreign keys: drafted by packages/db/scripts/sql-from-schema.ts
-- from prisma/schema.prisma; the drift test (packages/db/src/migrations.test.ts) proves they match.

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS unaccent;

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('PROVINCE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE', 'DIVISION', 'CENTER');

-- CreateEnum
CREATE TYPE "StaffCategory" AS ENUM ('CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'NGUOI_LAO_DONG');

-- CreateEnum
CREATE TYPE "SensitiveSector" AS ENUM ('PERSONNEL', 'FINANCE', 'PUBLIC_ASSETS', 'INVESTMENT', 'CITIZEN_SERVICE', 'LAND', 'INSPECTION');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "Rating" AS ENUM ('EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED', 'NOT_RATED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'OFFICER', 'UNIT_HEAD', 'COUNCIL_MEMBER', 'STAFF');

-- CreateEnum
CREATE TYPE "CycleStatus" AS ENUM ('DRAFT', 'OPEN', 'ASSESSMENT', 'REVIEW', 'APPROVED', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "DisciplineForm" AS ENUM ('KHIEN_TRACH', 'CANH_CAO', 'HA_BAC_LUONG', 'GIANG_CHUC', 'CACH_CHUC', 'BAI_NHIEM', 'BUOC_THOI_VIEC');

-- CreateEnum
CREATE TYPE "InfractionKind" AS ENUM ('LATE', 'ABSENT', 'CONDUCT', 'COMPLAINT_UPHELD');

-- CreateEnum
CREATE TYPE "InitiativeScope" AS ENUM ('GRASSROOTS', 'PROVINCE', 'NATIONAL');

-- CreateEnum
CREATE TYPE "InitiativeKind" AS ENUM ('INITIATIVE', 'RESEARCH');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "DecisionKind" AS ENUM ('ADJUSTMENT', 'APPROVAL', 'CORRECTION', 'APPEAL_OUTCOME');

-- CreateEnum
CREATE TYPE "TitleKind" AS ENUM ('LDTT', 'CSTDCS', 'CSTD_TINH', 'CSTD_TOAN_QUOC', 'GIAY_KHEN', 'BANG_KHEN', 'TAP_THE_LDTT', 'TAP_THE_LDXS', 'CO_THI_DUA');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('PROPOSED', 'WITHDRAWN', 'IN_BALLOT', 'APPROVED', 'REJECTED', 'DECIDED', 'REVOKED');

-- CreateEnum
CREATE TYPE "CouncilRole" AS ENUM ('CHAIR', 'VICE_CHAIR', 'MEMBER', 'SECRETARY');

-- CreateEnum
CREATE TYPE "SessionStatus" AS ENUM ('SCHEDULED', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "BallotStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "BallotResult" AS ENUM ('PASSED', 'FAILED', 'NO_QUORUM');

-- CreateEnum
CREATE TYPE "VoteChoice" AS ENUM ('FOR', 'AGAINST', 'ABSTAIN');

-- CreateEnum
CREATE TYPE "TitleDecisionKind" AS ENUM ('AWARD', 'REVOCATION');

-- CreateEnum
CREATE TYPE "FlagKind" AS ENUM ('ROTATION', 'STREAMLINING', 'DISMISSAL_REVIEW', 'WEAK_PERFORMANCE');

-- CreateEnum
CREATE TYPE "FlagStatus" AS ENUM ('ACTIVE', 'POSTPONED', 'EXEMPT');

-- CreateEnum
CREATE TYPE "FlagReview" AS ENUM ('PENDING', 'ACCEPTED', 'DISMISSED', 'POSTPONED');

-- CreateEnum
CREATE TYPE "AppealStatus" AS ENUM ('SUBMITTED', 'UNDER_REVIEW', 'UPHELD', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('UNITS', 'PEOPLE', 'TASKS', 'DOSSIERS', 'CITIZEN_VOTES', 'DISCIPLINE', 'INFRACTIONS', 'INITIATIVES');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('VALIDATING', 'FAILED', 'APPLIED');

-- CreateTable
CREATE TABLE "EmulationBlock" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "EmulationBlock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "parentId" TEXT,
    "blockId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "gender" "Gender",
    "birthDate" DATE,
    "email" TEXT,
    "unitId" TEXT NOT NULL,
    "category" "StaffCategory" NOT NULL,
    "positionTitle" TEXT,
    "leadsUnitId" TEXT,
    "hiredOn" DATE NOT NULL,
    "retirementOn" DATE,
    "sensitiveSector" "SensitiveSector",
    "sensitiveSince" DATE,
    "citizenFacing" BOOLEAN NOT NULL DEFAULT false,
    "dossierHandler" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonCircumstance" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "monthsAbsent" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "maternityLeave" BOOLEAN NOT NULL DEFAULT false,
    "pregnantOrChildUnder36Months" BOOLEAN NOT NULL DEFAULT false,
    "pendingProceedings" BOOLEAN NOT NULL DEFAULT false,
    "seriouslyIll" BOOLEAN NOT NULL DEFAULT false,
    "studyLeave12Months" BOOLEAN NOT NULL DEFAULT false,
    "seconded" BOOLEAN NOT NULL DEFAULT false,
    "unitCorruptionCase" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PersonCircumstance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingHistory" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "rating" "Rating" NOT NULL,
    "titles" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "source" TEXT NOT NULL DEFAULT 'import',

    CONSTRAINT "RatingHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "scopeUnitId" TEXT,
    "personId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "passwordChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyPack" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "parameters" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyPack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cycle" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "packId" TEXT NOT NULL,
    "overrides" JSONB NOT NULL DEFAULT '{}',
    "status" "CycleStatus" NOT NULL DEFAULT 'DRAFT',
    "scopeUnitId" TEXT NOT NULL,
    "appealDays" INTEGER NOT NULL DEFAULT 15,
    "publishedAt" TIMESTAMPTZ(3),
    "archivedAt" TIMESTAMPTZ(3),
    "lastRunId" TEXT,
    "createdById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Cycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CycleDeadline" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "stage" "CycleStatus" NOT NULL,
    "dueOn" DATE NOT NULL,
    "ownerRole" "Role" NOT NULL,

    CONSTRAINT "CycleDeadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CycleTransition" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "fromStatus" "CycleStatus" NOT NULL,
    "toStatus" "CycleStatus" NOT NULL,
    "reason" TEXT,
    "byUserId" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CycleTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "dueOn" DATE NOT NULL,
    "completedOn" DATE,
    "planned" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "actual" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "majorErrors" INTEGER NOT NULL DEFAULT 0,
    "delays" INTEGER NOT NULL DEFAULT 0,
    "excused" BOOLEAN NOT NULL DEFAULT false,
    "excuseNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitYearStat" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "parIndex" DOUBLE PRECISION,
    "satisfactionIndex" DOUBLE PRECISION,
    "targetsCompletedPercent" DOUBLE PRECISION,
    "corruptionCase" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "UnitYearStat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierStat" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "early" INTEGER NOT NULL DEFAULT 0,
    "onTime" INTEGER NOT NULL DEFAULT 0,
    "late" INTEGER NOT NULL DEFAULT 0,
    "apologies" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DossierStat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CitizenVote" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'ALL',
    "verySatisfied" INTEGER NOT NULL DEFAULT 0,
    "satisfied" INTEGER NOT NULL DEFAULT 0,
    "dissatisfied" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CitizenVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DisciplineDecision" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "form" "DisciplineForm" NOT NULL,
    "number" TEXT,
    "decidedOn" DATE NOT NULL,
    "actYear" INTEGER NOT NULL,
    "concernsDuties" BOOLEAN NOT NULL DEFAULT true,
    "alreadyCountedInYear" INTEGER,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisciplineDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Infraction" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" "InfractionKind" NOT NULL,
    "occurredOn" DATE NOT NULL,
    "note" TEXT,

    CONSTRAINT "Infraction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Initiative" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" "InitiativeKind" NOT NULL DEFAULT 'INITIATIVE',
    "title" TEXT NOT NULL,
    "scope" "InitiativeScope" NOT NULL,
    "recognizedOn" DATE NOT NULL,
    "decisionNumber" TEXT,

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelfAssessment" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "achievements" TEXT NOT NULL,
    "shortcomings" TEXT,
    "proposedRating" "Rating" NOT NULL,
    "submittedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SelfAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HeadAssessment" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "conductAssessment" DOUBLE PRECISION NOT NULL,
    "comment" TEXT,
    "assessedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HeadAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationRun" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'RUNNING',
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "byUserId" TEXT,

    CONSTRAINT "EvaluationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationResult" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "runId" TEXT,
    "score" DOUBLE PRECISION,
    "components" JSONB,
    "proposedRating" "Rating" NOT NULL,
    "engineRating" "Rating" NOT NULL,
    "finalRating" "Rating" NOT NULL,
    "finalReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "titles" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "trace" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingDecision" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "resultId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "fromRating" "Rating" NOT NULL,
    "toRating" "Rating" NOT NULL,
    "reason" TEXT NOT NULL,
    "number" TEXT,
    "supersedesId" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RatingDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitResult" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "excellentEligible" INTEGER NOT NULL,
    "excellentAllowed" INTEGER NOT NULL,
    "excellentGranted" INTEGER NOT NULL,
    "collectiveTitles" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "blockRank" INTEGER,
    "unitScore" DOUBLE PRECISION,
    "trace" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "UnitResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuotaException" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "percent" DOUBLE PRECISION NOT NULL,
    "decisionNumber" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuotaException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TitleProposal" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "title" "TitleKind" NOT NULL,
    "personId" TEXT,
    "unitId" TEXT,
    "reason" TEXT NOT NULL,
    "eligible" BOOLEAN NOT NULL,
    "eligibility" JSONB NOT NULL DEFAULT '[]',
    "status" "ProposalStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TitleProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Council" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scopeUnitId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Council_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilMember" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "CouncilRole" NOT NULL DEFAULT 'MEMBER',
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "CouncilMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouncilSession" (
    "id" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "status" "SessionStatus" NOT NULL DEFAULT 'SCHEDULED',
    "quorum" INTEGER NOT NULL,
    "present" INTEGER,
    "minutes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CouncilSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "proposalId" TEXT NOT NULL,
    "status" "BallotStatus" NOT NULL DEFAULT 'OPEN',
    "thresholdPercent" DOUBLE PRECISION NOT NULL,
    "members" INTEGER NOT NULL,
    "forCount" INTEGER,
    "againstCount" INTEGER,
    "abstainCount" INTEGER,
    "result" "BallotResult",
    "openedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotParticipation" (
    "id" TEXT NOT NULL,
    "ballotId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "votedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BallotParticipation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotVote" (
    "id" TEXT NOT NULL,
    "ballotId" TEXT NOT NULL,
    "choice" "VoteChoice" NOT NULL,

    CONSTRAINT "BallotVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BallotRecusal" (
    "id" TEXT NOT NULL,
    "ballotId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "BallotRecusal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TitleDecision" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "kind" "TitleDecisionKind" NOT NULL DEFAULT 'AWARD',
    "number" TEXT NOT NULL,
    "decidedOn" DATE NOT NULL,
    "signedBy" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TitleDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TitleAward" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "proposalId" TEXT,
    "title" "TitleKind" NOT NULL,
    "personId" TEXT,
    "unitId" TEXT,
    "revokedByDecisionId" TEXT,
    "revocationReason" TEXT,

    CONSTRAINT "TitleAward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Flag" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" "FlagKind" NOT NULL,
    "status" "FlagStatus" NOT NULL,
    "rule" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "review" "FlagReview" NOT NULL DEFAULT 'PENDING',
    "reviewReason" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Flag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appeal" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "resultId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "requested" "Rating",
    "status" "AppealStatus" NOT NULL DEFAULT 'SUBMITTED',
    "outcome" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "filedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "cycleId" TEXT,
    "fileName" TEXT NOT NULL,
    "fileSize" INTEGER NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'VALIDATING',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "validRows" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRowError" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "row" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT,
    "message" TEXT NOT NULL,

    CONSTRAINT "ImportRowError_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorName" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmulationBlock_code_key" ON "EmulationBlock"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");

-- CreateIndex
CREATE INDEX "Unit_blockId_idx" ON "Unit"("blockId");

-- CreateIndex
CREATE INDEX "Unit_searchName_idx" ON "Unit" USING GIN ("searchName" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Person_code_key" ON "Person"("code");

-- CreateIndex
CREATE INDEX "Person_unitId_fullName_idx" ON "Person"("unitId", "fullName");

-- CreateIndex
CREATE INDEX "Person_leadsUnitId_idx" ON "Person"("leadsUnitId");

-- CreateIndex
CREATE INDEX "Person_searchName_idx" ON "Person" USING GIN ("searchName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "PersonCircumstance_personId_idx" ON "PersonCircumstance"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "PersonCircumstance_cycleId_personId_key" ON "PersonCircumstance"("cycleId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "RatingHistory_personId_year_key" ON "RatingHistory"("personId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "User_personId_key" ON "User"("personId");

-- CreateIndex
CREATE INDEX "User_role_idx" ON "User"("role");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "Cycle_status_idx" ON "Cycle"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Cycle_scopeUnitId_year_key" ON "Cycle"("scopeUnitId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "CycleDeadline_cycleId_stage_key" ON "CycleDeadline"("cycleId", "stage");

-- CreateIndex
CREATE INDEX "CycleTransition_cycleId_at_idx" ON "CycleTransition"("cycleId", "at");

-- CreateIndex
CREATE INDEX "Task_cycleId_personId_idx" ON "Task"("cycleId", "personId");

-- CreateIndex
CREATE INDEX "Task_personId_idx" ON "Task"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Task_cycleId_code_key" ON "Task"("cycleId", "code");

-- CreateIndex
CREATE INDEX "UnitYearStat_unitId_idx" ON "UnitYearStat"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitYearStat_cycleId_unitId_key" ON "UnitYearStat"("cycleId", "unitId");

-- CreateIndex
CREATE INDEX "DossierStat_personId_idx" ON "DossierStat"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "DossierStat_cycleId_personId_key" ON "DossierStat"("cycleId", "personId");

-- CreateIndex
CREATE INDEX "CitizenVote_personId_idx" ON "CitizenVote"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "CitizenVote_cycleId_personId_source_key" ON "CitizenVote"("cycleId", "personId", "source");

-- CreateIndex
CREATE INDEX "DisciplineDecision_personId_decidedOn_idx" ON "DisciplineDecision"("personId", "decidedOn");

-- CreateIndex
CREATE INDEX "DisciplineDecision_decidedOn_idx" ON "DisciplineDecision"("decidedOn");

-- CreateIndex
CREATE INDEX "Infraction_cycleId_personId_idx" ON "Infraction"("cycleId", "personId");

-- CreateIndex
CREATE INDEX "Infraction_personId_idx" ON "Infraction"("personId");

-- CreateIndex
CREATE INDEX "Initiative_personId_recognizedOn_idx" ON "Initiative"("personId", "recognizedOn");

-- CreateIndex
CREATE INDEX "SelfAssessment_personId_idx" ON "SelfAssessment"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "SelfAssessment_cycleId_personId_key" ON "SelfAssessment"("cycleId", "personId");

-- CreateIndex
CREATE INDEX "HeadAssessment_personId_idx" ON "HeadAssessment"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "HeadAssessment_cycleId_personId_key" ON "HeadAssessment"("cycleId", "personId");

-- CreateIndex
CREATE INDEX "EvaluationRun_cycleId_startedAt_idx" ON "EvaluationRun"("cycleId", "startedAt");

-- CreateIndex
CREATE INDEX "EvaluationResult_cycleId_unitId_score_idx" ON "EvaluationResult"("cycleId", "unitId", "score" DESC);

-- CreateIndex
CREATE INDEX "EvaluationResult_cycleId_score_idx" ON "EvaluationResult"("cycleId", "score" DESC);

-- CreateIndex
CREATE INDEX "EvaluationResult_cycleId_finalRating_idx" ON "EvaluationResult"("cycleId", "finalRating");

-- CreateIndex
CREATE INDEX "EvaluationResult_personId_idx" ON "EvaluationResult"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationResult_cycleId_personId_key" ON "EvaluationResult"("cycleId", "personId");

-- CreateIndex
CREATE INDEX "RatingDecision_resultId_decidedAt_idx" ON "RatingDecision"("resultId", "decidedAt");

-- CreateIndex
CREATE INDEX "RatingDecision_cycleId_decidedAt_idx" ON "RatingDecision"("cycleId", "decidedAt");

-- CreateIndex
CREATE INDEX "RatingDecision_personId_idx" ON "RatingDecision"("personId");

-- CreateIndex
CREATE INDEX "UnitResult_unitId_idx" ON "UnitResult"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitResult_cycleId_unitId_key" ON "UnitResult"("cycleId", "unitId");

-- CreateIndex
CREATE INDEX "QuotaException_unitId_idx" ON "QuotaException"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "QuotaException_cycleId_unitId_key" ON "QuotaException"("cycleId", "unitId");

-- CreateIndex
CREATE INDEX "TitleProposal_cycleId_title_status_idx" ON "TitleProposal"("cycleId", "title", "status");

-- CreateIndex
CREATE INDEX "TitleProposal_personId_idx" ON "TitleProposal"("personId");

-- CreateIndex
CREATE INDEX "TitleProposal_unitId_idx" ON "TitleProposal"("unitId");

-- CreateIndex
CREATE INDEX "Council_scopeUnitId_idx" ON "Council"("scopeUnitId");

-- CreateIndex
CREATE INDEX "CouncilMember_userId_idx" ON "CouncilMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CouncilMember_councilId_userId_key" ON "CouncilMember"("councilId", "userId");

-- CreateIndex
CREATE INDEX "CouncilSession_councilId_idx" ON "CouncilSession"("councilId");

-- CreateIndex
CREATE INDEX "CouncilSession_cycleId_idx" ON "CouncilSession"("cycleId");

-- CreateIndex
CREATE INDEX "Ballot_proposalId_idx" ON "Ballot"("proposalId");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_sessionId_proposalId_key" ON "Ballot"("sessionId", "proposalId");

-- CreateIndex
CREATE INDEX "BallotParticipation_memberId_idx" ON "BallotParticipation"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "BallotParticipation_ballotId_memberId_key" ON "BallotParticipation"("ballotId", "memberId");

-- CreateIndex
CREATE INDEX "BallotVote_ballotId_idx" ON "BallotVote"("ballotId");

-- CreateIndex
CREATE INDEX "BallotRecusal_memberId_idx" ON "BallotRecusal"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "BallotRecusal_ballotId_memberId_key" ON "BallotRecusal"("ballotId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "TitleDecision_cycleId_number_key" ON "TitleDecision"("cycleId", "number");

-- CreateIndex
CREATE INDEX "TitleAward_decisionId_idx" ON "TitleAward"("decisionId");

-- CreateIndex
CREATE INDEX "TitleAward_personId_idx" ON "TitleAward"("personId");

-- CreateIndex
CREATE INDEX "TitleAward_unitId_idx" ON "TitleAward"("unitId");

-- CreateIndex
CREATE INDEX "TitleAward_proposalId_idx" ON "TitleAward"("proposalId");

-- CreateIndex
CREATE INDEX "TitleAward_revokedByDecisionId_idx" ON "TitleAward"("revokedByDecisionId");

-- CreateIndex
CREATE INDEX "Flag_cycleId_kind_review_idx" ON "Flag"("cycleId", "kind", "review");

-- CreateIndex
CREATE INDEX "Flag_personId_idx" ON "Flag"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Flag_cycleId_personId_kind_key" ON "Flag"("cycleId", "personId", "kind");

-- CreateIndex
CREATE INDEX "Appeal_cycleId_status_idx" ON "Appeal"("cycleId", "status");

-- CreateIndex
CREATE INDEX "Appeal_personId_idx" ON "Appeal"("personId");

-- CreateIndex
CREATE INDEX "Appeal_resultId_idx" ON "Appeal"("resultId");

-- CreateIndex
CREATE INDEX "ImportBatch_cycleId_createdAt_idx" ON "ImportBatch"("cycleId", "createdAt");

-- CreateIndex
CREATE INDEX "ImportBatch_createdById_idx" ON "ImportBatch"("createdById");

-- CreateIndex
CREATE INDEX "ImportRowError_batchId_row_idx" ON "ImportRowError"("batchId", "row");

-- CreateIndex
CREATE UNIQUE INDEX "AuditLog_hash_key" ON "AuditLog"("hash");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_blockId_fkey" FOREIGN KEY ("blockId") REFERENCES "EmulationBlock"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_leadsUnitId_fkey" FOREIGN KEY ("leadsUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonCircumstance" ADD CONSTRAINT "PersonCircumstance_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonCircumstance" ADD CONSTRAINT "PersonCircumstance_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingHistory" ADD CONSTRAINT "RatingHistory_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_scopeUnitId_fkey" FOREIGN KEY ("scopeUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cycle" ADD CONSTRAINT "Cycle_packId_fkey" FOREIGN KEY ("packId") REFERENCES "PolicyPack"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cycle" ADD CONSTRAINT "Cycle_scopeUnitId_fkey" FOREIGN KEY ("scopeUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cycle" ADD CONSTRAINT "Cycle_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleDeadline" ADD CONSTRAINT "CycleDeadline_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleTransition" ADD CONSTRAINT "CycleTransition_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CycleTransition" ADD CONSTRAINT "CycleTransition_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitYearStat" ADD CONSTRAINT "UnitYearStat_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitYearStat" ADD CONSTRAINT "UnitYearStat_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierStat" ADD CONSTRAINT "DossierStat_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierStat" ADD CONSTRAINT "DossierStat_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitizenVote" ADD CONSTRAINT "CitizenVote_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CitizenVote" ADD CONSTRAINT "CitizenVote_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DisciplineDecision" ADD CONSTRAINT "DisciplineDecision_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Infraction" ADD CONSTRAINT "Infraction_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Infraction" ADD CONSTRAINT "Infraction_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfAssessment" ADD CONSTRAINT "SelfAssessment_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfAssessment" ADD CONSTRAINT "SelfAssessment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeadAssessment" ADD CONSTRAINT "HeadAssessment_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeadAssessment" ADD CONSTRAINT "HeadAssessment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeadAssessment" ADD CONSTRAINT "HeadAssessment_assessedById_fkey" FOREIGN KEY ("assessedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRun" ADD CONSTRAINT "EvaluationRun_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationRun" ADD CONSTRAINT "EvaluationRun_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationResult" ADD CONSTRAINT "EvaluationResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "EvaluationRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingDecision" ADD CONSTRAINT "RatingDecision_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingDecision" ADD CONSTRAINT "RatingDecision_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "EvaluationResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingDecision" ADD CONSTRAINT "RatingDecision_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingDecision" ADD CONSTRAINT "RatingDecision_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "RatingDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingDecision" ADD CONSTRAINT "RatingDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitResult" ADD CONSTRAINT "UnitResult_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitResult" ADD CONSTRAINT "UnitResult_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotaException" ADD CONSTRAINT "QuotaException_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuotaException" ADD CONSTRAINT "QuotaException_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitleProposal" ADD CONSTRAINT "TitleProposal_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitleProposal" ADD CONSTRAINT "TitleProposal_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitleProposal" ADD CONSTRAINT "TitleProposal_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitleProposal" ADD CONSTRAINT "TitleProposal_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Council" ADD CONSTRAINT "Council_scopeUnitId_fkey" FOREIGN KEY ("scopeUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilMember" ADD CONSTRAINT "CouncilMember_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilMember" ADD CONSTRAINT "CouncilMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilSession" ADD CONSTRAINT "CouncilSession_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CouncilSession" ADD CONSTRAINT "CouncilSession_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CouncilSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "TitleProposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotParticipation" ADD CONSTRAINT "BallotParticipation_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotParticipation" ADD CONSTRAINT "BallotParticipation_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "CouncilMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotVote" ADD CONSTRAINT "BallotVote_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotRecusal" ADD CONSTRAINT "BallotRecusal_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BallotRecusal" ADD CONSTRAINT "BallotRecusal_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "CouncilMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitleDecision" ADD CONSTRAINT "TitleDecision_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitleAward" ADD CONSTRAINT "TitleAward_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "TitleDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitleAward" ADD CONSTRAINT "TitleAward_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "TitleProposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitleAward" ADD CONSTRAINT "TitleAward_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitleAward" ADD CONSTRAINT "TitleAward_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitleAward" ADD CONSTRAINT "TitleAward_revokedByDecisionId_fkey" FOREIGN KEY ("revokedByDecisionId") REFERENCES "TitleDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "EvaluationResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRowError" ADD CONSTRAINT "ImportRowError_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AuditLog is append-only: rows are written once and never changed or removed,
-- whichever client connects (the hash chain would expose it anyway; this stops it).
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Record a correction as a new audit entry.';
END;
$$;

CREATE TRIGGER "AuditLog_no_update_delete"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();

-- Policy packs: rules and default parameters as data (shared/design/DOMAIN.md).
-- A cycle names its pack; local overrides live in Cycle.overrides.
INSERT INTO "PolicyPack" ("id", "name", "description", "parameters") VALUES
(
  'vn-nd335-2025',
  'Nghị định 335/2025/NĐ-CP (từ năm 2026)',
  'Civil servants, evaluation years from 2026: 100-point scale, general criteria 30 + task results 70; bands 90/70/50.',
  '{
    "method": "points",
    "fromYear": 2026,
    "excellentPercent": 20,
    "excellentMinimumPerGroup": 0,
    "quotaGroup": "unit",
    "cstdcsCapPercent": null,
    "rotationYears": 3,
    "ballotThresholdPercent": 90,
    "minCitizenVotes": 20,
    "generalCriteriaPoints": 30,
    "taskResultPoints": 70,
    "bands": { "excellent": 90, "good": 70, "completed": 50 },
    "majorErrorPenalty": 0.25,
    "delayPenalty": 0.25,
    "leaderOwnTaskPoints": 35,
    "leaderUnitPoints": 35,
    "leaderUnitFactorWhenAnyNotCompleted": 0.5,
    "infractionPenalty": 2,
    "apologyPenalty": 1,
    "minMonthsWorked": 6,
    "absentMonthsCapCompleted": 3,
    "leaderUnitTargetsPercent": 50,
    "retirementExemptMonths": 18,
    "weakPerformanceRotation": true,
    "weakPerformanceCitizenSharePercent": 70,
    "bangKhenExcellentYears": 2,
    "collectiveLdttPercent": 50,
    "collectiveLdxsLdttPercent": 70,
    "appealDays": 15
  }'::jsonb
),
(
  'vn-nd90-2020',
  'Nghị định 90/2020/NĐ-CP (đến năm 2025; viên chức)',
  'Rated by criteria, not points: excellent = all tasks on time and to quality with at least half exceeded; good = all on time; completed = at most 20% behind.',
  '{
    "method": "criteria",
    "toYear": 2025,
    "excellentPercent": 20,
    "excellentMinimumPerGroup": 0,
    "quotaGroup": "unit",
    "cstdcsCapPercent": null,
    "rotationYears": 3,
    "ballotThresholdPercent": 90,
    "minCitizenVotes": 20,
    "excellentExceededPercent": 50,
    "completedMaxBehindPercent": 20,
    "notCompletedBehindPercent": 50,
    "leaderExcellentUnitsGoodPercent": 70,
    "minMonthsWorked": 6,
    "absentMonthsCapCompleted": 3,
    "leaderUnitTargetsPercent": 50,
    "retirementExemptMonths": 18,
    "weakPerformanceRotation": true,
    "weakPerformanceCitizenSharePercent": 70,
    "bangKhenExcellentYears": 2,
    "collectiveLdttPercent": 50,
    "collectiveLdxsLdttPercent": 70,
    "appealDays": 15
  }'::jsonb
);

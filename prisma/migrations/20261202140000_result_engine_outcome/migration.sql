-- What the engine says a person's result allows (issue 12): the periods awaiting the head's
-- assessment (the person is not scored until assessed, never read as 10), the rating ceiling a
-- decision may not exceed and the structured eligibility per title. The API answers the viewer's
-- questions from them instead of re-reading the trace.

-- AlterTable
ALTER TABLE "EvaluationResult" ADD COLUMN     "awaitingAssessment" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "ratingCeiling" JSONB,
ADD COLUMN     "titleEligibility" JSONB;

-- Ballot secrecy by construction: a vote is sealed while the ballot is open (the key is outside
-- the database) and written to "BallotVote" only by the close step, shuffled.

-- CreateTable
CREATE TABLE "BallotSealedVote" (
    "id" TEXT NOT NULL,
    "ballotId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,

    CONSTRAINT "BallotSealedVote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BallotSealedVote_ballotId_idx" ON "BallotSealedVote"("ballotId");

-- AddForeignKey
ALTER TABLE "BallotSealedVote" ADD CONSTRAINT "BallotSealedVote_ballotId_fkey" FOREIGN KEY ("ballotId") REFERENCES "Ballot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

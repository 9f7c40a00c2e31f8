-- Reminders: a head or the personnel office reminds people whose self-assessment is not submitted
-- (apps/api/src/domains/reminders); each sees theirs until they dismiss it.
-- CreateEnum
CREATE TYPE "ReminderKind" AS ENUM ('SELF_ASSESSMENT');

-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL,
    "cycleId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" "ReminderKind" NOT NULL,
    "sentById" TEXT,
    "sentByName" TEXT NOT NULL,
    "dueOn" DATE,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dismissedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Reminder_personId_dismissedAt_idx" ON "Reminder"("personId", "dismissedAt");

-- CreateIndex
CREATE INDEX "Reminder_cycleId_kind_sentAt_idx" ON "Reminder"("cycleId", "kind", "sentAt");

-- CreateIndex
CREATE INDEX "Reminder_sentById_idx" ON "Reminder"("sentById");

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "Cycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- An import's row errors keep the key and parameters of their message (packages/messages), so the
-- web app shows them in the user's language; rows written before keep their Vietnamese text only.
ALTER TABLE "ImportRowError" ADD COLUMN     "messageKey" TEXT,
ADD COLUMN     "messageParams" JSONB;

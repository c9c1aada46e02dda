-- Durable from the ack: a command or press is recorded with what it asks for before it
-- is acknowledged, in the same row as its delivery key, and worked from the database.
-- An open row (leaseUntil set) is held by the process named in "owner" until its lease
-- ends; a restarted process or another replica claims it after that. "decidedAt" is set
-- in the first transaction the work commits, so a replay never decides twice. The
-- payload is cleared when the work is done. Rows written before this migration have no
-- lease and are never replayed.
ALTER TABLE "SlackDelivery"
  ADD COLUMN "kind" TEXT,
  ADD COLUMN "payload" JSONB,
  ADD COLUMN "owner" TEXT,
  ADD COLUMN "leaseUntil" TIMESTAMP(3),
  ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "decidedAt" TIMESTAMP(3),
  ADD COLUMN "doneAt" TIMESTAMP(3),
  ADD COLUMN "outcome" TEXT;
CREATE INDEX "SlackDelivery_open_idx" ON "SlackDelivery"("leaseUntil") WHERE "leaseUntil" IS NOT NULL;

-- Scheduler: job runs claimed per slot, notices written once, snoozes; the moment a
-- request's current status began.
ALTER TABLE "Request" ADD COLUMN "stageSince" TIMESTAMP(3);
UPDATE "Request" SET "stageSince" = "updatedAt" WHERE "stageSince" IS NULL;

CREATE TABLE "JobRun" (
    "job" TEXT NOT NULL,
    "slot" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "claimedBy" TEXT NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "result" JSONB,
    "error" TEXT,
    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("job","slot")
);
CREATE INDEX "JobRun_job_status_idx" ON "JobRun"("job", "status");

CREATE TABLE "Notice" (
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Notice_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "Snooze" (
    "personId" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Snooze_pkey" PRIMARY KEY ("personId","item")
);

-- Issue 17, approval routes: delegation during absence (代理承認・後閲) and circulation (回覧).
-- Additive: one nullable column and two new tables.
ALTER TABLE "RequestEvent" ADD COLUMN "onBehalfOf" TEXT;

CREATE TABLE "Delegation" (
    "id" TEXT NOT NULL,
    "absentId" TEXT NOT NULL,
    "delegateId" TEXT NOT NULL,
    "fromDay" TEXT NOT NULL,
    "toDay" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdBy" TEXT NOT NULL,
    "reviewSentAt" TIMESTAMP(3),

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Delegation_absentId_endsAt_idx" ON "Delegation"("absentId", "endsAt");
CREATE INDEX "Delegation_startsAt_endsAt_idx" ON "Delegation"("startsAt", "endsAt");

CREATE TABLE "Circulation" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "addedBy" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL,
    "seenAt" TIMESTAMP(3),

    CONSTRAINT "Circulation_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Circulation_requestId_personId_key" ON "Circulation"("requestId", "personId");
CREATE INDEX "Circulation_personId_seenAt_idx" ON "Circulation"("personId", "seenAt");

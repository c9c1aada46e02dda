-- Annual audit and plan calendar (規程 第21条2項, 第25, 26, 29, 30条): the duties of each
-- fiscal year, and the year's calendar message in the compliance channel.
CREATE TABLE "DutyOccurrence" (
    "id" TEXT NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "ownerRole" TEXT NOT NULL,
    "closedOn" DATE,
    "closedBy" TEXT,
    "closedAt" TIMESTAMP(3),
    "documentUrl" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "DutyOccurrence_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "DutyOccurrence_fiscalYear_kind_key" ON "DutyOccurrence"("fiscalYear", "kind");
CREATE INDEX "DutyOccurrence_closedOn_idx" ON "DutyOccurrence"("closedOn");

CREATE TABLE "DutyYear" (
    "fiscalYear" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "channelId" TEXT,
    "messageTs" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "DutyYear_pkey" PRIMARY KEY ("fiscalYear")
);

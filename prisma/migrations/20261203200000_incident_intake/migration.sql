-- Issue 13 (intake): the regulator form's facts (occurrence day, how it came to light,
-- 漏えい・滅失・毀損, medium), the business partner that reported it (seed 000 第9条) and the
-- due dates of the partner's two reports. All nullable or defaulted: additive only.
ALTER TABLE "Incident" ADD COLUMN "partnerInvestigationDueAt" TIMESTAMP(3),
ADD COLUMN "partnerRecurrenceDueAt" TIMESTAMP(3),
ADD COLUMN "occurredOn" DATE,
ADD COLUMN "discoveryMethod" TEXT,
ADD COLUMN "eventKinds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "medium" TEXT,
ADD COLUMN "partnerName" TEXT;

-- Subject requests (issue 13): how the person asked to receive a disclosure and the method
-- used (APPI Art.33(1)-(2)), the fee (Art.38), the Art.35 condition of a stop request, and
-- the notice of the outcome to the person (Art.32(3), 33(3), 34(3), 35(7); reasons, Art.36).
ALTER TABLE "SubjectRequest" ADD COLUMN "disclosureMethod" TEXT,
ADD COLUMN "methodUsed" TEXT,
ADD COLUMN "feeYen" INTEGER,
ADD COLUMN "statutoryBasis" TEXT,
ADD COLUMN "decidedAt" TIMESTAMP(3),
ADD COLUMN "noticeOn" DATE,
ADD COLUMN "noticeVia" TEXT,
ADD COLUMN "noticeBy" TEXT,
ADD COLUMN "noticeRecordedAt" TIMESTAMP(3),
ADD COLUMN "reasonExplained" BOOLEAN;

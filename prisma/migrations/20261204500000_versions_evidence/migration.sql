-- Issue 16 (versions and evidence, the incident card): a measure's evidence (a link and/or a
-- note), the measure a history event concerns, and when an incident's 速報 / 確報 was
-- submitted. Additive and nullable.
ALTER TABLE "RequestMeasure" ADD COLUMN "evidenceUrl" TEXT,
ADD COLUMN "evidenceNote" TEXT;

ALTER TABLE "RequestEvent" ADD COLUMN "detail" TEXT;

ALTER TABLE "Incident" ADD COLUMN "preliminarySubmittedAt" TIMESTAMP(3),
ADD COLUMN "finalSubmittedAt" TIMESTAMP(3);

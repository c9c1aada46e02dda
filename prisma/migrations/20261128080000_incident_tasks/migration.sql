-- The task checklist of an incident (rules.ts taskDefinitions), created at triage and
-- updated on reassessment; the checklist message in the incident's thread; closing with
-- the recurrence-prevention entry (再発防止策).
CREATE TABLE "IncidentTask" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "naReason" TEXT,
    "doneBy" TEXT,
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentTask_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "IncidentTask_incidentId_key_key" ON "IncidentTask"("incidentId", "key");

ALTER TABLE "Incident" ADD COLUMN "checklistTs" TEXT;
ALTER TABLE "Incident" ADD COLUMN "recurrencePrevention" TEXT;
ALTER TABLE "Incident" ADD COLUMN "closedAt" TIMESTAMP(3);
ALTER TABLE "Incident" ADD COLUMN "closedBy" TEXT;

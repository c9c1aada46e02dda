-- Personal-data incidents (個人データの漏えい等, seed 000 第9条, APPI Art.26): the report,
-- the assessment (施行規則 第7条) and the deadlines counted from the discovery.
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "discoveredAt" TIMESTAMP(3) NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "reporterId" TEXT NOT NULL,
    "dataDescription" TEXT NOT NULL,
    "affectedEstimate" TEXT NOT NULL,
    "ongoing" TEXT NOT NULL,
    "asProcessor" BOOLEAN NOT NULL,
    "contact" TEXT,
    "assessment" JSONB,
    "dataItems" TEXT,
    "cause" TEXT,
    "assessedBy" TEXT,
    "assessedAt" TIMESTAMP(3),
    "reportable" BOOLEAN,
    "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "reportedBy" TEXT,
    "preliminaryReportDueAt" TIMESTAMP(3),
    "finalReportDueAt" TIMESTAMP(3),
    "peopleNoticeDueAt" TIMESTAMP(3),
    "clientToldDueAt" TIMESTAMP(3),
    "ministryReportDueAt" TIMESTAMP(3),
    "channelId" TEXT,
    "messageTs" TEXT,
    "rev" INTEGER NOT NULL DEFAULT 0,
    "submissionKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Incident_code_key" ON "Incident"("code");
CREATE UNIQUE INDEX "Incident_submissionKey_key" ON "Incident"("submissionKey");
CREATE INDEX "Incident_status_idx" ON "Incident"("status");
CREATE INDEX "Incident_reporterId_idx" ON "Incident"("reporterId");

-- Acknowledging an incident (「受領しました（対応開始）」): who took it on and when. The
-- escalation job (incidents.escalations) escalates only incidents nobody acknowledged.
ALTER TABLE "Incident" ADD COLUMN "acknowledgedAt" TIMESTAMP(3);
ALTER TABLE "Incident" ADD COLUMN "acknowledgedBy" TEXT;

-- Items 5-9 of the regulator report (施行規則 第8条1項: secondary harm, the response to the
-- people affected, publication, other; recurrence prevention already has its column, used
-- both by the report and by closing), and the incident lead the chief assigns.
ALTER TABLE "Incident" ADD COLUMN "secondaryHarm" TEXT;
ALTER TABLE "Incident" ADD COLUMN "responseToPeople" TEXT;
ALTER TABLE "Incident" ADD COLUMN "publication" TEXT;
ALTER TABLE "Incident" ADD COLUMN "otherMatters" TEXT;
ALTER TABLE "Incident" ADD COLUMN "leadId" TEXT;

CREATE INDEX "Incident_leadId_idx" ON "Incident"("leadId");
CREATE INDEX "IncidentTask_ownerId_idx" ON "IncidentTask"("ownerId");

-- who set a task's due date by hand (null: it follows the legal deadline); a reassessment
-- keeps a hand-set date when it is earlier than the new deadline
ALTER TABLE "IncidentTask" ADD COLUMN "dueSetBy" TEXT;

-- The compliance digest counts in the database: requests by status and age, filed in a
-- period, and decisions in a period.
CREATE INDEX "Request_status_stageSince_idx" ON "Request"("status", "stageSince");
CREATE INDEX "Request_createdAt_idx" ON "Request"("createdAt");
CREATE INDEX "RequestEvent_at_action_idx" ON "RequestEvent"("at", "action");

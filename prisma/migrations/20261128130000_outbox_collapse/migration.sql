-- Calls rendered when they are sent (a person's Home tab) say the same thing however
-- many are waiting: of the pending calls with the same collapse key only the newest is
-- sent, the older ones are marked superseded.
ALTER TABLE "OutboxMessage" ADD COLUMN "collapseKey" TEXT;
CREATE INDEX "OutboxMessage_collapseKey_idx" ON "OutboxMessage"("collapseKey") WHERE status = 'pending' AND "collapseKey" IS NOT NULL;

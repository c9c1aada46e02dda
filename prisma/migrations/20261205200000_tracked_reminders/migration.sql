-- Reminder DMs that list several things, edited in place as each thing is done (issue 16)
ALTER TABLE "TrackedDm" ADD COLUMN "orderKey" TEXT;
ALTER TABLE "TrackedDm" ADD COLUMN "items" TEXT[] DEFAULT ARRAY[]::TEXT[];

CREATE INDEX "TrackedDm_items_idx" ON "TrackedDm" USING GIN ("items");
CREATE INDEX "TrackedDm_channelId_messageTs_idx" ON "TrackedDm"("channelId", "messageTs");

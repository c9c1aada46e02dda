-- A claimed row names the worker that holds it, so a worker renews (and records the
-- result of) only the rows it still holds. A post whose send may have reached Slack
-- without its result being recorded (the worker died, or the call timed out) keeps the
-- moment that send started: before it is sent again the outbox looks for it in the
-- channel from then on, by the row id in the message's metadata.
ALTER TABLE "OutboxMessage" ADD COLUMN "lockedBy" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "inDoubtSince" TIMESTAMP(3);

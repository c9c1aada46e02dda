-- TRUNCATE empties a table without firing row triggers, so the append-only guard of the
-- decision log let it through. A statement-level trigger refuses it like UPDATE and DELETE
-- (the same function: 'AuditEntry is append-only (TRUNCATE refused)').
CREATE TRIGGER "AuditEntry_no_truncate"
  BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"();

-- The chain's head as the daily audit.anchor job posted it outside the database (the
-- compliance channel), one row per day: the digest shows the latest, and the next run
-- checks the chain still holds it. The post in Slack is the evidence; this row is the
-- bot's note of what it posted, append-only like the log.
CREATE TABLE "AuditAnchor" (
    "id" SERIAL NOT NULL,
    "day" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "channel" TEXT,

    CONSTRAINT "AuditAnchor_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "AuditAnchor_day_key" ON "AuditAnchor"("day");

CREATE FUNCTION "audit_anchor_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditAnchor is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditAnchor_append_only"
  BEFORE UPDATE OR DELETE ON "AuditAnchor"
  FOR EACH ROW EXECUTE FUNCTION "audit_anchor_append_only"();

CREATE TRIGGER "AuditAnchor_no_truncate"
  BEFORE TRUNCATE ON "AuditAnchor"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_anchor_append_only"();

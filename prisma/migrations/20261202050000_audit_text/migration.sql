-- Free texts the audit chain refers to (by id, with their length and keyed hash) instead of
-- holding them: erasable on a data subject's request without breaking the chain.
CREATE TABLE "AuditText" (
    "id" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "text" TEXT,
    "hmac" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "erasedAt" TIMESTAMP(3),

    CONSTRAINT "AuditText_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "AuditText_subject_idx" ON "AuditText"("subject");

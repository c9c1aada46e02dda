-- Requests from data subjects (開示等の請求, 規程 第18-19条, APPI Art.32-39) and complaints
-- (苦情・相談, 第22条): the register of each, with a reference to the customer's record
-- (never the customer's name or address), the identity check, the deadlines and the answer.
CREATE TABLE "SubjectRequest" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "receivedOn" DATE NOT NULL,
    "requester" TEXT NOT NULL,
    "mandate" TEXT,
    "customerRef" TEXT NOT NULL,
    "scope" TEXT,
    "ownerId" TEXT NOT NULL,
    "loggedBy" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "targetOn" DATE NOT NULL,
    "ceilingOn" DATE NOT NULL,
    "idDocument" TEXT,
    "idDocumentNote" TEXT,
    "mandateDocument" TEXT,
    "agentDocument" TEXT,
    "idCheckedBy" TEXT,
    "idCheckedOn" DATE,
    "idRecordedBy" TEXT,
    "idRecordedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "grounds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "reasonToPerson" TEXT,
    "actionTaken" TEXT,
    "actionOn" DATE,
    "proposedBy" TEXT,
    "proposedAt" TIMESTAMP(3),
    "approvedBy" TEXT,
    "approvedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "withdrawnNote" TEXT,
    "closedAt" TIMESTAMP(3),
    "channelId" TEXT,
    "messageTs" TEXT,
    "approvalTs" TEXT,
    "rev" INTEGER NOT NULL DEFAULT 0,
    "submissionKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubjectRequest_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Complaint" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "receivedOn" DATE NOT NULL,
    "summary" TEXT NOT NULL,
    "customerRef" TEXT,
    "linkedCode" TEXT,
    "ownerId" TEXT NOT NULL,
    "loggedBy" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "outcomeText" TEXT,
    "referredTo" TEXT,
    "closedOn" DATE,
    "closedBy" TEXT,
    "closedAt" TIMESTAMP(3),
    "channelId" TEXT,
    "messageTs" TEXT,
    "rev" INTEGER NOT NULL DEFAULT 0,
    "submissionKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "SubjectRequest_code_key" ON "SubjectRequest"("code");
CREATE UNIQUE INDEX "SubjectRequest_submissionKey_key" ON "SubjectRequest"("submissionKey");
CREATE INDEX "SubjectRequest_status_idx" ON "SubjectRequest"("status");
CREATE INDEX "SubjectRequest_ownerId_idx" ON "SubjectRequest"("ownerId");
CREATE INDEX "SubjectRequest_answeredAt_idx" ON "SubjectRequest"("answeredAt");
CREATE UNIQUE INDEX "Complaint_code_key" ON "Complaint"("code");
CREATE UNIQUE INDEX "Complaint_submissionKey_key" ON "Complaint"("submissionKey");
CREATE INDEX "Complaint_status_idx" ON "Complaint"("status");

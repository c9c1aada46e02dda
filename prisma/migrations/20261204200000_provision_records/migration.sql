-- Provision and receipt records (APPI Art.29, 30, 33(5); 施行規則 第19-25条).
-- A provision record gets its form (第19条), the basis its contents follow (第20条), its
-- provisions (first, last, how many) and the 施行令 第11条 exclusion; each actual provision is a
-- ProvisionEntry; a receipt from a third party is a ReceiptRecord. Additive: existing records
-- are per-provision records of a consent-based provision until a provision is logged.
ALTER TABLE "ProvisionRecord" ADD COLUMN "form" TEXT NOT NULL DEFAULT 'per_provision',
ADD COLUMN "recordBasis" TEXT NOT NULL DEFAULT 'consent',
ADD COLUMN "contractRef" TEXT,
ADD COLUMN "firstProvidedOn" DATE,
ADD COLUMN "lastProvidedOn" DATE,
ADD COLUMN "provisions" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "disclosureExclusion" TEXT,
ADD COLUMN "rev" INTEGER NOT NULL DEFAULT 0;

-- existing opt-out records (their basis text names Art.27(2))
UPDATE "ProvisionRecord" SET "recordBasis" = 'optout' WHERE "basis" LIKE 'オプトアウト%';

CREATE TABLE "ProvisionEntry" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "recordId" TEXT,
    "providedOn" DATE NOT NULL,
    "subjectsRef" TEXT NOT NULL,
    "exemption" TEXT,
    "loggedBy" TEXT NOT NULL,
    "loggedAt" TIMESTAMP(3) NOT NULL,
    "submissionKey" TEXT NOT NULL,

    CONSTRAINT "ProvisionEntry_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ProvisionEntry_submissionKey_key" ON "ProvisionEntry"("submissionKey");
CREATE INDEX "ProvisionEntry_requestId_providedOn_idx" ON "ProvisionEntry"("requestId", "providedOn");
CREATE INDEX "ProvisionEntry_recordId_idx" ON "ProvisionEntry"("recordId");

CREATE TABLE "ReceiptRecord" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "filedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "providerName" TEXT NOT NULL,
    "providerKind" TEXT NOT NULL,
    "providerAddress" TEXT NOT NULL,
    "providerRepresentative" TEXT,
    "acquisition" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "exemption" TEXT,
    "ppcPublished" BOOLEAN NOT NULL DEFAULT false,
    "items" TEXT NOT NULL,
    "subjectsRef" TEXT NOT NULL,
    "form" TEXT NOT NULL DEFAULT 'per_provision',
    "contractRef" TEXT,
    "firstReceivedOn" DATE NOT NULL,
    "lastReceivedOn" DATE NOT NULL,
    "receipts" INTEGER NOT NULL DEFAULT 1,
    "retainUntil" TIMESTAMP(3),
    "disclosureExclusion" TEXT,
    "submissionKey" TEXT NOT NULL,
    "disposedOn" DATE,
    "disposalMethod" TEXT,
    "disposedBy" TEXT,
    "disposalRecordedBy" TEXT,
    "disposalRecordedAt" TIMESTAMP(3),

    CONSTRAINT "ReceiptRecord_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ReceiptRecord_code_key" ON "ReceiptRecord"("code");
CREATE UNIQUE INDEX "ReceiptRecord_submissionKey_key" ON "ReceiptRecord"("submissionKey");
CREATE INDEX "ReceiptRecord_retainUntil_idx" ON "ReceiptRecord"("retainUntil");
CREATE INDEX "ReceiptRecord_providerName_idx" ON "ReceiptRecord"("providerName");

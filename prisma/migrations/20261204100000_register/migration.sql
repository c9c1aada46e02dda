-- The register of personal data (個人データ管理台帳, 規程 第23条, 第25条2項(1)①; issue 14):
-- one entry per holding, every change a version; the measure "registered in the ledger"
-- ticked by the bot notes the entry that satisfied it.
ALTER TABLE "RequestMeasure" ADD COLUMN "note" TEXT;

CREATE TABLE "RegisterEntry" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "purposes" TEXT NOT NULL DEFAULT '',
    "purposeRequests" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "dataItems" TEXT NOT NULL DEFAULT '',
    "sensitive" BOOLEAN NOT NULL DEFAULT false,
    "peopleBand" TEXT,
    "source" TEXT NOT NULL DEFAULT '',
    "collectionMethod" TEXT NOT NULL DEFAULT '',
    "storage" TEXT NOT NULL DEFAULT '',
    "retention" TEXT NOT NULL DEFAULT '',
    "retentionUntil" DATE,
    "disposalMethod" TEXT NOT NULL DEFAULT '',
    "processors" JSONB NOT NULL DEFAULT '[]',
    "recipients" JSONB NOT NULL DEFAULT '[]',
    "countries" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "access" TEXT NOT NULL DEFAULT '',
    "securityMeasures" TEXT NOT NULL DEFAULT '',
    "externalTransmissions" TEXT NOT NULL DEFAULT '',
    "transmissionNotice" TEXT,
    "relatedInfoProvision" TEXT NOT NULL DEFAULT '',
    "relatedInfoConfirmation" TEXT,
    "lastReviewedOn" DATE,
    "lastReviewedBy" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegisterEntry_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RegisterEntryVersion" (
    "id" SERIAL NOT NULL,
    "entryId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "changed" TEXT[],
    "source" TEXT NOT NULL,
    "sourceRef" TEXT,
    "actorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegisterEntryVersion_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "RegisterEntry_code_key" ON "RegisterEntry"("code");
CREATE INDEX "RegisterEntry_ownerId_idx" ON "RegisterEntry"("ownerId");
CREATE INDEX "RegisterEntry_departmentId_idx" ON "RegisterEntry"("departmentId");
CREATE INDEX "RegisterEntry_lastReviewedOn_idx" ON "RegisterEntry"("lastReviewedOn");
CREATE UNIQUE INDEX "RegisterEntryVersion_entryId_version_key" ON "RegisterEntryVersion"("entryId", "version");

ALTER TABLE "RegisterEntryVersion" ADD CONSTRAINT "RegisterEntryVersion_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "RegisterEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

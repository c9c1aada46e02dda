-- issue 14: retention and disposal (規程 第31条, 第15条2項(2)④) and the public statement (APPI Art.32)
CREATE TABLE "RetentionItem" (
    "id" TEXT NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subjectRef" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "endDay" DATE,
    "basis" TEXT NOT NULL,
    "disposalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RetentionItem_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Disposal" (
    "id" TEXT NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subjectRef" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "disposedOn" DATE NOT NULL,
    "performedBy" TEXT NOT NULL,
    "evidenceUrl" TEXT NOT NULL,
    "note" TEXT,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "submissionKey" TEXT,

    CONSTRAINT "Disposal_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "PublicStatement" (
    "version" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "markdown" TEXT NOT NULL,
    "publishedBy" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicStatement_pkey" PRIMARY KEY ("version")
);

CREATE UNIQUE INDEX "RetentionItem_subjectKind_subjectRef_key" ON "RetentionItem"("subjectKind", "subjectRef");
CREATE INDEX "RetentionItem_endDay_idx" ON "RetentionItem"("endDay");
CREATE INDEX "RetentionItem_ownerId_idx" ON "RetentionItem"("ownerId");
CREATE UNIQUE INDEX "Disposal_submissionKey_key" ON "Disposal"("submissionKey");
CREATE UNIQUE INDEX "Disposal_subjectKind_subjectRef_key" ON "Disposal"("subjectKind", "subjectRef");

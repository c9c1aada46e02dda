-- Processors (預託先, 規程 第15条): one per effective entrustment, with its inspection
-- cycle (第15条6項), the recorded inspections, and the retention and disposal of its
-- documents (第15条7項, 第31条); disposal of provision records past their retention.
ALTER TABLE "ProvisionRecord" ADD COLUMN "disposedOn" DATE,
ADD COLUMN "disposalMethod" TEXT,
ADD COLUMN "disposedBy" TEXT,
ADD COLUMN "disposalNote" TEXT,
ADD COLUMN "disposalRecordedBy" TEXT,
ADD COLUMN "disposalRecordedAt" TIMESTAMP(3);

CREATE TABLE "Processor" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "requestCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "responsibleId" TEXT NOT NULL,
    "contractStart" DATE,
    "contractEnd" DATE,
    "contractEndRecordedBy" TEXT,
    "contractEndRecordedAt" TIMESTAMP(3),
    "inspectionMonths" INTEGER NOT NULL,
    "nextInspectionDue" DATE NOT NULL,
    "lastInspectedOn" DATE,
    "retentionYears" INTEGER NOT NULL,
    "retainUntil" DATE,
    "disposedOn" DATE,
    "disposalMethod" TEXT,
    "disposedBy" TEXT,
    "disposalNote" TEXT,
    "disposalRecordedBy" TEXT,
    "disposalRecordedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Processor_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ProcessorInspection" (
    "id" SERIAL NOT NULL,
    "processorId" TEXT NOT NULL,
    "inspectedOn" DATE NOT NULL,
    "result" TEXT NOT NULL,
    "note" TEXT,
    "documentUrl" TEXT NOT NULL,
    "nextDue" DATE NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "submissionKey" TEXT,

    CONSTRAINT "ProcessorInspection_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "Processor_requestId_key" ON "Processor"("requestId");
CREATE UNIQUE INDEX "Processor_requestCode_key" ON "Processor"("requestCode");
CREATE INDEX "Processor_nextInspectionDue_idx" ON "Processor"("nextInspectionDue");
CREATE INDEX "Processor_retainUntil_idx" ON "Processor"("retainUntil");
CREATE UNIQUE INDEX "ProcessorInspection_submissionKey_key" ON "ProcessorInspection"("submissionKey");
CREATE INDEX "ProcessorInspection_processorId_id_idx" ON "ProcessorInspection"("processorId", "id");
ALTER TABLE "ProcessorInspection" ADD CONSTRAINT "ProcessorInspection_processorId_fkey" FOREIGN KEY ("processorId") REFERENCES "Processor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

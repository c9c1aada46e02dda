-- issue 13: report tracks of a telecom carrier (通信の秘密: 電気通信事業法 第28条)
ALTER TABLE "Incident" ADD COLUMN "secrecyFirstReportDueAt" TIMESTAMP(3);
ALTER TABLE "Incident" ADD COLUMN "secrecyDetailedReportDueAt" TIMESTAMP(3);
ALTER TABLE "Incident" ADD COLUMN "secrecyInvolved" TEXT;

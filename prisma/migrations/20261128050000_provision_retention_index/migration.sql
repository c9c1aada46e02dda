CREATE INDEX "ProvisionRecord_retainUntil_idx" ON "ProvisionRecord"("retainUntil");

-- 規程 第28条: training is evaluated (passed, score) and reaches processors' staff
-- (recorded by the processor's code and a reference, never a name). Additive and nullable.
ALTER TABLE "TrainingCompletion" ADD COLUMN "passed" BOOLEAN,
ADD COLUMN "score" INTEGER,
ADD COLUMN "processorCode" TEXT;

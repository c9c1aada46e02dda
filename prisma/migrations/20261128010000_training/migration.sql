-- Training (規程 第28条): completions (self-reported or imported) and the day each
-- person was first required to take each course.
CREATE TABLE "TrainingCompletion" (
    "id" SERIAL NOT NULL,
    "personId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "completedOn" DATE NOT NULL,
    "evidence" TEXT,
    "source" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingCompletion_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "TrainingCompletion_personId_courseId_completedOn_key" ON "TrainingCompletion"("personId", "courseId", "completedOn");
CREATE INDEX "TrainingCompletion_courseId_personId_completedOn_idx" ON "TrainingCompletion"("courseId", "personId", "completedOn");

CREATE TABLE "TrainingAssignment" (
    "personId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "since" DATE NOT NULL,

    CONSTRAINT "TrainingAssignment_pkey" PRIMARY KEY ("personId","courseId")
);

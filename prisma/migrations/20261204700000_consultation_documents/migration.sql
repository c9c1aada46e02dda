-- Approval routes (issue 17): consultation by condition (合議) and the documents of a request's
-- versions. New tables only.
CREATE TABLE "RequestConsultRound" (
    "requestId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "statusTs" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RequestConsultRound_pkey" PRIMARY KEY ("requestId","version")
);

CREATE TABLE "RequestConsultRule" (
    "requestId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "ruleId" TEXT NOT NULL,
    "condition" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "reviewers" TEXT[],
    "addedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RequestConsultRule_pkey" PRIMARY KEY ("requestId","version","ruleId")
);

CREATE TABLE "RequestConsultAnswer" (
    "requestId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "answer" TEXT,
    "reason" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RequestConsultAnswer_pkey" PRIMARY KEY ("requestId","version","reviewerId")
);

CREATE TABLE "RequestDocument" (
    "requestId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "fileId" TEXT,
    "name" TEXT NOT NULL,
    "size" INTEGER,
    "url" TEXT,
    "sha256" TEXT NOT NULL,
    "hashOf" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "RequestDocument_pkey" PRIMARY KEY ("requestId","version","position")
);

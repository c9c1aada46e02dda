-- issue 16 (home): DMs that carry buttons, edited in place once the thing is done.
CREATE TABLE "TrackedDm" (
    "key" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "channelId" TEXT,
    "messageTs" TEXT,
    "body" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrackedDm_pkey" PRIMARY KEY ("key","personId")
);

-- User reuse without reading every visit (issue 16): one row per user, day, intent, locale and channel,
-- flagged when the user came back within N days. The rollup job fills it; the next rollup run after
-- this migration rebuilds everything (its watermark records the reuse window, which old ones lack).
CREATE TABLE "MetricUserDays" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MetricUserDays" PRIMARY KEY AUTOINCREMENT,
    "Day" TEXT NOT NULL,
    "UserRef" TEXT NOT NULL,
    "IntentId" INTEGER NULL,
    "Locale" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Returned" INTEGER NOT NULL
);

CREATE INDEX "IX_MetricUserDays_Day_UserRef_Returned" ON "MetricUserDays" ("Day", "UserRef", "Returned");

-- Grading lease: the reviewer an answer is shown to, until when (two reviewers never get the same answer).
ALTER TABLE "GradingAssignments" ADD "LeasedById" TEXT NULL;
ALTER TABLE "GradingAssignments" ADD "LeaseExpiresAt" TEXT NULL;

-- Indicators (issue 16): daily rollup cube, stored review reports, the grading sample, grade reason codes,
-- and a covering index for the reuse and recontact windows.
CREATE TABLE "MetricReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MetricReports" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Period" TEXT NOT NULL,
    "FirstDay" TEXT NOT NULL,
    "LastDay" TEXT NOT NULL,
    "DefinitionsVersion" TEXT NOT NULL,
    "TimeZone" TEXT NOT NULL,
    "GeneratedAt" TEXT NOT NULL,
    "GeneratedBy" TEXT NOT NULL,
    "Content" TEXT NOT NULL
);
CREATE TABLE "MetricRollups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MetricRollups" PRIMARY KEY AUTOINCREMENT,
    "Day" TEXT NOT NULL,
    "IntentId" INTEGER NULL,
    "Locale" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "AnswerSource" TEXT NOT NULL,
    "ScriptVersionId" INTEGER NULL,
    "ModelVersionId" INTEGER NULL,
    "Conversations" INTEGER NOT NULL,
    "Finished" INTEGER NOT NULL,
    "Confirmed" INTEGER NOT NULL,
    "Assumed" INTEGER NOT NULL,
    "Unresolved" INTEGER NOT NULL,
    "Escalated" INTEGER NOT NULL,
    "Abandoned" INTEGER NOT NULL,
    "WithIntent" INTEGER NOT NULL,
    "Recontacted" INTEGER NOT NULL,
    "Covered" INTEGER NOT NULL,
    "Answered" INTEGER NOT NULL,
    "Fallback" INTEGER NOT NULL,
    "Rated" INTEGER NOT NULL,
    "RatedGood" INTEGER NOT NULL,
    "Graded" INTEGER NOT NULL,
    "GradedCorrect" INTEGER NOT NULL,
    "LatencyBuckets" TEXT NOT NULL
);
CREATE TABLE "GradingAssignments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GradingAssignments" PRIMARY KEY AUTOINCREMENT,
    "Period" TEXT NOT NULL,
    "TurnId" INTEGER NOT NULL,
    "ConversationId" INTEGER NOT NULL,
    "Stratum" TEXT NOT NULL,
    "Slot" INTEGER NOT NULL,
    "GradedById" TEXT NULL,
    "GradeId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "GradedAt" TEXT NULL,
    CONSTRAINT "FK_GradingAssignments_Conversations_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "Conversations" ("Id") ON DELETE CASCADE
);

ALTER TABLE "Grades" ADD "ReasonCodes" TEXT NULL;

CREATE INDEX "IX_Conversations_StartedAt_UserRef_IntentId_IsTest_Channel" ON "Conversations" ("StartedAt", "UserRef", "IntentId", "IsTest", "Channel");
CREATE INDEX "IX_GradingAssignments_ConversationId" ON "GradingAssignments" ("ConversationId");
CREATE INDEX "IX_GradingAssignments_Period_GradeId" ON "GradingAssignments" ("Period", "GradeId");
CREATE UNIQUE INDEX "IX_GradingAssignments_TurnId_Slot" ON "GradingAssignments" ("TurnId", "Slot");
CREATE UNIQUE INDEX "IX_MetricReports_Kind_Period" ON "MetricReports" ("Kind", "Period");
CREATE INDEX "IX_MetricRollups_Day_IntentId" ON "MetricRollups" ("Day", "IntentId");

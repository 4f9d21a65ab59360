-- Dashboard overview at scale (issue 16): the distinct users of a period read from a few hundred rows of
-- per-day counts instead of a distinct count over every user row of the period. One row per day,
-- locale and channel cell (NULL = all of them), kind (active, or active with a return) and the days
-- since the user's previous such day in the cell (0 = none within 366 days). The rollup job fills it:
-- the next run after this migration counts them from the stored per-user rows (its watermark records
-- the gap limit, which old ones lack), without recomputing anything else.
CREATE TABLE "MetricReuseCounts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MetricReuseCounts" PRIMARY KEY AUTOINCREMENT,
    "Day" TEXT NOT NULL,
    "Locale" TEXT NULL,
    "Channel" TEXT NULL,
    "Returned" INTEGER NOT NULL,
    "Gap" INTEGER NOT NULL,
    "Users" INTEGER NOT NULL
);

CREATE INDEX "IX_MetricReuseCounts_Locale_Channel_Day" ON "MetricReuseCounts" ("Locale", "Channel", "Day");

-- The incremental rollup update reads and replaces the reuse rows of the users whose conversations changed.
CREATE INDEX "IX_MetricUserDays_UserRef_Day" ON "MetricUserDays" ("UserRef", "Day");

-- The incremental rollup update finds the conversations ended since its last run (it scanned the table).
CREATE INDEX "IX_Conversations_EndedAt" ON "Conversations" ("EndedAt");

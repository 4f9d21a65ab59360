-- Dashboard overview at scale (issue 16): the cube summed over answer source, script version and model version,
-- per day, intent, locale and channel (NULL locale or channel = all of them), with the bot-turn latency
-- histogram already merged, as bytes (LatencyHistogram.ToBytes). The overview reads one locale/channel cell:
-- ~50 rows a day instead of ~1,100 cube rows, and merges ~700 small histograms instead of parsing ~15 k texts.
-- The rollup job writes it with the cube, in the same transaction; a workspace built before this migration
-- gets it filled once from the stored cube by the job's next run (its watermark records the table's version,
-- which older ones lack), without recomputing the cube.
CREATE TABLE "MetricIntentDays" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MetricIntentDays" PRIMARY KEY AUTOINCREMENT,
    "Day" TEXT NOT NULL,
    "IntentId" INTEGER NULL,
    "Locale" TEXT NULL,
    "Channel" TEXT NULL,
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
    "Latency" BLOB NOT NULL
);

CREATE INDEX "IX_MetricIntentDays_Locale_Channel_Day" ON "MetricIntentDays" ("Locale", "Channel", "Day");

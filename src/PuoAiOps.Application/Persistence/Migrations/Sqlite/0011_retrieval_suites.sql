-- Retrieval regression suites: saved test queries with the documents they must find, and each run's
-- recall@1, recall@k and MRR, so the knowledge pages can show how a change moved them.
CREATE TABLE "RetrievalSuites" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RetrievalSuites" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "K" INTEGER NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    "CreatedById" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_RetrievalSuites_Name" ON "RetrievalSuites" ("Name");

CREATE TABLE "RetrievalTestQueries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RetrievalTestQueries" PRIMARY KEY AUTOINCREMENT,
    "SuiteId" INTEGER NOT NULL,
    "Query" TEXT NOT NULL,
    "Locale" TEXT NULL,
    "Domain" TEXT NULL,
    "Intent" TEXT NULL,
    "Expected" TEXT NOT NULL,
    CONSTRAINT "FK_RetrievalTestQueries_RetrievalSuites_SuiteId" FOREIGN KEY ("SuiteId") REFERENCES "RetrievalSuites" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_RetrievalTestQueries_SuiteId" ON "RetrievalTestQueries" ("SuiteId");

CREATE TABLE "RetrievalSuiteRuns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RetrievalSuiteRuns" PRIMARY KEY AUTOINCREMENT,
    "SuiteId" INTEGER NOT NULL,
    "RanAt" TEXT NOT NULL,
    "RanById" TEXT NULL,
    "Mode" TEXT NOT NULL,
    "Queries" INTEGER NOT NULL,
    "Passed" INTEGER NOT NULL,
    "RecallAt1" REAL NOT NULL,
    "RecallAtK" REAL NOT NULL,
    "Mrr" REAL NOT NULL,
    "Ranks" TEXT NOT NULL,
    CONSTRAINT "FK_RetrievalSuiteRuns_RetrievalSuites_SuiteId" FOREIGN KEY ("SuiteId") REFERENCES "RetrievalSuites" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_RetrievalSuiteRuns_SuiteId_RanAt" ON "RetrievalSuiteRuns" ("SuiteId", "RanAt");

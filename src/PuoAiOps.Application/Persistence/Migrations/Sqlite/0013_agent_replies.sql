-- Agent replies imported for standardization (redacted before they are stored).
CREATE TABLE "AgentReplies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgentReplies" PRIMARY KEY AUTOINCREMENT,
    "Text" TEXT NOT NULL,
    "Question" TEXT NULL,
    "Locale" TEXT NOT NULL,
    "IntentId" INTEGER NULL,
    "Source" TEXT NOT NULL,
    "ImportedBy" TEXT NULL,
    "ImportedAt" TEXT NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    CONSTRAINT "FK_AgentReplies_Intents_IntentId" FOREIGN KEY ("IntentId") REFERENCES "Intents" ("Id") ON DELETE SET NULL
);

CREATE INDEX "IX_AgentReplies_IntentId" ON "AgentReplies" ("IntentId");
CREATE INDEX "IX_AgentReplies_Locale_Id" ON "AgentReplies" ("Locale", "Id");

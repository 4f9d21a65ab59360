-- The bot's answers: a trace per bot turn (why it answered so), and a per-key request limit for the bot API.
ALTER TABLE "ApiKeys" ADD COLUMN "RequestsPerMinute" INTEGER NULL;

CREATE TABLE "TurnTraces" (
    "TurnId" INTEGER NOT NULL CONSTRAINT "PK_TurnTraces" PRIMARY KEY,
    "ConversationId" INTEGER NOT NULL,
    "Decision" TEXT NOT NULL,
    "Json" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_TurnTraces_Turns_TurnId" FOREIGN KEY ("TurnId") REFERENCES "Turns" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_TurnTraces_ConversationId" ON "TurnTraces" ("ConversationId");

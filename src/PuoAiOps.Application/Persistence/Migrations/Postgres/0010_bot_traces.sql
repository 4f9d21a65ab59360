-- The bot's answers: a trace per bot turn (why it answered so), and a per-key request limit for the bot API.
ALTER TABLE "ApiKeys" ADD COLUMN IF NOT EXISTS "RequestsPerMinute" integer;

CREATE TABLE IF NOT EXISTS "TurnTraces" (
    "TurnId" bigint NOT NULL,
    "ConversationId" bigint NOT NULL,
    "Decision" text NOT NULL,
    "Json" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_TurnTraces" PRIMARY KEY ("TurnId"),
    CONSTRAINT "FK_TurnTraces_Turns_TurnId" FOREIGN KEY ("TurnId") REFERENCES "Turns" ("Id") ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS "IX_TurnTraces_ConversationId" ON "TurnTraces" ("ConversationId");

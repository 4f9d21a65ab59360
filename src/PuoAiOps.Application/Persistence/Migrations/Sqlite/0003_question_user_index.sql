-- The labeling page shows the same user's questions around the one being labeled.
CREATE INDEX IF NOT EXISTS "IX_Questions_UserRef_CreatedAt" ON "Questions" ("UserRef", "CreatedAt");

-- The question list's search (/questions?q=) by index instead of a scan of every question.
-- pg_trgm's GIN index on lower("Text") answers LIKE '%...%' by trigrams, so a substring search works the same
-- for English and Chinese (no word segmentation; CJK characters count as word characters in a UTF-8 locale).
-- Patterns without a whole trigram (1-2 characters) fall back to a scan, as on SQLite. PostgreSQL keeps the
-- index up to date itself. pg_trgm is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS "IX_Questions_Text_Trigram" ON "Questions" USING gin (lower("Text") gin_trgm_ops);

-- The search also matches the external id exactly.
CREATE INDEX IF NOT EXISTS "IX_Questions_ExternalId" ON "Questions" ("ExternalId");

-- A taxonomy change's summary, a version's generated note and an escalation's reason as a code and its
-- arguments (JSON), so the console words them in the reader's language; "Summary", "Note" and "Reason"
-- keep the English for the CLI, the REST API and the rows written before this (which have no code).
ALTER TABLE "TaxonomyChanges" ADD COLUMN IF NOT EXISTS "SummaryCode" text;
ALTER TABLE "TaxonomyChanges" ADD COLUMN IF NOT EXISTS "SummaryArgs" text;
ALTER TABLE "TaxonomyVersions" ADD COLUMN IF NOT EXISTS "NoteCode" text;
ALTER TABLE "TaxonomyVersions" ADD COLUMN IF NOT EXISTS "NoteArgs" text;
ALTER TABLE "Escalations" ADD COLUMN IF NOT EXISTS "ReasonCode" text;
ALTER TABLE "Escalations" ADD COLUMN IF NOT EXISTS "ReasonArgs" text;

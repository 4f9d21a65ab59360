-- A taxonomy change's summary, a version's generated note and an escalation's reason as a code and its
-- arguments (JSON), so the console words them in the reader's language; "Summary", "Note" and "Reason"
-- keep the English for the CLI, the REST API and the rows written before this (which have no code).
ALTER TABLE "TaxonomyChanges" ADD COLUMN "SummaryCode" TEXT NULL;
ALTER TABLE "TaxonomyChanges" ADD COLUMN "SummaryArgs" TEXT NULL;
ALTER TABLE "TaxonomyVersions" ADD COLUMN "NoteCode" TEXT NULL;
ALTER TABLE "TaxonomyVersions" ADD COLUMN "NoteArgs" TEXT NULL;
ALTER TABLE "Escalations" ADD COLUMN "ReasonCode" TEXT NULL;
ALTER TABLE "Escalations" ADD COLUMN "ReasonArgs" TEXT NULL;

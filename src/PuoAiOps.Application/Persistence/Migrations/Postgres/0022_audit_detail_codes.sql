-- An audit entry's detail as a code and its arguments (JSON), so the console words it in the reader's language;
-- "Detail" keeps the English for the CLI, the REST API, the search and the rows written before this (no code).
ALTER TABLE "AuditLog" ADD COLUMN IF NOT EXISTS "DetailCode" text;
ALTER TABLE "AuditLog" ADD COLUMN IF NOT EXISTS "DetailArgs" text;

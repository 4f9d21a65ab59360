-- A job's line as a code and its arguments (JSON), so the console words it in the reader's language;
-- "Message" keeps the English wording for the CLI, logs and the rows written before this.
ALTER TABLE "Jobs" ADD COLUMN IF NOT EXISTS "MessageCode" text;
ALTER TABLE "Jobs" ADD COLUMN IF NOT EXISTS "MessageArgs" text;

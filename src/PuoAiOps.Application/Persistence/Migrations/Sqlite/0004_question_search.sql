-- The question list's search (/questions?q=) by index instead of a scan of every question.
-- FTS5 with the trigram tokenizer indexes every 3-character sequence of the text, so a substring search works
-- the same for English and for Chinese, which has no spaces between words (no segmenter needed). Queries of
-- 1-2 characters cannot use it (no whole trigram): QuestionSearch documents what they do instead.
-- External content: the index reads the text from "Questions" and stores no copy; the triggers keep it in step
-- with every insert, update and delete (import, demo seed and removal, any later write path).
CREATE VIRTUAL TABLE IF NOT EXISTS "QuestionSearch" USING fts5(
    "Text", content = 'Questions', content_rowid = 'Id', tokenize = 'trigram case_sensitive 0');

CREATE TRIGGER IF NOT EXISTS "TR_Questions_Search_Insert" AFTER INSERT ON "Questions" BEGIN
    INSERT INTO "QuestionSearch" (rowid, "Text") VALUES (new."Id", new."Text");
END;

CREATE TRIGGER IF NOT EXISTS "TR_Questions_Search_Delete" AFTER DELETE ON "Questions" BEGIN
    INSERT INTO "QuestionSearch" ("QuestionSearch", rowid, "Text") VALUES ('delete', old."Id", old."Text");
END;

CREATE TRIGGER IF NOT EXISTS "TR_Questions_Search_Update" AFTER UPDATE OF "Text" ON "Questions" BEGIN
    INSERT INTO "QuestionSearch" ("QuestionSearch", rowid, "Text") VALUES ('delete', old."Id", old."Text");
    INSERT INTO "QuestionSearch" (rowid, "Text") VALUES (new."Id", new."Text");
END;

-- Questions stored before this migration.
INSERT INTO "QuestionSearch" ("QuestionSearch") VALUES ('rebuild');

-- The search also matches the external id exactly.
CREATE INDEX IF NOT EXISTS "IX_Questions_ExternalId" ON "Questions" ("ExternalId");

-- The question search index of 0004, rebuilt so that it answers exactly what the search means and nothing
-- more: lower("Text") contains the lowered query. 0004 indexed the raw text with FTS5's own case folding,
-- which also folds non-ASCII letters (É, the Kelvin sign K), while SQLite's lower() folds only A-Z; every
-- candidate then had to be re-read from "Questions" and re-checked, and the total had to be counted through
-- that join. Indexing lower("Text") case-sensitively makes the index exact, so a search counts its matches
-- in the index alone and reads only the rows of the page it shows.
-- Contentless (content = ''): the index stores no copy of the text, and its rows are the lowered text, which
-- is not a column of "Questions", so it cannot be an external-content table of it.

DROP TRIGGER IF EXISTS "TR_Questions_Search_Insert";
DROP TRIGGER IF EXISTS "TR_Questions_Search_Delete";
DROP TRIGGER IF EXISTS "TR_Questions_Search_Update";
DROP TABLE IF EXISTS "QuestionSearch";

CREATE VIRTUAL TABLE "QuestionSearch" USING fts5("Text", content = '', tokenize = 'trigram case_sensitive 1');

CREATE TRIGGER "TR_Questions_Search_Insert" AFTER INSERT ON "Questions" BEGIN
    INSERT INTO "QuestionSearch" (rowid, "Text") VALUES (new."Id", lower(new."Text"));
END;

-- A contentless index forgets a row only when told the values it indexed for it.
CREATE TRIGGER "TR_Questions_Search_Delete" AFTER DELETE ON "Questions" BEGIN
    INSERT INTO "QuestionSearch" ("QuestionSearch", rowid, "Text") VALUES ('delete', old."Id", lower(old."Text"));
END;

CREATE TRIGGER "TR_Questions_Search_Update" AFTER UPDATE OF "Text" ON "Questions" BEGIN
    INSERT INTO "QuestionSearch" ("QuestionSearch", rowid, "Text") VALUES ('delete', old."Id", lower(old."Text"));
    INSERT INTO "QuestionSearch" (rowid, "Text") VALUES (new."Id", lower(new."Text"));
END;

INSERT INTO "QuestionSearch" (rowid, "Text") SELECT "Id", lower("Text") FROM "Questions";

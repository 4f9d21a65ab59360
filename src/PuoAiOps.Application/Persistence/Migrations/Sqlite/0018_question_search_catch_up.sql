-- The question import stores its rows first and indexes them for search afterwards (QuestionSearchCatchUp), so that
-- filling the trigram and 1-2 character gram indexes (~47 s of the single writer's time per million rows, when done
-- inside each batch) no longer sets the import's pace. While rows wait, "QuestionSearchLag" holds one row:
-- every question with "Id" <= "IndexedUpTo" is in both indexes, no question above it is in either. The search reads
-- the indexes up to the watermark and scans the questions above it, so its results stay those of the plain scan at
-- every moment. No row here: the indexes hold every question, and the triggers keep them in step as before.
-- The catch-up indexes the questions above the watermark in chunks, moves the watermark, and deletes the row once it
-- reaches the last question. Ids only grow ("Questions"."Id" is AUTOINCREMENT), so a question added while the row
-- exists is above the watermark: the triggers leave it, and every trigger leaves a question above the watermark alone
-- (a contentless FTS5 index must never be told to forget a row it does not hold).
-- This replaces the per-batch pause of 0016 ("QuestionIndexPause").
CREATE TABLE "QuestionSearchLag" (
    "Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1),
    "IndexedUpTo" INTEGER NOT NULL);

DROP TRIGGER "TR_Questions_Search_Insert";
DROP TRIGGER "TR_Questions_Search_Delete";
DROP TRIGGER "TR_Questions_Search_Update";
DROP TRIGGER "TR_Questions_Grams_Insert";
DROP TRIGGER "TR_Questions_Grams_Delete";
DROP TRIGGER "TR_Questions_Grams_Update";
DROP TABLE "QuestionIndexPause";

CREATE TRIGGER "TR_Questions_Search_Insert" AFTER INSERT ON "Questions"
WHEN new."Id" <= coalesce((SELECT "IndexedUpTo" FROM "QuestionSearchLag"), new."Id") BEGIN
    INSERT INTO "QuestionSearch" (rowid, "Text") VALUES (new."Id", lower(new."Text"));
END;

CREATE TRIGGER "TR_Questions_Search_Delete" AFTER DELETE ON "Questions"
WHEN old."Id" <= coalesce((SELECT "IndexedUpTo" FROM "QuestionSearchLag"), old."Id") BEGIN
    INSERT INTO "QuestionSearch" ("QuestionSearch", rowid, "Text") VALUES ('delete', old."Id", lower(old."Text"));
END;

CREATE TRIGGER "TR_Questions_Search_Update" AFTER UPDATE OF "Text" ON "Questions"
WHEN old."Id" <= coalesce((SELECT "IndexedUpTo" FROM "QuestionSearchLag"), old."Id") BEGIN
    INSERT INTO "QuestionSearch" ("QuestionSearch", rowid, "Text") VALUES ('delete', old."Id", lower(old."Text"));
    INSERT INTO "QuestionSearch" (rowid, "Text") VALUES (new."Id", lower(new."Text"));
END;

-- The grams as 0016 builds them (QuestionGramText in the application builds the same string).
CREATE TRIGGER "TR_Questions_Grams_Insert" AFTER INSERT ON "Questions"
WHEN new."Id" <= coalesce((SELECT "IndexedUpTo" FROM "QuestionSearchLag"), new."Id") BEGIN
    INSERT INTO "QuestionGrams" (rowid, "Grams") VALUES (new."Id", (
        SELECT group_concat(hex(substr(t, key + 1, 1)) || ' ' || hex(substr(t, key + 1, 2)), ' ')
        FROM (SELECT lower(new."Text") AS t), json_each('[' || replace(hex(zeroblob(length(new."Text"))), '00', '0,') || '0]')
        WHERE key < length(t)));
END;

CREATE TRIGGER "TR_Questions_Grams_Delete" AFTER DELETE ON "Questions"
WHEN old."Id" <= coalesce((SELECT "IndexedUpTo" FROM "QuestionSearchLag"), old."Id") BEGIN
    INSERT INTO "QuestionGrams" ("QuestionGrams", rowid, "Grams") VALUES ('delete', old."Id", (
        SELECT group_concat(hex(substr(t, key + 1, 1)) || ' ' || hex(substr(t, key + 1, 2)), ' ')
        FROM (SELECT lower(old."Text") AS t), json_each('[' || replace(hex(zeroblob(length(old."Text"))), '00', '0,') || '0]')
        WHERE key < length(t)));
END;

CREATE TRIGGER "TR_Questions_Grams_Update" AFTER UPDATE OF "Text" ON "Questions"
WHEN old."Id" <= coalesce((SELECT "IndexedUpTo" FROM "QuestionSearchLag"), old."Id") BEGIN
    INSERT INTO "QuestionGrams" ("QuestionGrams", rowid, "Grams") VALUES ('delete', old."Id", (
        SELECT group_concat(hex(substr(t, key + 1, 1)) || ' ' || hex(substr(t, key + 1, 2)), ' ')
        FROM (SELECT lower(old."Text") AS t), json_each('[' || replace(hex(zeroblob(length(old."Text"))), '00', '0,') || '0]')
        WHERE key < length(t)));
    INSERT INTO "QuestionGrams" (rowid, "Grams") VALUES (new."Id", (
        SELECT group_concat(hex(substr(t, key + 1, 1)) || ' ' || hex(substr(t, key + 1, 2)), ' ')
        FROM (SELECT lower(new."Text") AS t), json_each('[' || replace(hex(zeroblob(length(new."Text"))), '00', '0,') || '0]')
        WHERE key < length(t)));
END;

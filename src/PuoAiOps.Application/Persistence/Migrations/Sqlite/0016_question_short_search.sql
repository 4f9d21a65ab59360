-- Searches of 1-2 characters (frequent in Chinese: 充值, 主播, 卡) by index instead of a scan of every text.
-- The trigram index of 0015 holds no shorter grams, so these scanned (about 330 ms of CPU at 1,000,000 questions).
-- "QuestionGrams" indexes, for each question, every 1- and 2-character sequence of lower("Text"), each written as the
-- hex of its UTF-8 bytes so that every gram (punctuation and spaces included) is one plain ASCII token for FTS5's
-- 'ascii' tokenizer. A text contains a 1-2 character query exactly when its grams contain the query's hex, so the
-- index answers exactly what the scan answers. detail = none: only which rows hold a gram, no positions (a short
-- query is a single token). Contentless, like "QuestionSearch": no copy of the text.
CREATE VIRTUAL TABLE "QuestionGrams" USING fts5("Grams", content = '', detail = none, tokenize = 'ascii');

-- How many rows hold a gram, read from the index's own lists (the total of a search with no other filter).
CREATE VIRTUAL TABLE "QuestionGramsVocab" USING fts5vocab('QuestionGrams', 'row');

-- While a row here exists the insert triggers do nothing: the question import adds it inside its batch transaction,
-- writes the batch, indexes the new rows in bulk and removes it before it commits (QuestionSearchBulkIndex). Per-row
-- inserts into FTS5 from a trigger flush FTS5's pending terms at every statement, which made importing with the
-- trigram index several times slower than indexing the same rows in one statement. Nobody else ever sees the row:
-- SQLite has one writer at a time, and it never outlives that writer's transaction.
CREATE TABLE "QuestionIndexPause" ("Id" INTEGER NOT NULL PRIMARY KEY);

-- The grams of a text as "QuestionGrams" stores them: for each character position, the character and the
-- character with its successor (the last position gives the character twice). Plain SQL, so that every writer,
-- whatever its connection, keeps the index in step; json_each over "[0,0,...]" numbers the positions (a WITH
-- clause is not allowed in a trigger). QuestionGramText in the application builds the same string for bulk indexing.
CREATE TRIGGER "TR_Questions_Grams_Insert" AFTER INSERT ON "Questions"
WHEN NOT EXISTS (SELECT 1 FROM "QuestionIndexPause") BEGIN
    INSERT INTO "QuestionGrams" (rowid, "Grams") VALUES (new."Id", (
        SELECT group_concat(hex(substr(t, key + 1, 1)) || ' ' || hex(substr(t, key + 1, 2)), ' ')
        FROM (SELECT lower(new."Text") AS t), json_each('[' || replace(hex(zeroblob(length(new."Text"))), '00', '0,') || '0]')
        WHERE key < length(t)));
END;

-- A contentless index forgets a row only when told the values it indexed for it.
CREATE TRIGGER "TR_Questions_Grams_Delete" AFTER DELETE ON "Questions" BEGIN
    INSERT INTO "QuestionGrams" ("QuestionGrams", rowid, "Grams") VALUES ('delete', old."Id", (
        SELECT group_concat(hex(substr(t, key + 1, 1)) || ' ' || hex(substr(t, key + 1, 2)), ' ')
        FROM (SELECT lower(old."Text") AS t), json_each('[' || replace(hex(zeroblob(length(old."Text"))), '00', '0,') || '0]')
        WHERE key < length(t)));
END;

CREATE TRIGGER "TR_Questions_Grams_Update" AFTER UPDATE OF "Text" ON "Questions" BEGIN
    INSERT INTO "QuestionGrams" ("QuestionGrams", rowid, "Grams") VALUES ('delete', old."Id", (
        SELECT group_concat(hex(substr(t, key + 1, 1)) || ' ' || hex(substr(t, key + 1, 2)), ' ')
        FROM (SELECT lower(old."Text") AS t), json_each('[' || replace(hex(zeroblob(length(old."Text"))), '00', '0,') || '0]')
        WHERE key < length(t)));
    INSERT INTO "QuestionGrams" (rowid, "Grams") VALUES (new."Id", (
        SELECT group_concat(hex(substr(t, key + 1, 1)) || ' ' || hex(substr(t, key + 1, 2)), ' ')
        FROM (SELECT lower(new."Text") AS t), json_each('[' || replace(hex(zeroblob(length(new."Text"))), '00', '0,') || '0]')
        WHERE key < length(t)));
END;

-- The trigram index's insert trigger of 0015, paused the same way during an import.
DROP TRIGGER "TR_Questions_Search_Insert";
CREATE TRIGGER "TR_Questions_Search_Insert" AFTER INSERT ON "Questions"
WHEN NOT EXISTS (SELECT 1 FROM "QuestionIndexPause") BEGIN
    INSERT INTO "QuestionSearch" (rowid, "Text") VALUES (new."Id", lower(new."Text"));
END;

-- Questions stored before this migration (about a minute of CPU per million questions).
INSERT INTO "QuestionGrams" (rowid, "Grams")
SELECT q."Id", (
    SELECT group_concat(hex(substr(t, key + 1, 1)) || ' ' || hex(substr(t, key + 1, 2)), ' ')
    FROM (SELECT lower(q."Text") AS t), json_each('[' || replace(hex(zeroblob(length(q."Text"))), '00', '0,') || '0]')
    WHERE key < length(t))
FROM "Questions" AS q;

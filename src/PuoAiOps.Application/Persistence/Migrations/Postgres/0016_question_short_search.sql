-- Searches of 1-2 characters (frequent in Chinese: 充值, 主播, 卡) by index instead of a scan of every text.
-- pg_trgm (0004) finds no whole trigram in such a pattern and reads every row. This GIN index holds, for each
-- question, the set of 1- and 2-character sequences of lower("Text"): a text contains a 1-2 character query exactly
-- when that set contains the query, which the index answers with @>. PostgreSQL keeps the index up to date itself.
-- The function must stay IMMUTABLE and unchanged: the index stores its results.
CREATE FUNCTION puo_question_grams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(DISTINCT substr(t, i, n)), '{}')
    FROM generate_series(1, length(t)) AS i, (VALUES (1), (2)) AS g(n)
    WHERE i + n - 1 <= length(t)
$$;

CREATE INDEX "IX_Questions_Text_Grams" ON "Questions" USING gin (puo_question_grams(lower("Text")));

-- SQLite's 0018 lets the question import store its rows before they are indexed for search (a watermark table and
-- triggers that leave the rows above it alone). PostgreSQL maintains its search indexes (pg_trgm of 0004, the gram
-- index of 0016) itself, inside each statement: nothing waits, so nothing changes here. The number is kept so both
-- providers apply the same list of migrations.
SELECT 1;

-- SQLite only: its FTS5 search index now holds the lowered text (see the SQLite script of this number).
-- PostgreSQL's pg_trgm index of 0004 is on lower("Text") already, so nothing changes here; the script exists
-- so that both providers have the same list of migrations.
SELECT 1;

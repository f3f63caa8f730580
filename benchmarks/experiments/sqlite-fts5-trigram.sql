-- The index change proposed for SQLite's contact search, tried on a COPY of the benchmark database:
--   sqlite3 /tmp/touchpoint-bench/touchpoint.db "VACUUM INTO '/tmp/touchpoint-fts.db'"
--   sqlite3 /tmp/touchpoint-fts.db < benchmarks/experiments/sqlite-fts5-trigram.sql
-- Times are the sqlite3 shell's (no .NET, no EF), for comparing plans, not for quoting as the API's latency.
.timer on

-- Today's query for a rare term: a walk of the whole primary-key index with a table lookup and instr() per row.
EXPLAIN QUERY PLAN SELECT "No" FROM "Contacts" AS c WHERE instr(c."SearchText", '31415') > 0 ORDER BY c."No" LIMIT 51;
SELECT count(*) FROM (SELECT * FROM "Contacts" AS c WHERE instr(c."SearchText", '31415') > 0 ORDER BY c."No" LIMIT 51);

-- A trigram full-text index over SearchText (external content: the text stays in Contacts only). The app would
-- create it in a SQLite migration with triggers on insert, update of SearchText and delete.
CREATE VIRTUAL TABLE "ContactSearch" USING fts5("SearchText", content='Contacts', content_rowid='rowid', tokenize='trigram');
INSERT INTO "ContactSearch"("ContactSearch") VALUES ('rebuild');

-- Rare term through the index: the few matches, then sorted.
EXPLAIN QUERY PLAN SELECT * FROM "Contacts" AS c WHERE c.rowid IN (SELECT rowid FROM "ContactSearch" WHERE "SearchText" LIKE '%31415%') ORDER BY c."No" LIMIT 51;
SELECT count(*) FROM (SELECT * FROM "Contacts" AS c WHERE c.rowid IN (SELECT rowid FROM "ContactSearch" WHERE "SearchText" LIKE '%31415%') ORDER BY c."No" LIMIT 51);
-- Common term through the index is slower than today's scan (all 17,603 matches are fetched and sorted) …
SELECT count(*) FROM (SELECT * FROM "Contacts" AS c WHERE c.rowid IN (SELECT rowid FROM "ContactSearch" WHERE "SearchText" LIKE '%SON%') ORDER BY c."No" LIMIT 51);
-- … while today's scan in No. order stops after 51 matches.
SELECT count(*) FROM (SELECT * FROM "Contacts" AS c WHERE instr(c."SearchText", 'SON') > 0 ORDER BY c."No" LIMIT 51);
-- So the handler first asks the index whether there are fewer than 1,000 matches (cheap either way) and takes the
-- index path when there are, the scan otherwise (then at least 1 % of the rows match and a page is found quickly).
SELECT count(*) FROM (SELECT rowid FROM "ContactSearch" WHERE "SearchText" LIKE '%SON%' LIMIT 1000);
SELECT count(*) FROM (SELECT rowid FROM "ContactSearch" WHERE "SearchText" LIKE '%31415%' LIMIT 1000);
SELECT count(*) FROM (SELECT rowid FROM "ContactSearch" WHERE "SearchText" LIKE '%ANDERSSON%' LIMIT 1000);
SELECT count(*) FROM (SELECT * FROM "Contacts" AS c WHERE c.rowid IN (SELECT rowid FROM "ContactSearch" WHERE "SearchText" LIKE '%ANDERSSON%') ORDER BY c."No" LIMIT 51);

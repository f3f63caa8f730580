-- The index change proposed for PostgreSQL's contact search, tried on a COPY of the benchmark database:
--   psql "host=127.0.0.1 port=55433 user=postgres dbname=postgres" -c 'CREATE DATABASE touchpoint_trgm TEMPLATE touchpoint_bench'
--   psql "host=127.0.0.1 port=55433 user=postgres dbname=touchpoint_trgm" -f benchmarks/experiments/pg-trgm.sql
-- Then TOUCHPOINT_BENCH_PG="…;Database=touchpoint_trgm" dotnet benchmarks/Touchpoint.Benchmarks/bin/Release/net10.0/Touchpoint.Benchmarks.dll --filter '*'
-- measures the unchanged handler against it (EF sends "SearchText" LIKE '%term%', which this index serves).
\timing on
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "IX_Contacts_SearchText_trgm" ON "Contacts" USING gin ("SearchText" gin_trgm_ops);
ANALYZE "Contacts";
PREPARE q(text) AS SELECT c."SearchName", c."No", c."Type", c."Name", c."CompanyNo", c."CompanyName", c."Email", c."PhoneNo",
  c."MobilePhoneNo", c."Address", c."PostCode", c."City", c."CountryRegionCode", c."LanguageCode", c."SalespersonCode",
  c."CorrespondenceType", c."PrivacyBlocked"
  FROM "Contacts" AS c WHERE c."SearchText" LIKE $1 ORDER BY c."No" LIMIT 51;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE q('%31415%');    -- rare: bitmap scan of the trigram index
EXPLAIN (ANALYZE, BUFFERS) EXECUTE q('%SON%');      -- common: the planner keeps the primary-key walk
EXPLAIN (ANALYZE) EXECUTE q('%ANDERSSON%');         -- 394 matches: index, then top-N sort
SELECT pg_size_pretty(pg_relation_size('"IX_Contacts_SearchText_trgm"')) AS index_size;

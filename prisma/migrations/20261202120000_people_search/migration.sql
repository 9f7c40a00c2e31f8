-- People search: one trigram index over the diacritics-free name and the staff code, so a search
-- for a name or a code is one bitmap scan of one index (the search statement is in
-- apps/api/src/scope/search-people.ts).
DROP INDEX "Person_searchName_idx";

CREATE INDEX "Person_searchName_code_idx" ON "Person" USING GIN ("searchName" gin_trgm_ops, "code" gin_trgm_ops);

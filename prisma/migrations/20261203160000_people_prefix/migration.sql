-- People search: the names that start with the words typed, read in order off a pattern index
-- instead of sorted out of every match (apps/api/src/services/search-people.ts, tier 0).
CREATE INDEX "Person_searchName_id_idx" ON "Person"("searchName" text_pattern_ops, "id");

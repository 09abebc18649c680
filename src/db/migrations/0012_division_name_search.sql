-- 0012 (owner: divisions): nationwide name search. searchDivisionsByName matches a middle part of the
-- name (`name LIKE '%q%'`), which no b-tree serves: with a whole country loaded (~700k divisions) every
-- search read the whole table (~110–160 ms). A pg_trgm GIN index (the extension is created in 0001, as for
-- person_name_trgm) answers queries of 3+ characters from the index (0.2–2 ms for a place name).
-- One or two characters make no trigram and still scan, unless a subtree narrows them by prefix.
CREATE INDEX division_name_trgm ON division USING gin (name gin_trgm_ops);

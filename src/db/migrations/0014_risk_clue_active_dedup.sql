-- 0014 (owner: monitoring): at most one clue that is not closed per household and risk. The code kept
-- this already (a report on a household and risk joins its OPEN or IN_CASE clue; the sweep creates a
-- clue only where none is open or in a case); the index now guarantees it, and the full sweep's check
-- relies on it (one clue row per firing in its join, so its counts are exact). It takes the place of
-- the index over OPEN clues only, which it implies.
CREATE UNIQUE INDEX risk_clue_active_dedup ON risk_clue (household_id, risk_type) WHERE status <> 'CLOSED';
DROP INDEX risk_clue_open_dedup;

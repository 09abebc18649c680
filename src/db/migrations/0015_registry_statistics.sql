-- 0015 (owner: registry): planner statistics for the registry tables of an existing database. The demo
-- seed and large imports now analyse them (registry analyzeRegistry), but a database seeded earlier on
-- PGlite, which runs no autovacuum, had none: the planner took the county for 0.5 % of its households
-- and the demo county's full sweep took 171 s instead of under a second.
ANALYZE household, person, income_record, guarantee_status;

-- 0003: registry search and overview indexes (owner: registry).
--
-- Household search must stay fast at 1M households / 4M people (issue 2, item 13). The queries in
-- src/modules/registry/store/registry-store.ts compare and sort division codes and household numbers
-- with COLLATE "C" (codes are ASCII digits, so byte order is the natural order). A "C" btree serves a
-- `LIKE 'prefix%'` range and an ORDER BY at once whatever the database's default collation is
-- (C.UTF-8 or en_US.UTF-8 are not "C" to the planner).

-- Default list order: by village, then household number. A division subtree is one contiguous range
-- of this index, already in order, so page 1 of any subtree reads ~pageSize entries.
CREATE INDEX household_village_no ON household ((village_code COLLATE "C"), (household_no COLLATE "C"), id);

-- Household number, exact or prefix.
CREATE INDEX household_no_prefix ON household ((household_no COLLATE "C"));

-- Heads by name: sort by head name, and the head of each listed household.
CREATE INDEX person_head_name ON person (name, household_id) WHERE relation = 'HEAD';

-- Per-capita net income of a year: income band filter and sort.
CREATE INDEX income_year_per_capita ON income_record (year, per_capita_net_fen, household_id);

-- Households with a 两不愁三保障 or drinking-water problem (a small share): a partial index on the scope key.
CREATE INDEX guarantee_problem ON guarantee_status ((village_code COLLATE "C"), household_id)
  WHERE (NOT food_clothing_ok OR housing_unsafe OR dropout_child OR member_uninsured OR water_unsafe);

-- 0017 (owner: monitoring): two partial indexes for the full sweep's check (buildFullCheckSql), which
-- reads the registry in slices of household ids. The people with a rare condition (serious illness,
-- disability, school drop-out: about 6 % of people) are found without reading every person again, and
-- the clues that keep a finding out of the digest (any clue but an OPEN platform one) without reading
-- every clue. Both predicates are written exactly as the check writes them, so the planner can use them.
CREATE INDEX person_conditions ON person (household_id)
  WHERE health_status IN ('SERIOUS_ILLNESS', 'DISABLED') OR student_status = 'DROPPED_OUT';
CREATE INDEX risk_clue_not_platform_open ON risk_clue (household_id)
  WHERE NOT (status = 'OPEN' AND channel = 'PLATFORM_ANALYSIS');

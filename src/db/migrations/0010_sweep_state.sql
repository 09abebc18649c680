-- 0010 (owner: monitoring): what the last sweep of each county saw, so the daily sweep evaluates
-- only the households whose facts or circumstances can have changed since (see run-sweep.ts).
CREATE TABLE monitoring_sweep_state (
  county_code   text PRIMARY KEY,
  as_of         date NOT NULL,          -- evaluation date of the last sweep
  at            timestamptz NOT NULL,   -- when it ran
  params_hash   text NOT NULL,          -- the rule parameters and reference year it used
  last_full_at  timestamptz NOT NULL    -- the last sweep that evaluated every household of the county
);

-- Households changed since a time (the registry moves updated_at on every change of a household,
-- its members, incomes or guarantees).
CREATE INDEX household_updated_at ON household (updated_at);

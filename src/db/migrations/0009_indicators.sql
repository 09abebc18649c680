-- 0009: revitalisation indicators (owner: evaluation/indicators; issue 3 items 3(c), 3(d)).
-- The indicator system of a county is an editable tree (system -> pillar -> indicator) kept as one
-- JSON document validated by IndicatorSystemInputSchema (src/modules/evaluation/indicators/contract.ts);
-- a county without a row uses the shipped default (domain/default-system.ts). Indicator values are
-- aggregates by division (village or township, 12-digit code) and year; no personal data.

CREATE TABLE indicator_system (
  county_code      text PRIMARY KEY CHECK (county_code ~ '^[0-9]{6}$'),
  definition       jsonb NOT NULL,
  version          integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  updated_by       bigint,
  updated_by_name  text NOT NULL,
  updated_at       timestamptz NOT NULL
);

-- county_code leads the key so the table can be sharded by county.
CREATE TABLE indicator_value (
  county_code     text NOT NULL CHECK (county_code ~ '^[0-9]{6}$'),
  division_code   text NOT NULL CHECK (division_code ~ '^[0-9]{12}$' AND left(division_code, 6) = county_code),
  year            smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  indicator_code  text NOT NULL,
  value           double precision NOT NULL CHECK (value > '-Infinity'::float8 AND value < 'Infinity'::float8 AND value = value),
  source          text NOT NULL CHECK (source IN ('import', 'demo', 'manual')),
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (county_code, division_code, year, indicator_code)
);
CREATE INDEX indicator_value_division ON indicator_value (division_code text_pattern_ops, year);

-- Second fence, as for the registry tables (0002): a person's transaction sees the values of its subtree.
ALTER TABLE indicator_value ENABLE ROW LEVEL SECURITY;
CREATE POLICY scope_fence ON indicator_value TO ruralbridge_app
  USING (division_code LIKE (SELECT current_setting('ruralbridge.scope', true) || '%'))
  WITH CHECK (division_code LIKE (SELECT current_setting('ruralbridge.scope', true) || '%'));

-- 0008: evaluation specifications (owner: evaluation). A county may replace the shipped default
-- multidimensional-poverty (Alkire-Foster) specification, src/modules/evaluation/defaults/mpi-spec.json,
-- with its own: dimensions, indicators, cutoffs, weights and k, validated by MpiSpecSchema and audited
-- (action evaluation.mpi_spec.set). Not personal data: no village_code, no row-level fence; the
-- use case checks that the county is inside the actor's scope.

CREATE TABLE evaluation_spec (
  kind            text NOT NULL CHECK (kind IN ('mpi')),
  scope_code      text NOT NULL CHECK (scope_code = '' OR scope_code ~ '^[0-9]{6}$'),  -- county, or '' = everywhere
  spec            jsonb NOT NULL,
  version         integer NOT NULL DEFAULT 1,
  updated_by      bigint,
  updated_by_name text NOT NULL,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (kind, scope_code)
);

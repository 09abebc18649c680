import { parameterDefinition } from '../../parameters/index.js';
import { LABOR_CAPABLE_SQL } from '../../registry/index.js';
import { EVENT_RISK, RULES, RULE_PARAMETERS } from '../domain/rules/index.js';

/**
 * The set-based form of the early-warning rules: one SELECT over the registry's published views
 * (registry_household, registry_person, registry_income, registry_guarantee: projections of its
 * tables, which PostgreSQL inlines, so the plans are those of the tables; decision 0005) that yields, per
 * household and risk, the level, the findings and the fingerprint — the same as
 * `groupByRisk(evaluateHousehold(facts))` for every household (checked by sweep.pg.test.ts).
 *
 * The per-household row `f` has: household_id, county_code, village_code, household_type, ref_year,
 * pc1/pc0 (per-capita net fen of the reference year and the year before), wage1/wage0, oop1,
 * n_members, n_labour, n_serious, serious_ids, n_disabled, disabled_ids, n_dropout, dropout_ids,
 * g_present, housing_unsafe, house_grade, g_dropout, water_unsafe, water_l, water_trip, water_int,
 * and one column per rule parameter named by its id (money in fen).
 *
 * All values are validated numbers, dates and digit strings inlined as literals: the statement has
 * no parameters, so it runs the same through Kysely, a raw session or psql.
 */
export interface SweepFilter {
  /** Division prefix: households whose village code starts with it ('' = all). */
  scopePrefix?: string;
  householdIds?: readonly number[];
  villageCodes?: readonly string[];
  /** County codes: households of these counties only. */
  counties?: readonly string[];
  /** A (temporary) table with a household_id column: those households only. */
  targetTable?: string;
  /** Household ids from `lo` (inclusive) to `hi` (exclusive): one slice of the full check. */
  idRange?: { lo: number; hi: number };
}

export interface CountyParams {
  countyCode: string;
  refYear: number;
  values: Record<string, number | null>;
}

const DIGITS = /^\d*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function num(v: number | null | undefined): string {
  if (v === null || v === undefined) return 'NULL';
  if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  return String(v);
}

function sqlType(id: string): string {
  return parameterDefinition(id)?.unit.startsWith('yuan') ? 'bigint' : 'float8';
}

/** `WHERE` fragment for a household alias (`idColumn`: the household id column under that alias). */
export function householdFilterSql(alias: string, filter: SweepFilter, idColumn = 'id'): string {
  const parts: string[] = [];
  if (filter.scopePrefix) {
    if (!DIGITS.test(filter.scopePrefix)) throw new Error('bad scope prefix');
    parts.push(`${alias}.village_code LIKE '${filter.scopePrefix}%'`);
  }
  if (filter.householdIds) {
    const ids = filter.householdIds.map((id) => (Number.isSafeInteger(id) ? String(id) : (() => { throw new Error('bad id'); })()));
    parts.push(ids.length ? `${alias}.${idColumn} = ANY('{${ids.join(',')}}'::bigint[])` : 'false');
  }
  if (filter.counties) {
    if (!filter.counties.every((c) => /^\d{6}$/.test(c))) throw new Error('bad county code');
    parts.push(filter.counties.length ? `${alias}.county_code = ANY('{${filter.counties.join(',')}}'::text[])` : 'false');
  }
  if (filter.targetTable) {
    if (!/^[a-z_]+$/.test(filter.targetTable)) throw new Error('bad table name');
    parts.push(`${alias}.${idColumn} IN (SELECT household_id FROM ${filter.targetTable})`);
  }
  if (filter.idRange) {
    const { lo, hi } = filter.idRange;
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) throw new Error('bad id range');
    parts.push(`${alias}.${idColumn} >= ${lo} AND ${alias}.${idColumn} < ${hi}`);
  }
  if (filter.villageCodes) {
    if (!filter.villageCodes.every((c) => DIGITS.test(c))) throw new Error('bad village code');
    parts.push(filter.villageCodes.length ? `${alias}.village_code = ANY('{${filter.villageCodes.join(',')}}'::text[])` : 'false');
  }
  return parts.length ? parts.join(' AND ') : 'true';
}

/**
 * How the statement reads the rule parameters. When every county has the same values and reference
 * year (the usual case: one province's counties, no local override), they are inlined as literals, so
 * the planner folds them into the expressions and needs no join; otherwise each row joins its county's
 * row of the VALUES list `p`. A CTE would also keep the statement from running in parallel workers.
 */
interface ParamAccess {
  /** FROM fragment joining `p` to the row under `alias` ('' when inlined). */
  join(alias: string): string;
  /** WHERE fragment restricting `alias` to the counties of the sweep. */
  inCounties(alias: string): string;
  /** A parameter's value: a literal, or `p."id"`. */
  value(id: string): string;
  refYear: string;
  /** The reference year and the year before, as SQL. */
  year1: string;
  year0: string;
}

function paramAccess(counties: readonly CountyParams[]): ParamAccess {
  for (const c of counties) if (!/^\d{6}$/.test(c.countyCode)) throw new Error('bad county code');
  const [first] = counties;
  const same = (c: CountyParams) => c.refYear === first.refYear && RULE_PARAMETERS.every((p) => (c.values[p] ?? null) === (first.values[p] ?? null));
  const codes = `'{${counties.map((c) => c.countyCode).join(',')}}'::text[]`;
  const literal = (c: CountyParams, id: string) => `${num(c.values[id])}::${sqlType(id)}`;
  if (counties.every(same)) {
    return {
      join: () => '',
      inCounties: (alias) => `${alias}.county_code = ANY(${codes})`,
      value: (id) => literal(first, id),
      refYear: `${num(first.refYear)}::int`,
      year1: num(first.refYear),
      year0: num(first.refYear - 1),
    };
  }
  const cols = ['county_code', 'ref_year', ...RULE_PARAMETERS.map((p) => `"${p}"`)];
  const rows = counties.map((c) => `('${c.countyCode}'::text, ${num(c.refYear)}::int, ${RULE_PARAMETERS.map((p) => literal(c, p)).join(', ')})`);
  const values = `(VALUES ${rows.join(',\n  ')}) AS p (${cols.join(', ')})`;
  // One reference year everywhere: inline it so the income scans filter early.
  const oneYear = counties.every((c) => c.refYear === first.refYear);
  return {
    join: (alias) => `JOIN ${values} ON p.county_code = ${alias}.county_code`,
    inCounties: () => 'true',
    value: (id) => `p."${id}"`,
    refYear: 'p.ref_year',
    year1: oneYear ? num(first.refYear) : 'p.ref_year',
    year0: oneYear ? num(first.refYear - 1) : '(p.ref_year - 1)',
  };
}

const HOUSEHOLD_RULES = RULES.filter((r) => r.sql);

/** A market shock concerns the household whose operating income (row `i` of the reference year) is at least the set share of its gross income. */
function marketShocked(i: string, pa: ParamAccess): string {
  const gross = `(${i}.wage_fen + ${i}.operating_fen + ${i}.property_fen + ${i}.transfer_fen)`;
  return `(${i}.household_id IS NOT NULL AND ${gross} > 0 AND ${i}.operating_fen::float8 >= ${pa.value('monitoring.event-operating-share')} * ${gross}::float8)`;
}

/**
 * The per-household facts `f` (CTEs mem, sp, f0, f) with one level column per household rule (l0, l1, …
 * in HOUSEHOLD_RULES order): the part shared by the full and the lean firings.
 */
function factsCtes(asOf: string, pa: ParamAccess, filter: SweepFilter): string {
  const hf = householdFilterSql('h', filter);
  // A person carries the household's county and village codes, so the scope applies to it directly.
  const pf = householdFilterSql('pe', filter, 'household_id');
  const dropout = `pe.student_status = 'DROPPED_OUT' AND date_part('year', age('${asOf}'::date, pe.birth_date)) BETWEEN ${pa.value('monitoring.school-age-min')} AND ${pa.value('monitoring.school-age-max')}`;
  // A slice of household ids also bounds the joined tables, so each slice reads only its own rows.
  const inRange = (alias: string) => (filter.idRange ? ` AND ${householdFilterSql(alias, { idRange: filter.idRange }, 'household_id')}` : '');
  const paramCols = RULE_PARAMETERS.map((p) => `${pa.value(p)} AS "${p}"`).join(', ');
  const levelCols = HOUSEHOLD_RULES.map((r, i) => `(${r.sql!.level}) AS l${i}`).join(',\n    ');
  const people = `FROM registry_person pe ${pa.join('pe')}
  WHERE ${filter.counties ? 'true' : pa.inCounties('pe')} AND ${pf}`;
  // Members and labour from every person; the rarer conditions from the people who have one (a
  // second, narrow aggregate: cheaper than testing every person for each of them in the first).
  // Not MATERIALIZED: on PGlite a CREATE TABLE AS over materialized CTEs took minutes (2 s inlined)
  // for the demo county. On a server the planner may then join them inside a parallel plan with a
  // hash table per worker (measured at 1M: the lean firings about 15 % slower under load).
  return `mem AS (
  SELECT pe.household_id,
    count(*) AS n_members,
    count(*) FILTER (WHERE pe.labor_skill IN ${LABOR_CAPABLE_SQL}) AS n_labour
  ${people}
  GROUP BY pe.household_id
),
sp AS (
  SELECT pe.household_id,
    count(*) FILTER (WHERE pe.health_status = 'SERIOUS_ILLNESS') AS n_serious,
    sum(pe.id) FILTER (WHERE pe.health_status = 'SERIOUS_ILLNESS') AS sum_serious,
    count(*) FILTER (WHERE pe.health_status = 'DISABLED') AS n_disabled,
    sum(pe.id) FILTER (WHERE pe.health_status = 'DISABLED') AS sum_disabled,
    count(*) FILTER (WHERE ${dropout}) AS n_dropout,
    sum(pe.id) FILTER (WHERE ${dropout}) AS sum_dropout
  ${people} AND (pe.health_status IN ('SERIOUS_ILLNESS', 'DISABLED') OR pe.student_status = 'DROPPED_OUT')
  GROUP BY pe.household_id
),
f0 AS (
  SELECT h.id AS household_id, h.county_code, h.village_code, h.household_type, ${pa.refYear} AS ref_year, ${paramCols},
    i1.per_capita_net_fen AS pc1, i0.per_capita_net_fen AS pc0, i1.wage_fen AS wage1, i0.wage_fen AS wage0,
    i1.out_of_pocket_medical_fen AS oop1, ${marketShocked('i1', pa)} AS shocked,
    coalesce(m.n_members, 0) AS n_members, coalesce(m.n_labour, 0) AS n_labour,
    coalesce(sp.n_serious, 0) AS n_serious, coalesce(sp.n_serious, 0) || ':' || coalesce(sp.sum_serious, 0) AS serious_ids,
    coalesce(sp.n_disabled, 0) AS n_disabled, coalesce(sp.n_disabled, 0) || ':' || coalesce(sp.sum_disabled, 0) AS disabled_ids,
    coalesce(sp.n_dropout, 0) AS n_dropout, coalesce(sp.n_dropout, 0) || ':' || coalesce(sp.sum_dropout, 0) AS dropout_ids,
    g.household_id IS NOT NULL AS g_present, coalesce(g.housing_unsafe, false) AS housing_unsafe, g.house_grade::text AS house_grade,
    g.dropout_child AS g_dropout, coalesce(g.water_unsafe, false) AS water_unsafe,
    g.water_liters_per_day::float8 AS water_l, g.water_trip_minutes::float8 AS water_trip, g.water_interruption_days AS water_int
  FROM registry_household h ${pa.join('h')}
  LEFT JOIN registry_income i1 ON i1.household_id = h.id AND i1.year = ${pa.year1}${inRange('i1')}
  LEFT JOIN registry_income i0 ON i0.household_id = h.id AND i0.year = ${pa.year0}${inRange('i0')}
  LEFT JOIN mem m ON m.household_id = h.id
  LEFT JOIN sp ON sp.household_id = h.id
  LEFT JOIN registry_guarantee g ON g.household_id = h.id${inRange('g')}
  WHERE ${filter.counties ? 'true' : pa.inCounties('h')} AND ${hf}
),
f AS (
  SELECT f.*,
    ${levelCols}
  FROM f0 AS f
)`;
}

/**
 * Risk-event findings (household_id, county_code, village_code, rule_id, risk_type, level, vals, fp):
 * per household and risk, the most severe, then latest, event in the window in its village.
 */
function eventFiringsSql(asOf: string, pa: ParamAccess, filter: SweepFilter): string {
  return `SELECT DISTINCT ON (h.id, k.risk) h.id AS household_id, h.county_code, h.village_code, 'risk-event' AS rule_id, k.risk AS risk_type, e.severity AS level,
     jsonb_build_object('eventId', e.id, 'kind', e.kind, 'occurredOn', to_char(e.occurred_on, 'YYYY-MM-DD'), 'severity', e.severity) AS vals,
     concat_ws('|', 'risk-event', e.id) AS fp
   FROM risk_event e
   JOIN risk_event_village v ON v.event_id = e.id
   JOIN registry_household h ON h.village_code = v.village_code
   ${pa.join('h')}
   LEFT JOIN registry_income i1 ON i1.household_id = h.id AND i1.year = ${pa.year1}
   CROSS JOIN LATERAL (SELECT CASE e.kind ${Object.entries(EVENT_RISK).map(([kind, risk]) => `WHEN '${kind}' THEN '${risk}'`).join(' ')} END AS risk) k
   WHERE ${pa.inCounties('h')} AND ${householdFilterSql('h', filter)}
     AND e.occurred_on > '${asOf}'::date - ${pa.value('monitoring.event-window-days')}::int AND e.occurred_on <= '${asOf}'::date
     AND (e.kind <> 'MARKET_SHOCK' OR ${marketShocked('i1', pa)})
   ORDER BY h.id, k.risk, CASE e.severity WHEN 'RED' THEN 3 WHEN 'YELLOW' THEN 2 ELSE 1 END DESC, e.occurred_on DESC, e.id DESC`;
}

function checkArgs(asOf: string, counties: readonly CountyParams[]): void {
  if (!DATE.test(asOf)) throw new Error('bad date');
  if (counties.length === 0) throw new Error('no counties');
}

/** The SELECT of firings grouped per household and risk. `counties` must be non-empty. */
export function buildFiringsSql(asOf: string, counties: readonly CountyParams[], filter: SweepFilter): string {
  checkArgs(asOf, counties);
  const pa = paramAccess(counties);
  const levelRefs = HOUSEHOLD_RULES.map((_, i) => `f.l${i}`).join(', ');
  const ruleIds = HOUSEHOLD_RULES.map((r) => `'${r.id}'`).join(',');
  const riskTypes = HOUSEHOLD_RULES.map((r) => `'${r.riskType}'`).join(',');
  const valuesCase = HOUSEHOLD_RULES.map((r) => `WHEN '${r.id}' THEN ${r.sql!.values}`).join('\n      ');
  const fpCase = HOUSEHOLD_RULES.map((r) => `WHEN '${r.id}' THEN ${r.sql!.fingerprint}`).join('\n      ');

  return `
WITH ${factsCtes(asOf, pa, filter)},
fi AS (
  SELECT f.household_id, f.county_code, f.village_code, r.rule_id, r.risk_type, r.level,
    CASE r.rule_id
      ${valuesCase}
    END AS vals,
    CASE r.rule_id
      ${fpCase}
    END AS fp
  FROM f CROSS JOIN LATERAL unnest(ARRAY[${levelRefs}]::text[], ARRAY[${ruleIds}]::text[], ARRAY[${riskTypes}]::text[]) AS r(level, rule_id, risk_type)
  WHERE num_nonnulls(${levelRefs}) > 0 AND r.level IS NOT NULL
  UNION ALL
  (${eventFiringsSql(asOf, pa, filter)})
)
SELECT fi.household_id, min(fi.county_code) AS county_code, min(fi.village_code) AS village_code, fi.risk_type,
  CASE max(CASE fi.level WHEN 'RED' THEN 3 WHEN 'YELLOW' THEN 2 ELSE 1 END) WHEN 3 THEN 'RED' WHEN 2 THEN 'YELLOW' ELSE 'BLUE' END AS level,
  min(fi.rule_id COLLATE "C") AS rule_id,
  jsonb_agg(jsonb_build_object('ruleId', fi.rule_id, 'level', fi.level, 'values', fi.vals) ORDER BY fi.rule_id COLLATE "C") AS explanation,
  string_agg(fi.fp, ';' ORDER BY fi.rule_id COLLATE "C") AS fingerprint
FROM fi
GROUP BY fi.household_id, fi.risk_type`;
}

/** Households are spread over this many buckets (id modulo) for the full check's digests. */
export const CHECK_BUCKETS = 16384;

/** A clue's or firing's share of its bucket's digest: a 64-bit hash of its risk, level and facts, seeded by its household. */
const digestTerm = (householdId: string, risk: string, level: string, fingerprint: string) =>
  `hashtextextended(${risk} || '/' || ${level} || '/' || ${fingerprint}, ${householdId})`;

const LEVEL_OF_RANK = `CASE WHEN 'RED' IN (%) THEN 'RED' WHEN 'YELLOW' IN (%) THEN 'YELLOW' ELSE 'BLUE' END`;

/**
 * The full check, firing side: every household in `filter` evaluated with fingerprints only, folded
 * into one row per bucket (household id modulo CHECK_BUCKETS): the findings, the households with one,
 * and the digest, the XOR of digestTerm over the findings that should stand as OPEN platform clues.
 * Left out of the digest are the findings a sweep leaves alone: those with a clue of another
 * channel or status that is not closed (in a case, say), and those without such a clue that were
 * closed before on the same facts (not raised again). The same digest over the OPEN platform clues
 * (buildClueDigestSql) is then equal in every bucket whose clues are what a sweep would leave, and a
 * bucket where they differ holds a household to evaluate again (a collision is a 2^-64 chance). A
 * finding closed on the same facts that also has an OPEN platform clue makes its bucket differ
 * without need: it is evaluated again and left as it is.
 *
 * One row per household, no join with the clues beyond the few of other channels or states, so the
 * statement scales by slices: `filter.idRange` bounds every table it reads, and sweepFull runs the
 * slices side by side on their own connections.
 */
export function buildFullCheckSql(asOf: string, counties: readonly CountyParams[], filter: SweepFilter): string {
  checkArgs(asOf, counties);
  const pa = paramAccess(counties);
  const rules = HOUSEHOLD_RULES.map((r, i) => ({ id: r.id, risk: r.riskType, fp: r.sql!.fingerprint, level: `f.l${i}` }));
  const eventRisks = [...new Set(Object.values(EVENT_RISK))];
  // Per risk: whether it fires, its level, and its fingerprint (rules of one risk joined by ';' in rule id order).
  const findings = [...new Set(rules.map((r) => r.risk))].map((risk) => {
    const of = rules.filter((r) => r.risk === risk).sort((a, b) => (a.id < b.id ? -1 : 1));
    const levels = of.map((r) => r.level);
    return {
      risk,
      fired: of.length === 1 ? `${levels[0]} IS NOT NULL` : `num_nonnulls(${levels.join(', ')}) > 0`,
      level: of.length === 1 ? levels[0] : LEVEL_OF_RANK.replaceAll('%', levels.join(', ')),
      fp: of.length === 1 ? of[0].fp : `concat_ws(';', ${of.map((r) => `CASE WHEN ${r.level} IS NOT NULL THEN ${r.fp} END`).join(', ')})`,
    };
  });
  // Risk events: per village and risk, the best event ('LEVEL/fingerprint'), and the best that is not a market shock.
  const ev = (risk: string) => `CASE WHEN f.shocked THEN evv."${risk}" ELSE evv."${risk}-nm" END`;
  const best = (where: string) =>
    `(array_agg(e.severity || '/' || concat_ws('|', 'risk-event', e.id) ORDER BY CASE e.severity WHEN 'RED' THEN 3 WHEN 'YELLOW' THEN 2 ELSE 1 END DESC, e.occurred_on DESC, e.id DESC) FILTER (WHERE ${where}))[1]`;
  const kindsOf = (risk: string) => Object.entries(EVENT_RISK).filter(([, r]) => r === risk).map(([k]) => `'${k}'`).join(', ');
  const evvCols = eventRisks.map((r) => `${best(`e.kind IN (${kindsOf(r)})`)} AS "${r}", ${best(`e.kind IN (${kindsOf(r)}) AND e.kind <> 'MARKET_SHOCK'`)} AS "${r}-nm"`).join(',\n    ');
  const all = [
    ...findings,
    ...eventRisks.map((risk) => ({ risk, fired: `${ev(risk)} IS NOT NULL`, level: `split_part(${ev(risk)}, '/', 1)`, fp: `split_part(${ev(risk)}, '/', 2)` })),
  ];
  // Clues that keep a finding out of the digest, per household and risk.
  const blockerCols = all
    .map(({ risk }) => `bool_or(c.status <> 'CLOSED') FILTER (WHERE c.risk_type = '${risk}') AS "active-${risk}", array_agg(c.fingerprint) FILTER (WHERE c.status = 'CLOSED' AND c.risk_type = '${risk}') AS "closed-${risk}"`)
    .join(',\n      ');
  const digest = (withBlockers: boolean) =>
    all
      .map((t) => {
        const stands = withBlockers ? ` AND NOT (coalesce(x."active-${t.risk}", false) OR coalesce(${t.fp} = ANY(x."closed-${t.risk}"), false))` : '';
        return `CASE WHEN ${t.fired}${stands} THEN ${digestTerm('f.household_id', `'${t.risk}'`, t.level, t.fp)} ELSE 0 END`;
      })
      .join('\n        # ');
  const clueScope = householdFilterSql('c', filter, 'household_id');
  return `
WITH ${factsCtes(asOf, pa, filter)},
evv AS (
  SELECT v.village_code,
    ${evvCols}
  FROM risk_event e JOIN risk_event_village v ON v.event_id = e.id
  WHERE e.occurred_on > '${asOf}'::date - ${pa.value('monitoring.event-window-days')}::int AND e.occurred_on <= '${asOf}'::date
  GROUP BY v.village_code
),
fx AS (
  SELECT f.household_id, ${all.map((t) => `(${t.fired})::int`).join(' + ')} AS findings,
    CASE WHEN x.household_id IS NULL
      THEN ${digest(false)}
      ELSE ${digest(true)} END AS digest
  FROM f
  LEFT JOIN evv ON evv.village_code = f.village_code
  LEFT JOIN (SELECT c.household_id,
      ${blockerCols}
    FROM risk_clue c WHERE NOT (c.status = 'OPEN' AND c.channel = 'PLATFORM_ANALYSIS') AND ${clueScope}
    GROUP BY c.household_id) x ON x.household_id = f.household_id
  WHERE ${all.map((t) => t.fired).join(' OR ')}
)
SELECT (household_id % ${CHECK_BUCKETS})::int AS bucket, sum(findings)::int AS firings, count(*)::int AS households, bit_xor(digest)::text AS digest
FROM fx GROUP BY 1`;
}

/** The full check, clue side: per bucket, the XOR of digestTerm over the OPEN platform clues in the scope. */
export function buildClueDigestSql(filter: SweepFilter): string {
  return `SELECT (c.household_id % ${CHECK_BUCKETS})::int AS bucket, bit_xor(${digestTerm('c.household_id', 'c.risk_type', 'c.level', 'c.fingerprint')})::text AS digest
    FROM risk_clue c WHERE c.status = 'OPEN' AND c.channel = 'PLATFORM_ANALYSIS' AND ${householdFilterSql('c', filter, 'household_id')} GROUP BY 1`;
}

/** A firing `s` that needs a new clue: no OPEN/IN_CASE clue for its risk, and none closed on the same facts. */
const NEEDS_CLUE = `NOT EXISTS (SELECT 1 FROM risk_clue c WHERE c.household_id = s.household_id AND c.risk_type = s.risk_type
                        AND (c.status <> 'CLOSED' OR c.fingerprint = s.fingerprint))`;

function insertSql(src: string, ts: string, where: string): string {
  return `INSERT INTO risk_clue (household_id, county_code, village_code, risk_type, level, channel, source, rule_id, explanation, fingerprint,
        first_seen_at, last_seen_at, updated_at)
      SELECT s.household_id, s.county_code, s.village_code, s.risk_type, s.level, 'PLATFORM_ANALYSIS', 'sweep:' || s.rule_id, s.rule_id, s.explanation, s.fingerprint,
        ${ts}, ${ts}, ${ts}
      FROM ${src} s
      WHERE ${where}
      ON CONFLICT (household_id, risk_type) WHERE status <> 'CLOSED' DO NOTHING`;
}

const timestamp = (at: string) => `'${new Date(at).toISOString()}'::timestamptz`;

/**
 * Applies firings (any relation `src` with household_id, county_code, village_code, risk_type, level,
 * rule_id, explanation, fingerprint) to the clues of the households in `filter`:
 * update the OPEN platform clue when its facts changed; insert a new clue unless an OPEN/IN_CASE clue
 * exists or a clue on the same facts was closed; close OPEN platform clues whose rule no longer fires.
 * Three statements, run in order in one transaction.
 */
export function buildApplySql(src: string, at: string, filter: SweepFilter): { update: string; insert: string; resolve: string } {
  const ts = timestamp(at);
  const clueScope = householdFilterSql('c', filter, 'household_id');
  return {
    update: `UPDATE risk_clue c SET level = s.level, explanation = s.explanation, fingerprint = s.fingerprint, rule_id = s.rule_id,
        last_seen_at = ${ts}, updated_at = ${ts}, version = c.version + 1
      FROM ${src} s
      WHERE c.status = 'OPEN' AND c.channel = 'PLATFORM_ANALYSIS' AND c.household_id = s.household_id AND c.risk_type = s.risk_type
        AND (c.fingerprint <> s.fingerprint OR c.level <> s.level) AND ${clueScope}`,
    insert: insertSql(src, ts, NEEDS_CLUE),
    resolve: `UPDATE risk_clue c SET status = 'CLOSED', closed_reason = 'resolved_by_data', updated_at = ${ts}, version = c.version + 1
      WHERE c.status = 'OPEN' AND c.channel = 'PLATFORM_ANALYSIS' AND ${clueScope}
        AND NOT EXISTS (SELECT 1 FROM ${src} s WHERE s.household_id = c.household_id AND s.risk_type = c.risk_type)`,
  };
}

/**
 * The insert of `buildApplySql` in two statements, for large sets: first pick the firings that need a
 * clue into `into`, then insert those. In one statement the existence check would probe risk_clue
 * while the same statement fills it; planned on a table that was empty (the first sweep), that probe
 * is a sequential scan which also walks every row inserted so far: quadratic (measured: the first
 * sweep over 100k households took minutes instead of seconds).
 */
export function buildTwoStepInsertSql(src: string, into: string, at: string): { pick: string; insert: string } {
  return {
    pick: `CREATE TEMP TABLE ${into} ON COMMIT DROP AS SELECT s.* FROM ${src} s WHERE ${NEEDS_CLUE}`,
    insert: insertSql(into, timestamp(at), 'true'),
  };
}

/** The three apply statements as one (data-modifying CTEs; they touch disjoint rows): for small sets. */
export function buildCombinedApplySql(srcSelect: string, at: string, filter: SweepFilter): string {
  const a = buildApplySql('s', at, filter);
  return `WITH s AS (${srcSelect}),
    upd AS (${a.update} RETURNING 1),
    ins AS (${a.insert} RETURNING 1),
    res AS (${a.resolve} RETURNING 1)
  SELECT (SELECT count(*) FROM upd)::int AS updated, (SELECT count(*) FROM ins)::int AS created, (SELECT count(*) FROM res)::int AS resolved`;
}

import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { LABOR_CAPABLE_SQL } from '../../registry/index.js';
import { FACT, type HouseholdFacts } from '../domain/mpi-indicators.js';
import type { MpiBreakdown } from '../mpi-contract.js';
import { encodeLabels, parseIntegers } from './aggregated-columns.js';

export interface MpiFactsQuery {
  /**
   * LIKE pattern of the division subtree. The caller checks that the division lies inside the actor's
   * scope, so this one pattern is also the scope test (row-level security repeats it on PostgreSQL);
   * a second, redundant LIKE would make the planner expect almost no rows.
   */
  pattern: string;
  year: number;
  by: MpiBreakdown | undefined;
  /** Length of the child-division prefix (9 for townships of a county, 12 for villages), or null. */
  childLength: number | null;
  schoolAgeMin: number;
  schoolAgeMax: number;
  /** Case statuses counted as monitored (the cases module's MONITORED set, passed in). */
  monitoredStatuses: readonly string[];
}

export interface MpiFacts extends HouseholdFacts {
  group: { codes: Int32Array; labels: string[] } | null;
  /** Child-division prefix per household, or null. */
  child: { codes: Int32Array; labels: string[] } | null;
}

/** Monitored (a case in one of the MONITORED statuses) before formerly poor before general. */
function categorySql(monitoredStatuses: readonly string[]) {
  return sql`CASE WHEN EXISTS (SELECT 1 FROM cases_monitoring_case mc WHERE mc.household_id = ir.household_id AND mc.status IN (${sql.join([...monitoredStatuses])}))
    THEN 'monitored' WHEN h.household_type = 'POVERTY_EXITED' THEN 'formerly_poor' ELSE 'general' END`;
}

const GROUP_SQL: Record<Exclude<MpiBreakdown, 'category'>, string> = {
  household_type: `CASE h.household_type WHEN 'POVERTY_EXITED' THEN 'formerly_poor' ELSE 'general' END`,
  relocated: `CASE WHEN h.is_relocated THEN 'relocated' ELSE 'not_relocated' END`,
  ethnicity: `coalesce(pp.head_ethnicity, 'unknown')`,
};

/** Years of schooling of the highest level completed (docs/evaluation-mpi.md). */
const YEARS_SQL = `CASE education WHEN 'NONE' THEN 0 WHEN 'PRIMARY' THEN 6 WHEN 'JUNIOR' THEN 9 WHEN 'SENIOR' THEN 12 WHEN 'VOCATIONAL' THEN 12 WHEN 'COLLEGE' THEN 15 END`;

type FactsRow = { n: number | string; pc: string | null; sz: string | null; yrs: string | null; fl: string | null; grp: string | null; ch: string | null };

/** The statement (exported for the snapshot test of the generated SQL). */
export function mpiFactsQuery(q: MpiFactsQuery): RawBuilder<FactsRow> {
  const groupExpr = q.by === 'category' ? categorySql(q.monitoredStatuses) : sql.raw(q.by ? GROUP_SQL[q.by] : `''`);
  const childExpr = q.childLength ? `substr(ir.village_code, 1, ${Number(q.childLength)})` : `''`;
  return sql<FactsRow>`
    WITH rows AS (
      SELECT ir.id,
        ir.per_capita_net_fen AS pc,
        ir.household_size AS sz,
        coalesce(pp.yrs, -1) AS yrs,
        (CASE WHEN g.household_id IS NOT NULL AND NOT g.food_clothing_ok THEN ${FACT.foodClothingProblem} ELSE 0 END
         | CASE WHEN coalesce(g.dropout_child, false) OR pp.dropout THEN ${FACT.schoolDropout} ELSE 0 END
         | CASE WHEN coalesce(g.member_uninsured, false) OR pp.uninsured THEN ${FACT.uninsuredMember} ELSE 0 END
         | CASE WHEN coalesce(g.housing_unsafe, false) OR coalesce(g.house_grade IN ('C', 'D'), false) THEN ${FACT.unsafeHousing} ELSE 0 END
         | CASE WHEN coalesce(g.water_unsafe, false) THEN ${FACT.unsafeWater} ELSE 0 END
         | CASE WHEN pp.ill THEN ${FACT.seriousIllnessOrDisability} ELSE 0 END
         | CASE WHEN NOT pp.labour THEN ${FACT.noLabour} ELSE 0 END
         | CASE WHEN g.household_id IS NOT NULL THEN ${FACT.hasGuaranteeRecord} ELSE 0 END) AS fl,
        ${groupExpr} AS grp,
        ${sql.raw(childExpr)} AS ch
      FROM registry_income ir
      JOIN registry_household h ON h.id = ir.household_id
      LEFT JOIN registry_guarantee g ON g.household_id = ir.household_id
      -- One index lookup (person_household) per household: the plan stays linear whatever the row estimates.
      CROSS JOIN LATERAL (
        SELECT
          max(${sql.raw(YEARS_SQL)}) FILTER (WHERE age >= 16 AND coalesce(student_status, 'NONE') IN ('NONE', 'DROPPED_OUT')) AS yrs,
          coalesce(bool_or(student_status = 'DROPPED_OUT' AND age BETWEEN ${q.schoolAgeMin} AND ${q.schoolAgeMax}), false) AS dropout,
          coalesce(bool_or(NOT has_medical_insurance), false) AS uninsured,
          coalesce(bool_or(health_status IN ('SERIOUS_ILLNESS', 'DISABLED')), false) AS ill,
          coalesce(bool_or(labor_skill IN ${sql.raw(LABOR_CAPABLE_SQL)} AND age BETWEEN 16 AND 59), false) AS labour,
          max(ethnicity) FILTER (WHERE relation = 'HEAD') AS head_ethnicity
        FROM (SELECT p.*, ${q.year} - extract(year FROM p.birth_date)::int AS age FROM registry_person p WHERE p.household_id = ir.household_id) x
      ) pp
      WHERE ir.village_code LIKE ${q.pattern} AND ir.year = ${q.year}
    )
    SELECT count(*) AS n,
      string_agg(pc::text, ',' ORDER BY id) AS pc,
      string_agg(sz::text, ',' ORDER BY id) AS sz,
      string_agg(yrs::text, ',' ORDER BY id) AS yrs,
      string_agg(fl::text, ',' ORDER BY id) AS fl,
      string_agg(grp, ${'\u001f'} ORDER BY id) AS grp,
      string_agg(ch, ',' ORDER BY id) AS ch
    FROM rows`;
}

/**
 * Reads the registry and the cases module through their published views (migration 0011).
 * One row per income record of `year` under the division (and inside the actor's scope): size,
 * per-capita net income, the members' facts aggregated per household in SQL (a lateral aggregate
 * over the household's persons, by index) and the guarantee status, returned as a handful of
 * aggregated strings and parsed into typed arrays. Personal fields never leave SQL.
 */
export async function loadMpiFacts(trx: Transaction<Database>, q: MpiFactsQuery): Promise<MpiFacts> {
  const { rows } = await mpiFactsQuery(q).execute(trx);
  const row = rows[0];
  const n = Number(row?.n ?? 0);
  const flags = new Uint16Array(n);
  const fl = parseIntegers(row?.fl ?? null, n);
  for (let i = 0; i < n; i++) flags[i] = fl[i];
  return {
    n,
    perCapitaFen: parseIntegers(row?.pc ?? null, n),
    size: parseIntegers(row?.sz ?? null, n),
    adultYears: parseIntegers(row?.yrs ?? null, n),
    flags,
    group: q.by ? encodeLabels(row?.grp ?? '', '\u001f', n) : null,
    child: q.childLength ? encodeLabels(row?.ch ?? '', ',', n) : null,
  };
}

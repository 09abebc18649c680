import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { encodeLabels, parseIntegers } from './aggregated-columns.js';

export type IncomeBreakdown = 'household_type' | 'relocated' | 'ethnicity';

/** One year's income records of a division subtree as columns (no row objects). */
export interface IncomeColumns {
  households: number;
  /** Per-capita net income, fen per person per year. */
  perCapitaFen: Float64Array;
  /** Household size (the person weight). */
  size: Float64Array;
  group: { codes: Int32Array; labels: string[] } | null;
}

const GROUP_SQL: Record<IncomeBreakdown, string> = {
  household_type: `CASE h.household_type WHEN 'POVERTY_EXITED' THEN 'formerly_poor' ELSE 'general' END`,
  relocated: `CASE WHEN h.is_relocated THEN 'relocated' ELSE 'not_relocated' END`,
  ethnicity: `coalesce(p.ethnicity, 'unknown')`,
};

/**
 * Reads per-capita net income and household size of every income record of `year` under the
 * division prefix (inside the actor's scope, which the transaction and `scopePattern` enforce) as
 * three aggregated strings, parsed into typed arrays: millions of rows never become objects.
 * Reads the registry's published views (registry_income, registry_household, registry_person: 0011).
 */
export async function loadIncomeColumns(
  trx: Transaction<Database>,
  divisionPattern: string,
  scopePattern: string,
  year: number,
  by: IncomeBreakdown | undefined,
): Promise<IncomeColumns> {
  const groupExpr = by ? GROUP_SQL[by] : `''`;
  const headJoin = by === 'ethnicity' ? sql`LEFT JOIN registry_person p ON p.household_id = ir.household_id AND p.relation = 'HEAD'` : sql``;
  const { rows } = await sql<{ n: number | string; pc: string | null; sz: string | null; grp: string | null }>`
    SELECT count(*) AS n,
      string_agg(ir.per_capita_net_fen::text, ',' ORDER BY ir.id) AS pc,
      string_agg(ir.household_size::text, ',' ORDER BY ir.id) AS sz,
      string_agg(${sql.raw(groupExpr)}, ${'\u001f'} ORDER BY ir.id) AS grp
    FROM registry_income ir
    JOIN registry_household h ON h.id = ir.household_id
    ${headJoin}
    WHERE ir.village_code LIKE ${divisionPattern} AND ir.village_code LIKE ${scopePattern} AND ir.year = ${year}`.execute(trx);
  const row = rows[0];
  const n = Number(row?.n ?? 0);
  const perCapitaFen = parseIntegers(row?.pc ?? null, n);
  const size = parseIntegers(row?.sz ?? null, n);
  const group: IncomeColumns['group'] = by ? encodeLabels(row?.grp ?? '', '\u001f', n) : null;
  return { households: n, perCapitaFen, size, group };
}

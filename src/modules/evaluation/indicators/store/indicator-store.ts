/**
 * Owns indicator_system and indicator_value (0009). Also reads the registry aggregates the
 * consolidation indicators are computed from (as evaluation's income columns do): counts and means
 * per village or township and year, never a household row. Other modules' data comes through the
 * read-only views they publish (registry_income, registry_household, registry_guarantee,
 * cases_monitoring_case: migration 0011), never their tables. Row types stay in this file.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { ComputedIndicator } from '../contract.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface SystemRow {
  definition: unknown;
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

export async function findSystem(db: Db, countyCode: string, forUpdate = false): Promise<SystemRow | null> {
  let q = db.selectFrom('indicator_system').select(['definition', 'version', 'updated_at', 'updated_by_name']).where('county_code', '=', countyCode);
  if (forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? { definition: r.definition, version: r.version, updatedAt: r.updated_at, updatedBy: r.updated_by_name } : null;
}

export async function saveSystem(
  trx: Transaction<Database>,
  row: { countyCode: string; definition: unknown; version: number; userId: number | null; userName: string; at: Date },
): Promise<void> {
  await trx
    .insertInto('indicator_system')
    .values({
      county_code: row.countyCode,
      definition: JSON.stringify(row.definition),
      version: row.version,
      updated_by: row.userId,
      updated_by_name: row.userName,
      updated_at: row.at,
    })
    .onConflict((oc) =>
      oc.column('county_code').doUpdateSet({
        definition: JSON.stringify(row.definition),
        version: row.version,
        updated_by: row.userId,
        updated_by_name: row.userName,
        updated_at: row.at,
      }),
    )
    .execute();
}

export interface ValueRow {
  divisionCode: string;
  year: number;
  indicatorCode: string;
  value: number;
  source: string;
}

/** Values of the divisions under a prefix for the given years (all codes, or those listed). */
export async function loadValues(db: Db, prefix: string, years: readonly number[], codes?: readonly string[]): Promise<ValueRow[]> {
  if (years.length === 0) return [];
  let q = db
    .selectFrom('indicator_value')
    .select(['division_code', 'year', 'indicator_code', 'value', 'source'])
    .where('county_code', '=', prefix.slice(0, 6))
    .where('division_code', 'like', `${prefix}%`)
    .where('year', 'in', [...years]);
  if (codes) q = q.where('indicator_code', 'in', codes.length ? [...codes] : ['']);
  const rows = await q.execute();
  return rows.map((r) => ({ divisionCode: r.division_code, year: r.year, indicatorCode: r.indicator_code, value: r.value, source: r.source }));
}

export async function listValues(
  db: Db,
  q: { prefix: string; year?: number; indicator?: string; page: number; pageSize: number },
): Promise<{ items: ValueRow[]; total: number }> {
  let base = db.selectFrom('indicator_value').where('county_code', '=', q.prefix.slice(0, 6)).where('division_code', 'like', `${q.prefix}%`);
  if (q.year !== undefined) base = base.where('year', '=', q.year);
  if (q.indicator) base = base.where('indicator_code', '=', q.indicator);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['division_code', 'year', 'indicator_code', 'value', 'source'])
    .orderBy('division_code')
    .orderBy('year')
    .orderBy('indicator_code')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total: Number(n),
    items: rows.map((r) => ({ divisionCode: r.division_code, year: r.year, indicatorCode: r.indicator_code, value: r.value, source: r.source })),
  };
}

/** Which of these (division, year, indicator) keys already have a value. */
export async function countExisting(trx: Db, keys: readonly { divisionCode: string; year: number; indicatorCode: string }[]): Promise<number> {
  let existing = 0;
  for (let i = 0; i < keys.length; i += 2000) {
    const chunk = keys.slice(i, i + 2000);
    const { rows } = await sql<{ n: number | string }>`
      SELECT count(*) AS n FROM indicator_value v
      JOIN (VALUES ${sql.join(chunk.map((k) => sql`(${k.divisionCode}, ${k.year}::smallint, ${k.indicatorCode})`))}) AS k(d, y, c)
        ON v.county_code = left(k.d, 6) AND v.division_code = k.d AND v.year = k.y AND v.indicator_code = k.c`.execute(trx);
    existing += Number(rows[0]?.n ?? 0);
  }
  return existing;
}

/** Inserts or replaces values (one statement per 2000 rows). */
export async function upsertValues(trx: Db, rows: readonly ValueRow[], at: Date): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    await trx
      .insertInto('indicator_value')
      .values(
        chunk.map((r) => ({
          county_code: r.divisionCode.slice(0, 6),
          division_code: r.divisionCode,
          year: r.year,
          indicator_code: r.indicatorCode,
          value: r.value,
          source: r.source as 'import' | 'demo' | 'manual',
          updated_at: at,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['county_code', 'division_code', 'year', 'indicator_code']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          source: eb.ref('excluded.source'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/** Deletes the values of a county written by a given source (the demo reseeds its own). */
export async function deleteValuesBySource(trx: Db, countyCode: string, source: 'demo'): Promise<number> {
  const r = await trx.deleteFrom('indicator_value').where('county_code', '=', countyCode).where('source', '=', source).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Mean per-capita net income (fen) per village and year under a county: what the demo correlates with. */
export async function meanIncomeByVillage(db: Db, countyCode: string): Promise<{ villageCode: string; year: number; meanFen: number }[]> {
  const { rows } = await sql<{ v: string; y: number; m: number | string }>`
    SELECT village_code AS v, year AS y, avg(per_capita_net_fen)::float8 AS m
    FROM registry_income WHERE county_code = ${countyCode} GROUP BY village_code, year`.execute(db);
  return rows.map((r) => ({ villageCode: r.v, year: Number(r.y), meanFen: Number(r.m) }));
}

/** Computed consolidation values keyed `${unitPrefix}|${year}` → indicator → value. */
export type ComputedValues = Map<string, Map<ComputedIndicator, number>>;

/**
 * The consolidation indicators per unit (the first `unitLength` digits of the village code: 9 for
 * townships, 12 for villages) and year, from the registry under `prefix` (docs/evaluation-revitalisation.md):
 * share above the year's threshold, mean per-capita net income of formerly poor households, income
 * growth on the previous year, the guarantee share (from the status's as-of year on) and the share of
 * identified monitored households with risk eliminated by the end of the year.
 */
export async function loadComputedValues(
  trx: Db,
  prefix: string,
  unitLength: 9 | 12,
  years: readonly number[],
  thresholdFenByYear: ReadonlyMap<number, number | null>,
): Promise<ComputedValues> {
  const out: ComputedValues = new Map();
  if (years.length === 0) return out;
  const set = (unit: string, year: number, code: ComputedIndicator, value: number | null) => {
    if (value === null || !Number.isFinite(value)) return;
    const key = `${unit}|${year}`;
    let m = out.get(key);
    if (!m) out.set(key, (m = new Map()));
    m.set(code, value);
  };
  const y0 = Math.min(...years);
  const y1 = Math.max(...years);
  const zCases = [...thresholdFenByYear].filter(([, z]) => z !== null).map(([y, z]) => sql`WHEN ${y} THEN ${z}::bigint`);
  const zExpr = zCases.length ? sql`CASE ir.year ${sql.join(zCases, sql` `)} END` : sql`NULL::bigint`;
  const pattern = `${prefix}%`;
  const income = await sql<{ u: string; y: number; n: string | number; above: number | null; exited: number | null; mean: number }>`
    SELECT left(ir.village_code, ${unitLength}) AS u, ir.year AS y, count(*) AS n,
      avg(CASE WHEN z IS NULL THEN NULL WHEN ir.per_capita_net_fen >= z THEN 1.0 ELSE 0.0 END)::float8 AS above,
      (avg(ir.per_capita_net_fen) FILTER (WHERE h.household_type = 'POVERTY_EXITED'))::float8 AS exited,
      avg(ir.per_capita_net_fen)::float8 AS mean
    FROM registry_income ir
    JOIN registry_household h ON h.id = ir.household_id
    CROSS JOIN LATERAL (SELECT ${zExpr} AS z) t
    WHERE ir.village_code LIKE ${pattern} AND ir.year BETWEEN ${y0 - 1} AND ${y1}
    GROUP BY 1, 2`.execute(trx);
  const mean = new Map<string, number>();
  for (const r of income.rows) mean.set(`${r.u}|${r.y}`, Number(r.mean));
  for (const r of income.rows) {
    const y = Number(r.y);
    if (!years.includes(y)) continue;
    set(r.u, y, 'consolidation.above_threshold_share', r.above === null ? null : 100 * Number(r.above));
    set(r.u, y, 'consolidation.exited_income_mean', r.exited === null ? null : Number(r.exited) / 100);
    const prev = mean.get(`${r.u}|${y - 1}`);
    set(r.u, y, 'consolidation.income_growth', prev && prev > 0 ? (100 * (Number(r.mean) - prev)) / prev : null);
  }
  const guarantees = await sql<{ u: string; y: number; share: number }>`
    SELECT left(g.village_code, ${unitLength}) AS u, min(extract(year FROM g.as_of))::int AS y,
      avg(CASE WHEN g.food_clothing_ok AND NOT g.housing_unsafe AND NOT g.dropout_child AND NOT g.member_uninsured AND NOT g.water_unsafe THEN 1.0 ELSE 0.0 END)::float8 AS share
    FROM registry_guarantee g
    WHERE g.village_code LIKE ${pattern}
    GROUP BY 1`.execute(trx);
  for (const r of guarantees.rows) for (const y of years) if (y >= Number(r.y)) set(r.u, y, 'consolidation.guarantees_secured_share', 100 * Number(r.share));
  for (const y of years) {
    const end = `${y}-12-31`;
    const cases = await sql<{ u: string; n: string | number; eliminated: string | number }>`
      SELECT left(c.village_code, ${unitLength}) AS u, count(DISTINCT c.household_id) AS n,
        count(DISTINCT c.household_id) FILTER (WHERE c.eliminated_on IS NOT NULL AND c.eliminated_on <= ${end}::date) AS eliminated
      FROM cases_monitoring_case c
      WHERE c.village_code LIKE ${pattern} AND c.identified_on IS NOT NULL AND c.identified_on <= ${end}::date
      GROUP BY 1`.execute(trx);
    for (const r of cases.rows) if (Number(r.n) > 0) set(r.u, y, 'consolidation.risk_eliminated_share', (100 * Number(r.eliminated)) / Number(r.n));
  }
  return out;
}

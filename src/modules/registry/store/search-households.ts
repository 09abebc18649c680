import { sql, type RawBuilder } from 'kysely';
import { SEARCH_COUNT_CAP, type HouseholdSummary } from '../contract.js';
import { maskIdNumber } from '../domain/id-number.js';
import { likeEscape, type RegistryScope } from './registry-store.js';

/**
 * The household search as one SQL statement for the page and one capped count, built so that every
 * common search reads a few index entries at 1M households:
 *
 * - division subtree + default order: one range of household_village_no ("C" collation), already
 *   in (village code, household number) order, so page 1 stops after pageSize rows;
 * - household number: household_no_prefix; ID number: the unique person.id_number index;
 * - name: pg_trgm `%` on person_name_trgm (GIN), then the few matching households;
 * - income band / per-capita sort: income_year_per_capita; guarantee problems: the partial index.
 *
 * The total is counted up to SEARCH_COUNT_CAP + 1 rows (then `capped`): an exact count of a whole
 * county on every keystroke would cost ~100 ms at 1M households. When page 1 comes back short the
 * total is known without counting. A one-character name (a surname) is not counted past the page.
 */
export interface SearchParams {
  prefix: string;
  q?: string;
  householdNo?: string;
  idNumber?: string;
  type?: 'GENERAL' | 'POVERTY_EXITED';
  relocated?: boolean;
  incomeMin?: number;
  incomeMax?: number;
  year: number;
  guaranteeProblem?: boolean;
  page: number;
  pageSize: number;
  sort: 'householdNo' | 'perCapitaNet' | 'size' | 'headName' | 'relevance';
  order: 'asc' | 'desc';
}

export interface SearchPage {
  total: number;
  capped: boolean;
  items: HouseholdSummary[];
}

interface PageRow {
  id: number;
  household_no: string;
  village_code: string;
  household_type: 'GENERAL' | 'POVERTY_EXITED';
  is_relocated: boolean;
  per_capita_net_fen: number | null;
  head_name: string | null;
  head_id_number: string | null;
  size: number;
  village_name: string;
  township_name: string;
}

const PROBLEM = sql`(NOT g.food_clothing_ok OR g.housing_unsafe OR g.dropout_child OR g.member_uninsured OR g.water_unsafe)`;

export async function searchHouseholdRows(scope: RegistryScope, p: SearchParams): Promise<SearchPage> {
  const conditions: RawBuilder<unknown>[] = [scope.inScope('h')];
  const subtree = `${likeEscape(p.prefix)}%`;
  if (p.prefix !== scope.prefix) conditions.push(sql`h.village_code COLLATE "C" LIKE ${subtree}`);
  if (p.householdNo) conditions.push(sql`h.household_no COLLATE "C" LIKE ${`${likeEscape(p.householdNo)}%`}`);
  if (p.idNumber) conditions.push(sql`h.id IN (SELECT pi.household_id FROM person pi WHERE pi.id_number = ${p.idNumber})`);
  if (p.type) conditions.push(sql`h.household_type = ${p.type}`);
  if (p.relocated !== undefined) conditions.push(sql`h.is_relocated = ${p.relocated}`);
  if (p.guaranteeProblem === true) {
    conditions.push(sql`h.id IN (SELECT g.household_id FROM guarantee_status g WHERE ${PROBLEM} AND g.village_code COLLATE "C" LIKE ${subtree})`);
  } else if (p.guaranteeProblem === false) {
    conditions.push(sql`NOT EXISTS (SELECT 1 FROM guarantee_status g WHERE g.household_id = h.id AND ${PROBLEM})`);
  }
  const q = p.q?.trim();
  const surnameOnly = q !== undefined && [...q].length === 1;
  let nameJoin = sql``;
  if (q) {
    const chars = [...q].length;
    if (chars === 1) {
      // One character (a surname) has no useful trigram: name prefix, probed household by household
      // while walking the list order (a common surname matches many households, so the page fills fast).
      conditions.push(sql`EXISTS (SELECT 1 FROM person pn WHERE pn.household_id = h.id AND pn.name LIKE ${`${likeEscape(q)}%`})`);
    } else {
      // Trigram similarity through the GIN index. A two-character name has three trigrams; at the
      // default threshold (0.3) one shared trigram (the surname) would make every namesake a
      // candidate, so two-character queries use 0.4 (two shared trigrams: names starting with them).
      // Matching households come with their best similarity (relevance) from the same index scan.
      if (chars === 2) await sql`SELECT set_config('pg_trgm.similarity_threshold', '0.4', true)`.execute(scope.trx);
      nameJoin = sql`JOIN (SELECT pn.household_id, max(similarity(pn.name, ${q})) AS score FROM person pn
                           WHERE pn.name % ${q} AND pn.village_code LIKE ${subtree} GROUP BY pn.household_id) m ON m.household_id = h.id`;
    }
  }
  const band = p.incomeMin !== undefined || p.incomeMax !== undefined;
  if (p.incomeMin !== undefined) conditions.push(sql`i.per_capita_net_fen >= ${p.incomeMin}`);
  if (p.incomeMax !== undefined) conditions.push(sql`i.per_capita_net_fen <= ${p.incomeMax}`);
  const where = sql.join(conditions, sql` AND `);

  const sort = p.sort === 'relevance' && (!q || surnameOnly) ? 'householdNo' : p.sort;
  const dir = p.order === 'desc' ? sql.raw('DESC NULLS LAST') : sql.raw('ASC NULLS LAST');
  const keys: RawBuilder<unknown>[] = {
    householdNo: [sql`h.village_code COLLATE "C"`, sql`h.household_no COLLATE "C"`, sql`h.id`],
    perCapitaNet: [sql`i.per_capita_net_fen`, sql`h.id`],
    size: [sql`(SELECT count(*) FROM person ps WHERE ps.household_id = h.id)`, sql`h.id`],
    headName: [sql`hd.name`, sql`h.id`],
    relevance: [sql`-m.score`, sql`h.village_code COLLATE "C"`, sql`h.household_no COLLATE "C"`, sql`h.id`],
  }[sort];
  const keyColumns = sql.join(
    keys.map((k, n) => sql`${k} AS ${sql.ref(`k${n}`)}`),
    sql`, `,
  );
  const orderInner = sql.join(
    keys.map((k) => sql`${k} ${dir}`),
    sql`, `,
  );
  const orderOuter = sql.join(
    keys.map((_, n) => sql`${sql.ref(`page.k${n}`)} ${dir}`),
    sql`, `,
  );
  const headJoin = sort === 'headName' ? sql`LEFT JOIN person hd ON hd.household_id = h.id AND hd.relation = 'HEAD'` : sql``;
  const offset = (p.page - 1) * p.pageSize;

  // Row-level security adds a filter the planner cannot estimate (a parameter LIKE: 0.5 %), so it
  // believes any scope holds a few hundred households and prefers "collect all, then sort". When
  // nothing selective narrows the search, walking the list-order index is right: force it for this
  // statement.
  const selective = Boolean(p.idNumber || p.householdNo || (q && !surnameOnly));
  const walkIndex = sort === 'householdNo' && !selective;
  // Parallel workers and JIT compilation (triggered by the cost penalty of a disabled sort) would
  // only add their start-up time to a walk over a few index entries. Local to this transaction, which
  // ends after the count (which sorts nothing).
  if (walkIndex) {
    await sql`SELECT set_config('enable_sort', 'off', true), set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)`.execute(scope.trx);
  }
  // The income record is joined inside the page only when it filters or sorts; otherwise for the
  // page's rows alone (a common name matches hundreds of households: each join is a random read).
  const incomeInPage = band || sort === 'perCapitaNet';
  const { rows } = await sql<PageRow>`
    WITH page AS MATERIALIZED (
      SELECT h.id, h.household_no, h.village_code, h.household_type, h.is_relocated, ${incomeInPage ? sql`i.per_capita_net_fen` : sql`NULL::bigint AS per_capita_net_fen`}, ${keyColumns}
      FROM household h
      ${nameJoin}
      ${incomeInPage ? sql`LEFT JOIN income_record i ON i.household_id = h.id AND i.year = ${p.year}` : sql``}
      ${headJoin}
      WHERE ${where}
      ORDER BY ${orderInner}
      LIMIT ${p.pageSize} OFFSET ${offset}
    )
    SELECT page.id, page.household_no, page.village_code, page.household_type, page.is_relocated,
           ${incomeInPage ? sql`page.per_capita_net_fen` : sql`(SELECT i.per_capita_net_fen FROM income_record i WHERE i.household_id = page.id AND i.year = ${p.year})`} AS per_capita_net_fen,
           head.name AS head_name, head.id_number AS head_id_number,
           (SELECT count(*) FROM person ps WHERE ps.household_id = page.id)::int AS size,
           v.name AS village_name, coalesce(t.name, '') AS township_name
    FROM page
    LEFT JOIN person head ON head.household_id = page.id AND head.relation = 'HEAD'
    JOIN division v ON v.code = page.village_code
    LEFT JOIN division t ON t.code = v.parent_code
    ORDER BY ${orderOuter}`.execute(scope.trx);

  let total: number;
  let capped = false;
  if (rows.length < p.pageSize && (rows.length > 0 || offset === 0)) {
    total = offset + rows.length;
  } else if (surnameOnly) {
    // A surname matches a tenth of a county: counting them costs a pass over all households. Say "at least".
    total = offset + rows.length;
    capped = rows.length === p.pageSize;
  } else {
    const incomeJoin = band ? sql`JOIN income_record i ON i.household_id = h.id AND i.year = ${p.year}` : sql``;
    const counted = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM household h ${nameJoin} ${incomeJoin} WHERE ${where} LIMIT ${SEARCH_COUNT_CAP + 1}) c`.execute(scope.trx);
    total = Number(counted.rows[0].n);
    if (total > SEARCH_COUNT_CAP) {
      total = SEARCH_COUNT_CAP;
      capped = true;
    }
  }

  return {
    total,
    capped,
    items: rows.map((r) => ({
      id: Number(r.id),
      householdNo: r.household_no,
      villageCode: r.village_code,
      villageName: r.village_name,
      townshipName: r.township_name,
      headName: r.head_name,
      headIdNumber: r.head_id_number === null ? null : scope.maskIds ? maskIdNumber(r.head_id_number) : r.head_id_number,
      size: Number(r.size),
      householdType: r.household_type,
      isRelocated: r.is_relocated,
      year: p.year,
      perCapitaNetFen: r.per_capita_net_fen === null ? null : Number(r.per_capita_net_fen),
    })),
  };
}

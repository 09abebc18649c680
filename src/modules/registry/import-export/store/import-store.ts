/**
 * The SQL side of a household import, all inside one store.bulk transaction: a temporary staging
 * table filled by COPY, the checks that need the database, the insert/update/unchanged counts
 * (computed before anything is written) and the set-based upserts. Owns registry_import and
 * registry_import_change; writes household, person and income_record for the registry module.
 */
import type { RawSession } from '../../../../platform/db.js';

export const STAGE_COLUMNS = [
  'kind', 'row_no', 'household_no',
  'village_code', 'household_type', 'is_relocated', 'address', 'phone',
  'name', 'id_number', 'gender', 'birth_date', 'relation', 'ethnicity', 'education', 'student_status', 'health_status',
  'labor_skill', 'migrant_months', 'migrant_place', 'has_medical_insurance', 'has_pension_insurance', 'is_dibao', 'is_tekun', 'public_welfare_job',
  'year', 'wage_fen', 'operating_fen', 'property_fen', 'transfer_fen', 'production_cost_fen', 'out_of_pocket_medical_fen',
] as const;

const TEMP_TABLES = ['import_stage', 'imp_h', 'imp_p', 'imp_removed', 'imp_touched', 'imp_size', 'imp_i'];

/**
 * The staging table, partitioned by row kind (H household, P person, I income): every statement that
 * reads it asks for one kind, so it scans only that partition (at 1M households: 1M, 4M and 1M rows)
 * instead of all of them.
 */
export async function createStage(s: RawSession): Promise<void> {
  await s.exec(`
    CREATE TEMP TABLE import_stage (
      kind char(1) NOT NULL, row_no integer NOT NULL, household_no text NOT NULL,
      village_code text, household_type text, is_relocated boolean, address text, phone text,
      name text, id_number text, gender char(1), birth_date date, relation text, ethnicity text, education text,
      student_status text, health_status text, labor_skill text, migrant_months smallint, migrant_place text,
      has_medical_insurance boolean, has_pension_insurance boolean, is_dibao boolean, is_tekun boolean, public_welfare_job boolean,
      year smallint, wage_fen bigint, operating_fen bigint, property_fen bigint, transfer_fen bigint,
      production_cost_fen bigint, out_of_pocket_medical_fen bigint
    ) PARTITION BY LIST (kind) ON COMMIT DROP;
    CREATE TEMP TABLE import_stage_h PARTITION OF import_stage FOR VALUES IN ('H') ON COMMIT DROP;
    CREATE TEMP TABLE import_stage_p PARTITION OF import_stage FOR VALUES IN ('P') ON COMMIT DROP;
    CREATE TEMP TABLE import_stage_i PARTITION OF import_stage FOR VALUES IN ('I') ON COMMIT DROP`);
}

/**
 * Memory for the sorts and hash joins of this transaction over the staged rows (hundreds of MB at
 * 1M households; with the default 4 MB they spill to many temporary-file batches), and no JIT.
 * Server only: PGlite keeps its defaults inside its WebAssembly heap (and has no JIT).
 */
export async function setImportMemory(s: RawSession, workMem = '256MB'): Promise<void> {
  // JIT compiles each big statement again (0.3–0.8 s apiece, more than it saves on these plans).
  await s.query(`SELECT set_config('work_mem', $1, true), set_config('jit', 'off', true)`, [workMem]);
}

/** Level-5 division codes inside the scope prefix. */
export async function loadVillageCodes(s: RawSession, scopePrefix: string): Promise<Set<string>> {
  const { rows } = await s.query<{ code: string }>(`SELECT code FROM division WHERE level = 5 AND code LIKE $1`, [`${scopePrefix}%`]);
  return new Set(rows.map((r) => r.code));
}

export interface DbProblem {
  table: 'people' | 'incomes';
  row: number;
  column: string;
  value: string;
  code: string;
  params?: Record<string, unknown>;
}

/** Checks that need the database. At most `limit` problems of each kind, in row order. */
export async function findDbProblems(s: RawSession, scopePrefix: string, limit: number): Promise<DbProblem[]> {
  const like = `${scopePrefix}%`;
  const problems: DbProblem[] = [];
  await s.exec('ANALYZE import_stage');
  const outside = await s.query<{ row_no: number; household_no: string }>(
    `SELECT s.row_no, s.household_no FROM import_stage s JOIN household h ON h.household_no = s.household_no
     WHERE s.kind = 'H' AND h.village_code NOT LIKE $1 ORDER BY s.row_no LIMIT $2`,
    [like, limit],
  );
  for (const r of outside.rows) problems.push({ table: 'people', row: r.row_no, column: 'household_no', value: r.household_no, code: 'import.row.household_out_of_scope' });

  const elsewhere = await s.query<{ row_no: number; id_number: string; household_no: string; visible: boolean }>(
    `SELECT s.row_no, s.id_number, h.household_no, (h.village_code LIKE $1) AS visible
     FROM import_stage s JOIN person p ON p.id_number = s.id_number JOIN household h ON h.id = p.household_id
     WHERE s.kind = 'P' AND h.household_no <> s.household_no
       AND NOT EXISTS (SELECT 1 FROM import_stage x WHERE x.kind = 'H' AND x.household_no = h.household_no)
     ORDER BY s.row_no LIMIT $2`,
    [like, limit],
  );
  for (const r of elsewhere.rows) {
    problems.push(
      r.visible
        ? { table: 'people', row: r.row_no, column: 'id_number', value: r.id_number, code: 'import.row.id_in_other_household', params: { householdNo: r.household_no } }
        : { table: 'people', row: r.row_no, column: 'id_number', value: r.id_number, code: 'import.row.id_in_hidden_household' },
    );
  }

  const orphan = await s.query<{ row_no: number; household_no: string }>(
    `SELECT s.row_no, s.household_no FROM import_stage s
     WHERE s.kind = 'I'
       AND NOT EXISTS (SELECT 1 FROM import_stage x WHERE x.kind = 'H' AND x.household_no = s.household_no)
       AND NOT EXISTS (SELECT 1 FROM household h WHERE h.household_no = s.household_no AND h.village_code LIKE $1)
     ORDER BY s.row_no LIMIT $2`,
    [like, limit],
  );
  for (const r of orphan.rows) problems.push({ table: 'incomes', row: r.row_no, column: 'household_no', value: r.household_no, code: 'import.row.income_household_unknown' });

  const dup = await s.query<{ row_no: number; year: number; first_row: number }>(
    `WITH d AS (SELECT household_no, year, min(row_no) AS first_row FROM import_stage WHERE kind = 'I'
                GROUP BY household_no, year HAVING count(*) > 1)
     SELECT s.row_no, s.year, d.first_row FROM import_stage s JOIN d ON d.household_no = s.household_no AND d.year = s.year
     WHERE s.kind = 'I' AND s.row_no <> d.first_row ORDER BY s.row_no LIMIT $1`,
    [limit],
  );
  for (const r of dup.rows) problems.push({ table: 'incomes', row: r.row_no, column: 'year', value: String(r.year), code: 'import.row.income_duplicate', params: { firstRow: r.first_row } });
  return problems;
}

export interface ChangeCounts {
  households: { inserted: number; updated: number; unchanged: number };
  persons: { inserted: number; updated: number; unchanged: number; removed: number };
  incomes: { inserted: number; updated: number; unchanged: number };
}

const PERSON_FIELDS = [
  'name', 'gender', 'birth_date', 'relation', 'ethnicity', 'education', 'student_status', 'health_status', 'labor_skill',
  'migrant_months', 'migrant_place', 'has_medical_insurance', 'has_pension_insurance', 'is_dibao', 'is_tekun', 'public_welfare_job',
];
const INCOME_FIELDS = ['wage_fen', 'operating_fen', 'property_fen', 'transfer_fen', 'production_cost_fen', 'out_of_pocket_medical_fen'];

/**
 * Compares the staged rows with the database (existing rows only, so a first import of a fresh
 * county does almost no work here) and counts what a commit would insert, update or leave alone.
 */
export async function classifyChanges(s: RawSession): Promise<ChangeCounts> {
  await s.exec(`
    CREATE TEMP TABLE imp_h ON COMMIT DROP AS
    SELECT s.household_no, h.id AS household_id,
      (h.village_code, h.household_type, h.is_relocated, h.address, h.phone)
        IS DISTINCT FROM (s.village_code, s.household_type, s.is_relocated, s.address, s.phone) AS fields_changed,
      jsonb_build_object('village_code', h.village_code, 'household_type', h.household_type, 'is_relocated', h.is_relocated,
                         'address', h.address, 'phone', h.phone, 'version', h.version) AS before
    FROM import_stage s JOIN household h ON h.household_no = s.household_no WHERE s.kind = 'H';

    CREATE TEMP TABLE imp_p ON COMMIT DROP AS
    SELECT p.id, s.id_number, p.household_id AS old_household_id, s.household_no,
      (oh.household_no, p.village_code, ${PERSON_FIELDS.map((f) => `p.${f}`).join(', ')})
        IS DISTINCT FROM (s.household_no, s.village_code, ${PERSON_FIELDS.map((f) => `s.${f}`).join(', ')}) AS changed
    FROM import_stage s JOIN person p ON p.id_number = s.id_number JOIN household oh ON oh.id = p.household_id
    WHERE s.kind = 'P';

    CREATE TEMP TABLE imp_removed ON COMMIT DROP AS
    SELECT p.id, p.household_id FROM imp_h ih JOIN person p ON p.household_id = ih.household_id
    WHERE NOT EXISTS (SELECT 1 FROM imp_p e WHERE e.id = p.id);

    -- existing households that will be updated, and why
    CREATE TEMP TABLE imp_touched ON COMMIT DROP AS
    SELECT household_no, 'household'::text AS part FROM imp_h WHERE fields_changed
    UNION SELECT s.household_no, 'members' FROM import_stage s JOIN imp_h ih ON ih.household_no = s.household_no
      WHERE s.kind = 'P' AND NOT EXISTS (SELECT 1 FROM imp_p e WHERE e.id_number = s.id_number)
    UNION SELECT household_no, 'members' FROM imp_p WHERE changed
    UNION SELECT h.household_no, 'members' FROM imp_p e JOIN household h ON h.id = e.old_household_id WHERE e.changed
    UNION SELECT h.household_no, 'members' FROM imp_removed r JOIN household h ON h.id = r.household_id;

    CREATE TEMP TABLE imp_size ON COMMIT DROP AS
    SELECT household_no, count(*)::int AS size FROM import_stage WHERE kind = 'P' GROUP BY household_no;

    CREATE TEMP TABLE imp_i ON COMMIT DROP AS
    SELECT s.household_no, s.year, ${INCOME_FIELDS.map((f) => `s.${f}`).join(', ')},
      CASE WHEN r.id IS NULL THEN COALESCE(z.size, (SELECT count(*) FROM person px WHERE px.household_id = h.id))::smallint END AS household_size,
      r.id AS existing_id,
      (r.id IS NOT NULL AND (${INCOME_FIELDS.map((f) => `r.${f}`).join(', ')})
        IS DISTINCT FROM (${INCOME_FIELDS.map((f) => `s.${f}`).join(', ')})) AS changed
    FROM import_stage s
    LEFT JOIN imp_size z ON z.household_no = s.household_no
    LEFT JOIN household h ON h.household_no = s.household_no
    LEFT JOIN income_record r ON r.household_id = h.id AND r.year = s.year
    WHERE s.kind = 'I';
  `);
  // Temporary tables are never auto-analysed; without statistics the planner picked nested loops over
  // 1M-row tables for the change-log insert (minutes instead of a second) at full scale.
  await s.exec('ANALYZE imp_h, imp_p, imp_removed, imp_touched, imp_size, imp_i');
  const { rows } = await s.query<Record<string, number>>(`
    SELECT
      (SELECT count(*) FROM import_stage WHERE kind = 'H') AS h_total,
      (SELECT count(*) FROM imp_h) AS h_existing,
      (SELECT count(DISTINCT household_no) FROM imp_touched) AS h_updated,
      (SELECT count(*) FROM import_stage WHERE kind = 'P') AS p_total,
      (SELECT count(*) FROM imp_p) AS p_existing,
      (SELECT count(*) FROM imp_p WHERE changed) AS p_updated,
      (SELECT count(*) FROM imp_removed) AS p_removed,
      (SELECT count(*) FROM imp_i) AS i_total,
      (SELECT count(*) FROM imp_i WHERE existing_id IS NOT NULL) AS i_existing,
      (SELECT count(*) FROM imp_i WHERE changed) AS i_updated`);
  const c = rows[0];
  return {
    households: { inserted: c.h_total - c.h_existing, updated: c.h_updated, unchanged: c.h_existing - c.h_updated },
    persons: { inserted: c.p_total - c.p_existing, updated: c.p_updated, unchanged: c.p_existing - c.p_updated, removed: c.p_removed },
    incomes: { inserted: c.i_total - c.i_existing, updated: c.i_updated, unchanged: c.i_existing - c.i_updated },
  };
}

/**
 * Runs the writes for a non-system actor as the row-level-security role (0002_access.sql): the
 * checks above ran as the connecting user so they could see conflicts outside the scope.
 */
export async function enterActorScope(s: RawSession, scopePrefix: string): Promise<void> {
  await s.exec(`GRANT SELECT ON ${TEMP_TABLES.join(', ')} TO ruralbridge_app`);
  await s.query(`SELECT set_config('ruralbridge.scope', $1, true), set_config('role', 'ruralbridge_app', true)`, [scopePrefix]);
}

export async function leaveActorScope(s: RawSession): Promise<void> {
  await s.exec('RESET ROLE');
}

/** Writes what classifyChanges found; only rows that differ are touched. */
export async function applyChanges(s: RawSession, at: Date): Promise<void> {
  const now = at.toISOString();
  // Households: new ones and those whose fields or members change (version and updated_at move only then).
  await s.query(
    `INSERT INTO household (county_code, village_code, household_no, household_type, address, phone, is_relocated, created_at, updated_at)
     SELECT left(s.village_code, 6), s.village_code, s.household_no, s.household_type, s.address, s.phone, s.is_relocated, $1, $1
     FROM import_stage s
     LEFT JOIN imp_h e ON e.household_no = s.household_no
     LEFT JOIN (SELECT DISTINCT household_no FROM imp_touched) t ON t.household_no = s.household_no
     WHERE s.kind = 'H' AND (e.household_no IS NULL OR t.household_no IS NOT NULL)
     ON CONFLICT (household_no) DO UPDATE SET
       county_code = EXCLUDED.county_code, village_code = EXCLUDED.village_code, household_type = EXCLUDED.household_type,
       address = EXCLUDED.address, phone = EXCLUDED.phone, is_relocated = EXCLUDED.is_relocated,
       version = household.version + 1, updated_at = EXCLUDED.updated_at`,
    [now],
  );
  // Records that copy the village code follow a household that moved village.
  for (const table of ['income_record', 'guarantee_status']) {
    await s.exec(`
      UPDATE ${table} r SET village_code = h.village_code, county_code = h.county_code
      FROM imp_h e JOIN household h ON h.id = e.household_id
      WHERE e.fields_changed AND r.household_id = h.id AND r.village_code <> h.village_code`);
  }
  // People: the file is the household's roster. Members no longer listed leave; changed heads step
  // down first so the one-head index holds at every row; then updates and inserts.
  await s.exec(`DELETE FROM person WHERE id IN (SELECT id FROM imp_removed)`);
  await s.exec(`UPDATE person p SET relation = 'OTHER' FROM imp_p e WHERE p.id = e.id AND e.changed AND p.relation = 'HEAD'`);
  await s.exec(`
    UPDATE person p SET household_id = h.id, county_code = h.county_code, village_code = h.village_code,
      ${PERSON_FIELDS.map((f) => `${f} = s.${f}`).join(', ')}
    FROM imp_p e JOIN import_stage s ON s.kind = 'P' AND s.id_number = e.id_number JOIN household h ON h.household_no = s.household_no
    WHERE p.id = e.id AND e.changed`);
  await s.exec(`
    INSERT INTO person (household_id, county_code, village_code, id_number, ${PERSON_FIELDS.join(', ')})
    SELECT h.id, h.county_code, h.village_code, s.id_number, ${PERSON_FIELDS.map((f) => `s.${f}`).join(', ')}
    FROM import_stage s JOIN household h ON h.household_no = s.household_no
    WHERE s.kind = 'P' AND NOT EXISTS (SELECT 1 FROM imp_p e WHERE e.id_number = s.id_number)`);
  // Incomes: upsert by (household, year); years not in the file are kept. household_size is the
  // roster size when the record is first written and is not recomputed later (the file has no such
  // column, and a later roster change should not rewrite an earlier year).
  await s.exec(`
    UPDATE income_record r SET ${INCOME_FIELDS.map((f) => `${f} = i.${f}`).join(', ')}
    FROM imp_i i WHERE r.id = i.existing_id AND i.changed`);
  await s.exec(`
    INSERT INTO income_record (household_id, county_code, village_code, year, household_size, ${INCOME_FIELDS.join(', ')})
    SELECT h.id, h.county_code, h.village_code, i.year,
      COALESCE(i.household_size, (SELECT count(*) FROM person px WHERE px.household_id = h.id))::smallint,
      ${INCOME_FIELDS.map((f) => `i.${f}`).join(', ')}
    FROM imp_i i JOIN household h ON h.household_no = i.household_no WHERE i.existing_id IS NULL`);
}

/** Rows written by an import from which the registry tables are analysed again (analyzeRegistry). */
export const ANALYZE_AFTER_ROWS = 1000;

/**
 * Fresh planner statistics for the registry tables after a large write. PGlite runs no autovacuum,
 * and a server's comes only later: until then the planner takes a county for a few rows and picks
 * nested loops over all its households (the demo county's full sweep took 171 s instead of about 1 s).
 */
export async function analyzeRegistry(s: RawSession): Promise<void> {
  await s.exec('ANALYZE household, person, income_record, guarantee_status');
}

/** Rows an import inserts, updates or removes, from classifyChanges' counts. */
export function rowsWritten(c: ChangeCounts): number {
  return c.households.inserted + c.households.updated + c.persons.inserted + c.persons.updated + c.persons.removed + c.incomes.inserted + c.incomes.updated;
}

export interface ImportRecord {
  at: Date;
  actorId: number | null;
  actorName: string;
  scopeCode: string;
  fileName: string;
  fileSha256: string;
  incomesFileName: string | null;
  incomesSha256: string | null;
  summary: unknown;
}

/** The import row and one change row per household it inserted or changed (the households' history). */
export async function recordImport(s: RawSession, r: ImportRecord): Promise<number> {
  const { rows } = await s.query<{ id: number }>(
    `INSERT INTO registry_import (at, actor_id, actor_name, scope_code, file_name, file_sha256, incomes_file_name, incomes_sha256, summary)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [r.at.toISOString(), r.actorId, r.actorName, r.scopeCode, r.fileName, r.fileSha256, r.incomesFileName, r.incomesSha256, JSON.stringify(r.summary)],
  );
  const id = rows[0].id;
  await s.query(
    `INSERT INTO registry_import_change (import_id, household_id, county_code, village_code, change, parts, before)
     SELECT $1, h.id, h.county_code, h.village_code, 'insert', ARRAY['household', 'members'], NULL
     FROM import_stage s JOIN household h ON h.household_no = s.household_no
     WHERE s.kind = 'H' AND NOT EXISTS (SELECT 1 FROM imp_h e WHERE e.household_no = s.household_no)`,
    [id],
  );
  await s.query(
    `INSERT INTO registry_import_change (import_id, household_id, county_code, village_code, change, parts, before)
     SELECT $1, h.id, h.county_code, h.village_code, 'update', c.parts, CASE WHEN e.fields_changed THEN e.before END
     FROM (SELECT household_no, array_agg(DISTINCT part ORDER BY part) AS parts FROM (
             SELECT household_no, part FROM imp_touched
             UNION ALL SELECT i.household_no, 'incomes' FROM imp_i i
               LEFT JOIN imp_h e ON e.household_no = i.household_no
               LEFT JOIN imp_size z ON z.household_no = i.household_no
               WHERE (i.changed OR i.existing_id IS NULL) AND (e.household_no IS NOT NULL OR z.household_no IS NULL)) x
           GROUP BY household_no) c
     JOIN household h ON h.household_no = c.household_no
     LEFT JOIN imp_h e ON e.household_no = c.household_no
     LEFT JOIN import_stage s ON s.kind = 'H' AND s.household_no = c.household_no
     WHERE e.household_id IS NOT NULL OR s.household_no IS NULL`,
    [id],
  );
  return id;
}

import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Store } from '../../../platform/db.js';
import type { DivisionKey, DivisionLevel } from '../domain/division-code.js';
import type { DivisionRow } from '../domain/division-rows.js';

/** Reads and writes the `division` table (owner: divisions). Row types stay in this file. */
export interface Division {
  code: string;
  prefix: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
}

type Db = Kysely<Database>;
type Row = Database['division'];

const toDivision = (r: Pick<Row, 'code' | 'prefix' | 'name' | 'level' | 'parent_code'>): Division => ({
  code: r.code,
  prefix: r.prefix,
  name: r.name,
  level: r.level as DivisionLevel,
  parentCode: r.parent_code,
});

const COLUMNS = ['code', 'prefix', 'name', 'level', 'parent_code'] as const;

export async function findDivision(db: Db, key: DivisionKey): Promise<Division | null> {
  const q = db.selectFrom('division').select(COLUMNS);
  const row = await (key.by === 'code' ? q.where('code', '=', key.code) : q.where('prefix', '=', key.prefix)).executeTakeFirst();
  return row ? toDivision(row) : null;
}

export async function findByPrefixes(db: Db, prefixes: string[]): Promise<Division[]> {
  if (prefixes.length === 0) return [];
  const rows = await db.selectFrom('division').select(COLUMNS).where('prefix', 'in', prefixes).orderBy('level').execute();
  return rows.map(toDivision);
}

export async function countChildren(db: Db, code: string): Promise<number> {
  const r = await db.selectFrom('division').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_code', '=', code).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listChildren(db: Db, code: string): Promise<Array<Division & { childCount: number }>> {
  const rows = await db
    .selectFrom('division as d')
    .select(['d.code', 'd.prefix', 'd.name', 'd.level', 'd.parent_code'])
    .select((eb) => eb.selectFrom('division as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.parent_code', '=', 'd.code').as('child_count'))
    .where('d.parent_code', '=', code)
    .orderBy('d.code')
    .execute();
  return rows.map((r) => ({ ...toDivision(r), childCount: Number(r.child_count ?? 0) }));
}

/** Divisions at the top of the tree (provinces). */
export async function listRoots(db: Db): Promise<Array<Division & { childCount: number }>> {
  const rows = await db
    .selectFrom('division as d')
    .select(['d.code', 'd.prefix', 'd.name', 'd.level', 'd.parent_code'])
    .select((eb) => eb.selectFrom('division as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.parent_code', '=', 'd.code').as('child_count'))
    .where('d.parent_code', 'is', null)
    .orderBy('d.code')
    .execute();
  return rows.map((r) => ({ ...toDivision(r), childCount: Number(r.child_count ?? 0) }));
}

/** Counts of the divisions below a prefix, by level (uses the text_pattern_ops index on prefix). */
export async function countSubtreeByLevel(db: Db, prefix: string): Promise<Partial<Record<DivisionLevel, number>>> {
  const rows = await db
    .selectFrom('division')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('prefix', 'like', `${prefix}%`)
    .where('prefix', '!=', prefix)
    .groupBy('level')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]));
}

/** The divisions below a prefix at the given levels, in code order. */
export async function listSubtree(db: Db, prefix: string, levels: DivisionLevel[]): Promise<Division[]> {
  const rows = await db
    .selectFrom('division')
    .select(COLUMNS)
    .where('prefix', 'like', `${prefix}%`)
    .where('level', 'in', levels)
    .orderBy('code')
    .execute();
  return rows.map(toDivision);
}

/** Name search (substring; division_name_trgm serves 3+ characters, division_name_chars 1–2), optionally inside a subtree; shallow levels and short names first. */
export async function searchDivisionsByName(db: Db, text: string, withinPrefix: string, limit: number): Promise<Division[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let q = db.selectFrom('division').select(COLUMNS).where('name', 'like', pattern);
  // One or two characters make no trigram: the index over the name's characters serves them (0016).
  const chars = [...text];
  if (chars.length <= 2) q = q.where(sql<boolean>`string_to_array(name, NULL) @> ${chars}::text[]`);
  if (withinPrefix) q = q.where('prefix', 'like', `${withinPrefix}%`);
  const rows = await q.orderBy('level').orderBy(sql`length(name)`).orderBy('code').limit(limit).execute();
  return rows.map(toDivision);
}

export interface UpsertReport {
  staged: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Upserts rows in one transaction: COPY into a temporary staging table, then one
 * INSERT ... ON CONFLICT DO UPDATE that touches only rows whose content changed (so a reload of the
 * same data writes nothing). Parents and children go in the same statement, so foreign keys hold
 * at its end whatever the order. Flags set by other modules are kept.
 */
export async function upsertDivisions(store: Store, rows: AsyncIterable<DivisionRow>, onUpsert?: () => void): Promise<UpsertReport> {
  return store.bulk(async (s) => {
    await s.exec(
      'CREATE TEMP TABLE division_stage (code text NOT NULL, prefix text NOT NULL, name text NOT NULL, level smallint NOT NULL, parent_code text) ON COMMIT DROP',
    );
    async function* tuples() {
      for await (const r of rows) yield [r.code, r.prefix, r.name, r.level, r.parentCode];
    }
    const staged = await s.copyRows('division_stage', [...COLUMNS], tuples());
    onUpsert?.();
    const before = await s.query<{ n: number }>('SELECT count(*)::int AS n FROM division');
    const written = await s.query(
      `INSERT INTO division (code, prefix, name, level, parent_code)
       SELECT code, prefix, name, level, parent_code FROM division_stage ORDER BY level, code
       ON CONFLICT (code) DO UPDATE SET prefix = excluded.prefix, name = excluded.name, level = excluded.level, parent_code = excluded.parent_code
       WHERE (division.prefix, division.name, division.level, division.parent_code)
             IS DISTINCT FROM (excluded.prefix, excluded.name, excluded.level, excluded.parent_code)`,
    );
    const after = await s.query<{ n: number }>('SELECT count(*)::int AS n FROM division');
    // Fresh statistics, or the planner keeps treating a table that just grew to 665k rows as tiny
    // (children-with-counts went from 1.4 s to 15 ms on the national table).
    if (written.rowCount > 0) await s.exec('ANALYZE division');
    const inserted = after.rows[0].n - before.rows[0].n;
    const updated = written.rowCount - inserted;
    return { staged, inserted, updated, unchanged: staged - inserted - updated };
  });
}

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** Reads and writes `evaluation_spec` (owner: evaluation). Row types stay in this file. */
type Db = Kysely<Database> | Transaction<Database>;

export interface StoredSpec {
  scopeCode: string;
  spec: unknown;
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

/** The county's own spec, else the national ('') one, else null (the shipped default applies). */
export async function findSpec(db: Db, kind: 'mpi', countyCode: string): Promise<StoredSpec | null> {
  const rows = await db
    .selectFrom('evaluation_spec')
    .select(['scope_code', 'spec', 'version', 'updated_at', 'updated_by_name'])
    .where('kind', '=', kind)
    .where('scope_code', 'in', countyCode ? ['', countyCode] : [''])
    .execute();
  const row = rows.find((r) => r.scope_code === countyCode) ?? rows.find((r) => r.scope_code === '');
  return row ? { scopeCode: row.scope_code, spec: row.spec, version: row.version, updatedAt: new Date(row.updated_at), updatedBy: row.updated_by_name } : null;
}

/** Inserts or replaces the spec of one scope; returns the previous one (for the audit) and the new version. */
export async function upsertSpec(
  trx: Transaction<Database>,
  v: { kind: 'mpi'; scopeCode: string; spec: unknown; updatedBy: number | null; updatedByName: string; at: Date },
): Promise<{ before: { spec: unknown; version: number } | null; version: number }> {
  const before = await trx
    .selectFrom('evaluation_spec')
    .select(['spec', 'version'])
    .where('kind', '=', v.kind)
    .where('scope_code', '=', v.scopeCode)
    .forUpdate()
    .executeTakeFirst();
  const { version } = await trx
    .insertInto('evaluation_spec')
    .values({ kind: v.kind, scope_code: v.scopeCode, spec: JSON.stringify(v.spec), updated_by: v.updatedBy, updated_by_name: v.updatedByName, updated_at: v.at })
    .onConflict((oc) =>
      oc.columns(['kind', 'scope_code']).doUpdateSet((eb) => ({
        spec: eb.ref('excluded.spec'),
        version: eb(eb.ref('evaluation_spec.version'), '+', 1),
        updated_by: eb.ref('excluded.updated_by'),
        updated_by_name: eb.ref('excluded.updated_by_name'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .returning('version')
    .executeTakeFirstOrThrow();
  return { before: before ? { spec: before.spec, version: before.version } : null, version };
}

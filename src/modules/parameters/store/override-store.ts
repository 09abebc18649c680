import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { OverrideValue } from '../domain/resolve.js';

/** Owns table parameter_override. */
type Db = Kysely<Database> | Transaction<Database>;

export interface OverrideRecord extends OverrideValue {
  id: number;
  parameterId: string;
  createdByName: string;
  createdAt: string;
}

export async function loadOverrides(db: Db, parameterIds: readonly string[], scopeCodes?: readonly string[]): Promise<OverrideRecord[]> {
  if (parameterIds.length === 0) return [];
  let q = db.selectFrom('parameter_override').selectAll().where('parameter_id', 'in', parameterIds);
  if (scopeCodes) {
    if (scopeCodes.length === 0) return [];
    q = q.where('scope_code', 'in', scopeCodes);
  }
  const rows = await q.orderBy('parameter_id').orderBy('scope_code').orderBy('effective_from').execute();
  return rows.map((r) => ({
    id: r.id,
    parameterId: r.parameter_id,
    scopeCode: r.scope_code,
    effectiveFrom: r.effective_from,
    value: Number(r.value),
    docNo: r.doc_no,
    docTitle: r.doc_title,
    createdByName: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

export async function upsertOverride(
  trx: Transaction<Database>,
  o: { parameterId: string; scopeCode: string; effectiveFrom: string; value: number; docNo: string; docTitle: string; createdBy: number | null; createdByName: string; at: Date },
): Promise<{ id: number; before: OverrideRecord | null }> {
  const prev = await trx
    .selectFrom('parameter_override')
    .selectAll()
    .where('parameter_id', '=', o.parameterId)
    .where('scope_code', '=', o.scopeCode)
    .where('effective_from', '=', o.effectiveFrom)
    .forUpdate()
    .executeTakeFirst();
  const row = await trx
    .insertInto('parameter_override')
    .values({
      parameter_id: o.parameterId,
      scope_code: o.scopeCode,
      effective_from: o.effectiveFrom,
      value: o.value,
      doc_no: o.docNo,
      doc_title: o.docTitle,
      created_by: o.createdBy,
      created_by_name: o.createdByName,
      created_at: o.at,
    })
    .onConflict((oc) =>
      oc.columns(['parameter_id', 'scope_code', 'effective_from']).doUpdateSet({
        value: o.value,
        doc_no: o.docNo,
        doc_title: o.docTitle,
        created_by: o.createdBy,
        created_by_name: o.createdByName,
        created_at: o.at,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  const before = prev
    ? { id: prev.id, parameterId: prev.parameter_id, scopeCode: prev.scope_code, effectiveFrom: prev.effective_from, value: Number(prev.value), docNo: prev.doc_no, docTitle: prev.doc_title, createdByName: prev.created_by_name, createdAt: new Date(prev.created_at).toISOString() }
    : null;
  return { id: row.id, before };
}

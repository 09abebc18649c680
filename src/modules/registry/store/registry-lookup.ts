import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * The only registry reads that ignore the caller's scope, run as the connecting (system) user
 * before the caller's own transaction. They answer uniqueness and existence questions the database
 * enforces globally anyway (a unique household number, a person in one household) and tell whether
 * an out-of-scope household exists so the refusal can be audited. They return codes and ids only,
 * never names or ID numbers, and callers never show an out-of-scope household's number.
 */
export async function findIdNumberHolders(db: Kysely<Database>, idNumbers: string[]): Promise<{ idNumber: string; personId: number; householdId: number; villageCode: string }[]> {
  if (idNumbers.length === 0) return [];
  const rows = await db.selectFrom('person').select(['id_number', 'id', 'household_id', 'village_code']).where('id_number', 'in', idNumbers).execute();
  return rows.map((r) => ({ idNumber: r.id_number, personId: r.id, householdId: r.household_id, villageCode: r.village_code }));
}

export async function findHouseholdNoOwner(db: Kysely<Database>, householdNo: string): Promise<{ id: number; villageCode: string } | null> {
  const r = await db.selectFrom('household').select(['id', 'village_code']).where('household_no', '=', householdNo).executeTakeFirst();
  return r ? { id: r.id, villageCode: r.village_code } : null;
}

/** The village of a household wherever it is (for auditing a refused access), or null. */
export async function findHouseholdVillage(db: Kysely<Database>, id: number): Promise<string | null> {
  const r = await db.selectFrom('household').select('village_code').where('id', '=', id).executeTakeFirst();
  return r?.village_code ?? null;
}

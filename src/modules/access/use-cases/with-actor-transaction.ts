import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../domain/actor.js';

/**
 * Every read or write of personal data runs here: one transaction that carries the actor's scope.
 * The query code adds `village_code LIKE scopePattern(actor)`; on PostgreSQL row-level security
 * repeats the same rule as a second fence (see the access migration).
 */
export async function withActorTransaction<T>(db: Kysely<Database>, actor: Actor, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => work(trx));
}

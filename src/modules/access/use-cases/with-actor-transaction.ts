import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../domain/actor.js';

/** The NOLOGIN role a person's transaction runs as, so row-level security applies (0002_access.sql). */
export const APP_ROLE = 'ruralbridge_app';

/**
 * Every read or write of personal data runs here: one transaction that carries the actor's scope.
 * The query code adds `village_code LIKE scopePattern(actor)`; on PostgreSQL row-level security
 * repeats the same rule as a second fence: for a person (not the system actor) the transaction
 * switches to the role `ruralbridge_app` and sets `ruralbridge.scope` to the actor's prefix, both
 * local to the transaction. The system actor (CLI, seeding, sweeps) keeps the connecting user,
 * which bypasses the policies.
 */
export async function withActorTransaction<T>(db: Kysely<Database>, actor: Actor, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    if (actor.role !== 'system') {
      await sql`SELECT set_config('ruralbridge.scope', ${actor.scopePrefix}, true), set_config('role', ${APP_ROLE}, true)`.execute(trx);
    }
    return work(trx);
  });
}

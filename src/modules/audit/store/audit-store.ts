import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../access/domain/actor.js';
import { chainHash, GENESIS_HASH, type ChainedFields } from '../domain/hash-chain.js';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  scopeCode?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Appends one event to the chain. Call it with the transaction that makes the change, so the
 * change and its record commit together. A transaction-scoped advisory lock orders writers.
 */
export async function recordAudit(trx: Transaction<Database>, actor: Actor, at: Date, input: AuditInput): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(7319001)`.execute(trx);
  const last = await trx.selectFrom('audit_event').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: ChainedFields = {
    at: at.toISOString(),
    actorId: actor.userId,
    actorName: actor.name,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId == null ? null : String(input.entityId),
    scopeCode: input.scopeCode ?? null,
    before: normalise(input.before),
    after: normalise(input.after),
    reason: input.reason ?? null,
  };
  await trx
    .insertInto('audit_event')
    .values({
      at: fields.at,
      actor_id: fields.actorId,
      actor_name: fields.actorName,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      scope_code: fields.scopeCode,
      before: fields.before === null ? null : JSON.stringify(fields.before),
      after: fields.after === null ? null : JSON.stringify(fields.after),
      reason: fields.reason,
      prev_hash: prevHash,
      hash: chainHash(prevHash, fields),
    })
    .execute();
}

/** What jsonb gives back is what we hash: round-trip through JSON so Dates and undefined settle first. */
function normalise(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

export async function* readChain(db: Db, batch = 5000) {
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_event').selectAll().where('seq', '>', after).orderBy('seq').limit(batch).execute();
    for (const r of rows) {
      yield {
        seq: r.seq,
        prevHash: r.prev_hash,
        hash: r.hash,
        at: new Date(r.at).toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        scopeCode: r.scope_code,
        before: r.before,
        after: r.after,
        reason: r.reason,
      };
    }
    if (rows.length < batch) return;
    after = rows[rows.length - 1].seq;
  }
}

import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Actor } from '../../access/domain/actor.js';
import { canonicalJson, type ChainedFields, type ChainEvent, type ChainHead } from '../domain/hash-chain.js';

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
 * change and its record commit together. Locking the chain head row orders writers, so seq order
 * is commit order; the head moves in the same transaction.
 *
 * One statement does it all (lock the head, insert the event hashed on the head's hash, move the
 * head), so the head stays locked for that statement and the commit only, not for round trips
 * from here: writers of a busy server queue on this lock. The hash is sha256 over the previous
 * hash and the event's canonical JSON, both UTF-8, computed by the server exactly as `chainHash`
 * does (the verifier recomputes it in JavaScript). `LIMIT 1` keeps the planner's
 * estimate at one event even before the head table has statistics (else it guesses thousands of
 * rows and starts JIT compilation: 20 ms).
 */
export async function recordAudit(trx: Transaction<Database>, actor: Actor, at: Date, input: AuditInput): Promise<void> {
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
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  const { rows } = await sql<{ seq: number }>`
    WITH head AS (SELECT hash FROM audit_chain_head LIMIT 1 FOR UPDATE),
    event AS (
      INSERT INTO audit_event (at, actor_id, actor_name, action, entity_type, entity_id, scope_code, before, after, reason, prev_hash, hash)
      SELECT ${fields.at}::timestamptz, ${fields.actorId}::bigint, ${fields.actorName}, ${fields.action}, ${fields.entityType}, ${fields.entityId},
             ${fields.scopeCode}, ${json(fields.before)}::jsonb, ${json(fields.after)}::jsonb, ${fields.reason}::text,
             head.hash, encode(sha256(convert_to(head.hash || ${canonicalJson(fields)}::text, 'UTF8')), 'hex')
      FROM head
      RETURNING seq, hash)
    UPDATE audit_chain_head SET seq = event.seq, hash = event.hash, events = events + 1 FROM event
    RETURNING event.seq`.execute(trx);
  if (rows.length === 0) throw new Error('the audit chain head is missing: run `ruralbridge audit verify`');
}

/** What jsonb gives back is what we hash: round-trip through JSON so Dates and undefined settle first. */
function normalise(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

export async function readChainHead(db: Db): Promise<ChainHead | null> {
  const r = await db.selectFrom('audit_chain_head').select(['seq', 'hash', 'events']).executeTakeFirst();
  return r ? { seq: Number(r.seq), hash: r.hash, events: Number(r.events) } : null;
}

/** Streams events with seq > `afterSeq` in ascending order, `batch` rows per query (keyset paging). */
export async function* readChain(db: Db, afterSeq = 0, batch = 5000): AsyncGenerator<ChainEvent> {
  let after = afterSeq;
  for (;;) {
    const rows = await db.selectFrom('audit_event').selectAll().where('seq', '>', after).orderBy('seq').limit(batch).execute();
    for (const r of rows) yield toChainEvent(r);
    if (rows.length < batch) return;
    after = rows[rows.length - 1].seq;
  }
}

function toChainEvent(r: {
  seq: number; prev_hash: string; hash: string; at: Date; actor_id: number | null; actor_name: string; action: string;
  entity_type: string; entity_id: string | null; scope_code: string | null; before: unknown; after: unknown; reason: string | null;
}): ChainEvent {
  return {
    seq: Number(r.seq),
    prevHash: r.prev_hash,
    hash: r.hash,
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id == null ? null : Number(r.actor_id),
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

export interface AuditFilter {
  /** Only events whose scope_code starts with this ('' = every event, including those without a scope). */
  scopePrefix: string;
  entityType?: string;
  entityId?: string;
  actorName?: string;
  action?: string;
  fromAt?: Date;
  /** Exclusive. */
  toAt?: Date;
}

export interface AuditRow {
  seq: number;
  at: Date;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  scopeCode: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

function filtered(db: Db, f: AuditFilter) {
  let q = db.selectFrom('audit_event');
  if (f.scopePrefix) q = q.where('scope_code', 'like', `${f.scopePrefix}%`);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.actorName) q = q.where(sql<boolean>`strpos(lower(actor_name), lower(${f.actorName})) > 0`);
  if (f.fromAt) q = q.where('at', '>=', f.fromAt);
  if (f.toAt) q = q.where('at', '<', f.toAt);
  return q;
}

/** One page of events, newest first, and the total matching. */
export async function listAuditRows(db: Db, f: AuditFilter, page: { offset: number; limit: number }): Promise<{ total: number; rows: AuditRow[] }> {
  const [{ total }] = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await filtered(db, f)
    .select(['seq', 'at', 'actor_name', 'action', 'entity_type', 'entity_id', 'scope_code', 'before', 'after', 'reason'])
    .orderBy('seq', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return {
    total: Number(total),
    rows: rows.map((r) => ({
      seq: Number(r.seq),
      at: new Date(r.at),
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      scopeCode: r.scope_code,
      before: r.before,
      after: r.after,
      reason: r.reason,
    })),
  };
}

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestStore } from '../../platform/testing/test-store.js';
import type { Store } from '../../platform/db.js';
import { FixedClock } from '../../platform/clock.js';
import { ConfigSchema } from '../../platform/config.js';
import { systemActor, withActorTransaction, type Actor } from '../access/index.js';
import { chainHash, GENESIS_HASH } from './domain/hash-chain.js';
import { auditDenied, listAuditEvents, recordAudit, verifyAuditChain } from './index.js';

const at = new Date('2026-01-02T03:04:05Z');
const cadre: Actor = { userId: 3, name: '王村干', role: 'village_cadre', scopePrefix: '520527100201' };

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => store.close());

describe('verifyAuditChain', () => {
  const record = (i: number, actor: Actor = systemActor('tester')) =>
    store.db.transaction().execute((trx) =>
      recordAudit(trx, actor, at, { action: 'household.update', entityType: 'household', entityId: i, scopeCode: '520527100201', before: { b: 1, a: [i] }, after: { a: 2 } }),
    );
  const seqs = async () => (await sql<{ seq: number }>`SELECT seq FROM audit_event ORDER BY seq`.execute(store.db)).rows.map((r) => Number(r.seq));

  beforeEach(async () => {
    await sql`DELETE FROM audit_event`.execute(store.db);
    await sql`UPDATE audit_chain_head SET seq = 0, hash = ${GENESIS_HASH}, events = 0`.execute(store.db);
    for (let i = 1; i <= 5; i++) await record(i);
  });

  it('verifies an intact chain and keeps the head on the last event', async () => {
    const s = await seqs();
    const report = await verifyAuditChain(store.db);
    expect(report.firstBreak).toBeNull();
    expect(report.events).toBe(5);
    expect(report.head).toMatchObject({ seq: s[4], events: 5 });
  });

  it('detects an edited row', async () => {
    const s = await seqs();
    await sql`UPDATE audit_event SET reason = 'tampered' WHERE seq = ${s[1]}`.execute(store.db);
    expect((await verifyAuditChain(store.db)).firstBreak).toMatchObject({ seq: s[1], problem: 'edited' });
  });

  it('detects a deleted middle row', async () => {
    const s = await seqs();
    await sql`DELETE FROM audit_event WHERE seq = ${s[2]}`.execute(store.db);
    expect((await verifyAuditChain(store.db)).firstBreak).toMatchObject({ seq: s[2], problem: 'deleted', lastGoodSeq: s[1] });
  });

  it('detects deleted last rows through the chain head', async () => {
    const s = await seqs();
    await sql`DELETE FROM audit_event WHERE seq >= ${s[3]}`.execute(store.db);
    expect((await verifyAuditChain(store.db)).firstBreak).toMatchObject({ seq: s[3], problem: 'deleted', lastGoodSeq: s[2] });
  });

  it('detects a row inserted in the middle, even with a correctly computed hash', async () => {
    // A rolled-back change leaves a gap in the sequence, which a forger could try to fill.
    await store.db
      .transaction()
      .execute(async (trx) => {
        await recordAudit(trx, systemActor('tester'), at, { action: 'x', entityType: 'x' });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await record(6);
    const s = await seqs();
    const gap = s[4] + 1;
    expect(s[5]).toBeGreaterThan(gap);
    const prev = (await sql<{ hash: string }>`SELECT hash FROM audit_event WHERE seq = ${s[4]}`.execute(store.db)).rows[0].hash;
    const fields = { at: at.toISOString(), actorId: null, actorName: 'forger', action: 'household.update', entityType: 'household', entityId: '9', scopeCode: null, before: null, after: null, reason: null };
    await sql`INSERT INTO audit_event (seq, at, actor_id, actor_name, action, entity_type, entity_id, prev_hash, hash)
      OVERRIDING SYSTEM VALUE VALUES (${gap}, ${at}, NULL, 'forger', 'household.update', 'household', '9', ${prev}, ${chainHash(prev, fields)})`.execute(store.db);
    expect((await verifyAuditChain(store.db)).firstBreak).toMatchObject({ seq: gap, problem: 'inserted', lastGoodSeq: s[4] });
  });

  it('detects a row appended behind the chain head', async () => {
    const s = await seqs();
    const prev = (await sql<{ hash: string }>`SELECT hash FROM audit_event WHERE seq = ${s[4]}`.execute(store.db)).rows[0].hash;
    const fields = { at: at.toISOString(), actorId: null, actorName: 'forger', action: 'x', entityType: 'x', entityId: null, scopeCode: null, before: null, after: null, reason: null };
    await sql`INSERT INTO audit_event (at, actor_name, action, entity_type, prev_hash, hash) VALUES (${at}, 'forger', 'x', 'x', ${prev}, ${chainHash(prev, fields)})`.execute(store.db);
    expect((await verifyAuditChain(store.db)).firstBreak).toMatchObject({ seq: s[4] + 1, problem: 'inserted' });
  });

  it('streams a chain longer than one read batch', async () => {
    for (let i = 6; i <= 23; i++) await record(i);
    expect(await verifyAuditChain(store.db, { batchSize: 4 })).toMatchObject({ events: 23, firstBreak: null });
    const s = await seqs();
    await sql`DELETE FROM audit_event WHERE seq = ${s[17]}`.execute(store.db);
    expect((await verifyAuditChain(store.db, { batchSize: 4 })).firstBreak).toMatchObject({ seq: s[17], problem: 'deleted' });
  });

  it('lets a scoped person append events through the application role', async () => {
    await withActorTransaction(store.db, cadre, (trx) => recordAudit(trx, cadre, at, { action: 'household.update', entityType: 'household', entityId: 1, scopeCode: cadre.scopePrefix }));
    expect((await verifyAuditChain(store.db)).firstBreak).toBeNull();
  });
});

describe('auditDenied', () => {
  it('records the refused attempt in its own transaction with the actor scope, surviving the refused work', async () => {
    const deps = { store, clock: new FixedClock('2026-03-01T00:00:00Z'), config: ConfigSchema.parse({}) };
    // The refused work rolls back; the denial is written afterwards, outside that transaction.
    await expect(
      withActorTransaction(store.db, cadre, async (trx) => {
        await sql`UPDATE household SET address = 'x'`.execute(trx);
        throw new Error('outside scope');
      }),
    ).rejects.toThrow('outside scope');
    await auditDenied(deps, cadre, { entityType: 'household', entityId: 42, reason: '超出管辖范围', attempted: 'household.read' });
    const page = await listAuditEvents(deps, systemActor(), { entityType: 'household', entityId: '42' });
    expect(page.items).toEqual([
      expect.objectContaining({ action: 'access.denied', actorName: '王村干', scopeCode: '520527100201', reason: '超出管辖范围', after: { attempted: 'household.read' } }),
    ]);
  });
});

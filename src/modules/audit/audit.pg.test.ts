import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestStore } from '../../platform/testing/test-store.js';
import type { Store } from '../../platform/db.js';
import { systemActor } from '../access/index.js';
import { recordAudit, verifyAuditChain } from './index.js';

describe('audit chain', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => store.close());

  it('verifies an intact chain and names the first edited event', async () => {
    const at = new Date('2026-01-02T03:04:05Z');
    for (let i = 1; i <= 3; i++) {
      await store.db.transaction().execute((trx) =>
        recordAudit(trx, systemActor('tester'), at, { action: 'update', entityType: 'household', entityId: i, before: { b: 1, a: [i] }, after: { a: 2 } }),
      );
    }
    expect(await verifyAuditChain(store.db)).toEqual({ events: 3, firstBreak: null });

    await sql`UPDATE audit_event SET reason = 'tampered' WHERE seq = 2`.execute(store.db);
    expect((await verifyAuditChain(store.db)).firstBreak).toEqual({ seq: 2, problem: 'edited' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../platform/db.js';
import { openTestStore } from '../../../platform/testing/test-store.js';
import { systemActor, withActorTransaction, type Actor } from '../../access/index.js';
import { reportClue } from '../store/clue-store.js';
import { insertTestHousehold, seedTestDivisions, TEST_VILLAGES } from '../testing.js';
import { closeClueIn, takeClueIntoCase } from './change-clue-status.js';
import { getClueIn } from './get-clue.js';

describe('takeClueIntoCase', () => {
  let store: Store;
  let clueId: number;
  const at = new Date('2025-06-01T02:00:00Z');
  const cadre: Actor = { userId: 1, name: '村干部', role: 'village_cadre', scopePrefix: TEST_VILLAGES[0] };
  const other: Actor = { userId: 2, name: '外村', role: 'village_cadre', scopePrefix: TEST_VILLAGES[1] };
  beforeAll(async () => {
    store = await openTestStore();
    await seedTestDivisions(store);
    const h = await insertTestHousehold(store, { villageCode: TEST_VILLAGES[0] });
    const r = await store.db.transaction().execute((trx) =>
      reportClue(trx, at, {
        householdId: h.id, personId: null, countyCode: '520527', villageCode: TEST_VILLAGES[0], riskType: 'ILLNESS', level: 'YELLOW',
        channel: 'CADRE_SCREENING', source: 'visit:1', sourceDept: null, ruleId: null, fingerprint: 'x',
        finding: { ruleId: 'visit', level: 'YELLOW', values: { note: 'sick' } },
      }),
    );
    clueId = r.id;
  });
  afterAll(async () => store.close());

  it('hides a clue outside the actor scope as not found', async () => {
    await expect(withActorTransaction(store.db, other, (trx) => getClueIn(trx, other, clueId))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('marks an open clue as taken into a case once, and refuses a second time with a conflict', async () => {
    await withActorTransaction(store.db, cadre, (trx) => takeClueIntoCase(trx, cadre, at, { clueId, caseId: 77, expectedVersion: 1 }));
    const clue = await withActorTransaction(store.db, cadre, (trx) => getClueIn(trx, cadre, clueId));
    expect(clue).toMatchObject({ status: 'IN_CASE', caseId: 77, version: 2, sources: [{ channel: 'CADRE_SCREENING', source: 'visit:1' }] });
    await expect(withActorTransaction(store.db, cadre, (trx) => takeClueIntoCase(trx, cadre, at, { clueId, caseId: 78 }))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('closes a clue with a reason and writes the audit event', async () => {
    await withActorTransaction(store.db, cadre, (trx) => closeClueIn(trx, cadre, at, { clueId, reason: 'case rejected', expectedVersion: 2 }));
    const clue = await withActorTransaction(store.db, systemActor(), (trx) => getClueIn(trx, systemActor(), clueId));
    expect(clue).toMatchObject({ status: 'CLOSED', closedReason: 'case rejected' });
    const audit = await store.db.selectFrom('audit_event').select('action').where('entity_type', '=', 'risk_clue').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['monitoring.clue.take_into_case', 'monitoring.clue.close']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Store } from '../../../platform/db.js';
import { FixedClock, toLocalDate } from '../../../platform/clock.js';
import { ConfigSchema } from '../../../platform/config.js';
import type { Deps } from '../../../platform/deps.js';
import { openTestStore } from '../../../platform/testing/test-store.js';
import { systemActor } from '../../access/index.js';
import { generateRegistry, seedTestDivisions, TEST_VILLAGES } from '../testing.js';
import { runSweep } from './run-sweep.js';

/** The daily sweep evaluates only what can have changed, and ends where a full sweep would. */
describe('runSweep, incremental', () => {
  let store: Store;
  let deps: Deps;
  let clock: FixedClock;
  const sweep = (full = false) => runSweep(deps, systemActor(), { asOf: toLocalDate(clock.now()), full });
  const openClues = async () =>
    (await sql<{ k: string }>`SELECT household_id || '|' || risk_type || '|' || fingerprint AS k FROM risk_clue WHERE status = 'OPEN' ORDER BY 1`.execute(store.db)).rows.map((r) => r.k);

  beforeAll(async () => {
    store = await openTestStore();
    await seedTestDivisions(store);
    clock = new FixedClock('2025-06-01T02:00:00Z');
    deps = { store, clock, config: ConfigSchema.parse({}) };
    await generateRegistry(store, { households: 300, villages: TEST_VILLAGES, seed: 0.3 });
    // The registry as it stood long before the first sweep.
    await sql`UPDATE household SET updated_at = '2025-01-01T00:00:00Z'`.execute(store.db);
  });
  afterAll(async () => store.close());

  it('evaluates a county in full on its first sweep, then only the households that can have changed', async () => {
    const first = await sweep();
    expect(first).toMatchObject({ fullCounties: 1, incrementalCounties: 0 });
    expect(first.cluesCreated).toBeGreaterThan(20);
    clock.advanceDays(1);
    const daily = await sweep();
    expect(daily).toMatchObject({ fullCounties: 0, incrementalCounties: 1, householdsReevaluated: 0, cluesCreated: 0, cluesUpdated: 0, cluesResolved: 0 });
  });

  it('re-evaluates a school drop-out on the day they leave the school ages', async () => {
    const [h] = (await sql<{ id: number; village_code: string }>`
      SELECT h.id, h.village_code FROM household h JOIN guarantee_status g ON g.household_id = h.id
      WHERE NOT g.dropout_child AND NOT EXISTS (SELECT 1 FROM risk_clue c WHERE c.household_id = h.id AND c.risk_type = 'EDUCATION') ORDER BY h.id LIMIT 1`.execute(store.db)).rows;
    clock.advanceDays(1);
    const sixteenTomorrow = `${Number(toLocalDate(clock.now()).slice(0, 4)) - 16}${toLocalDate(new Date(clock.now().getTime() + 86_400_000)).slice(4)}`;
    await sql`INSERT INTO person (household_id, county_code, village_code, name, id_number, gender, birth_date, relation, student_status, labor_skill)
              VALUES (${h.id}, '520527', ${h.village_code}, '测试', 'T00000000000000001', 'M', ${sixteenTomorrow}, 'CHILD', 'DROPPED_OUT', 'NONE')`.execute(store.db);
    await sql`UPDATE household SET updated_at = ${clock.now()} WHERE id = ${h.id}`.execute(store.db);
    expect((await sweep()).cluesCreated).toBe(1);
    const education = () => store.db.selectFrom('risk_clue').select('status').where('household_id', '=', h.id).where('risk_type', '=', 'EDUCATION').executeTakeFirstOrThrow();
    expect((await education()).status).toBe('OPEN');
    clock.advanceDays(1);
    const r = await sweep();
    expect(r).toMatchObject({ incrementalCounties: 1, householdsReevaluated: 1, cluesResolved: 1 });
    expect((await education()).status).toBe('CLOSED');
  });

  it('picks up a household changed in the registry and the villages of a new risk event', async () => {
    const [target] = (await sql<{ id: number }>`SELECT h.id FROM household h WHERE NOT EXISTS (SELECT 1 FROM risk_clue c WHERE c.household_id = h.id AND c.risk_type = 'INCOME_LOW') ORDER BY h.id LIMIT 1`.execute(store.db)).rows;
    clock.advanceDays(1);
    await sql`UPDATE income_record SET wage_fen = 1, operating_fen = 0, property_fen = 0, transfer_fen = 0 WHERE household_id = ${target.id} AND year = 2024`.execute(store.db);
    await sql`UPDATE household SET updated_at = ${clock.now()} WHERE id = ${target.id}`.execute(store.db);
    await sql`INSERT INTO risk_event (id, county_code, kind, subtype, title, occurred_on, severity, created_by_name, created_at)
              VALUES (801, '520527', 'NATURAL_DISASTER', 'FLOOD', '洪涝', ${toLocalDate(clock.now())}, 'RED', 't', ${clock.now()})`.execute(store.db);
    await sql`INSERT INTO risk_event_village VALUES (801, ${TEST_VILLAGES[1]})`.execute(store.db);
    const r = await sweep();
    expect(r.incrementalCounties).toBe(1);
    const inVillage = await sql<{ n: number }>`SELECT count(*)::int AS n FROM household WHERE village_code = ${TEST_VILLAGES[1]}`.execute(store.db);
    expect(r.householdsReevaluated).toBeGreaterThanOrEqual(inVillage.rows[0].n + 1);
    expect(r.householdsReevaluated).toBeLessThan(300);
    const clue = await store.db.selectFrom('risk_clue').select('level').where('household_id', '=', target.id).where('risk_type', '=', 'INCOME_LOW').where('status', '=', 'OPEN').executeTakeFirst();
    expect(clue?.level).toBe('RED');
    const disaster = await sql<{ n: number }>`SELECT count(*)::int AS n FROM risk_clue WHERE risk_type = 'NATURAL_DISASTER' AND status = 'OPEN' AND village_code = ${TEST_VILLAGES[1]}`.execute(store.db);
    expect(disaster.rows[0].n).toBe(inVillage.rows[0].n);
  });

  it('resolves the clues of an event on the day it leaves the window', async () => {
    const occurred = toLocalDate(new Date(clock.now().getTime() - 179 * 86_400_000));
    await sql`INSERT INTO risk_event (id, county_code, kind, subtype, title, occurred_on, severity, created_by_name, created_at)
              VALUES (802, '520527', 'NATURAL_DISASTER', 'DROUGHT', '旱灾', ${occurred}, 'YELLOW', 't', ${clock.now()})`.execute(store.db);
    await sql`INSERT INTO risk_event_village VALUES (802, ${TEST_VILLAGES[2]})`.execute(store.db);
    const inVillage = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM household WHERE village_code = ${TEST_VILLAGES[2]}`.execute(store.db)).rows[0].n);
    // (Also the village of yesterday's event: events recorded in the day before the last sweep count too.)
    expect((await sweep()).householdsReevaluated).toBeGreaterThanOrEqual(inVillage);
    const open = () => sql<{ n: number }>`SELECT count(*)::int AS n FROM risk_clue WHERE risk_type = 'NATURAL_DISASTER' AND status = 'OPEN' AND village_code = ${TEST_VILLAGES[2]}`.execute(store.db);
    expect((await open()).rows[0].n).toBe(inVillage);
    clock.advanceDays(2);
    const r = await sweep();
    expect(r).toMatchObject({ incrementalCounties: 1, cluesCreated: 0, cluesResolved: inVillage });
    expect((await open()).rows[0].n).toBe(0);
  });

  it('resolves the event clues when the event leaves the window, as a full sweep would', async () => {
    clock.advanceDays(200); // past the 180-day event window; also past the weekly full sweep
    const full = await sweep();
    expect(full.fullCounties).toBe(1);
    expect(full.cluesResolved).toBeGreaterThan(0);
    // Within the week: incremental again, and it ends exactly where a full sweep ends.
    clock.advanceDays(1);
    await sql`UPDATE income_record SET wage_fen = wage_fen + 5000000 WHERE year = 2024 AND household_id IN (SELECT household_id FROM risk_clue WHERE risk_type = 'INCOME_LOW' AND status = 'OPEN' ORDER BY household_id LIMIT 3)`.execute(store.db);
    await sql`UPDATE household SET updated_at = ${clock.now()} WHERE id IN (SELECT household_id FROM income_record WHERE wage_fen >= 5000000 AND year = 2024)`.execute(store.db);
    const daily = await sweep();
    expect(daily).toMatchObject({ incrementalCounties: 1 });
    expect(daily.cluesResolved).toBeGreaterThanOrEqual(3);
    const afterDaily = await openClues();
    const check = await sweep(true);
    expect(check).toMatchObject({ fullCounties: 1, cluesCreated: 0, cluesUpdated: 0, cluesResolved: 0 });
    expect(await openClues()).toEqual(afterDaily);
  });

  it('evaluates in full when the date goes back or the parameters change', async () => {
    clock.advanceDays(-3);
    expect((await sweep()).fullCounties).toBe(1);
    clock.advanceDays(1);
    expect((await sweep()).fullCounties).toBe(0);
    await sql`INSERT INTO parameter_override (parameter_id, scope_code, effective_from, value, doc_no, doc_title, created_by_name, created_at)
              VALUES ('monitoring.income-margin', '520527', '2020-01-01', 0.3, '测试〔2025〕1号', 'test', 't', now())`.execute(store.db);
    expect((await sweep()).fullCounties).toBe(1);
  });
});

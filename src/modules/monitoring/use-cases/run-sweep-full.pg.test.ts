import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Store } from '../../../platform/db.js';
import { FixedClock } from '../../../platform/clock.js';
import { ConfigSchema } from '../../../platform/config.js';
import type { Deps } from '../../../platform/deps.js';
import { openTestStore } from '../../../platform/testing/test-store.js';
import { systemActor } from '../../access/index.js';
import { buildClueDigestSql, buildFiringsSql, buildFullCheckSql, CHECK_BUCKETS, type CountyParams } from '../store/sweep-sql.js';
import { generateRegistry, seedTestDivisions, TEST_COUNTY, TEST_VILLAGES } from '../testing.js';
import { countyParams, runSweep } from './run-sweep.js';

const AS_OF = '2025-06-01';

/** The full sweep checks every household against its clues first, and ends where an evaluation of every household ends. */
describe('runSweep, full', () => {
  let store: Store;
  let deps: Deps;
  let params: CountyParams[];
  type Firing = { household_id: number; risk_type: string; level: string; fingerprint: string; explanation: unknown };
  const firings = async (p: CountyParams[] = params) =>
    (await sql.raw<Firing>(`SELECT household_id::int AS household_id, risk_type, level, fingerprint, explanation FROM (${buildFiringsSql(AS_OF, p, { scopePrefix: '' })}) x ORDER BY 1, 2`).execute(store.db)).rows;
  const openClues = async () =>
    (await sql<Firing>`SELECT household_id::int AS household_id, risk_type, level, fingerprint, explanation FROM risk_clue WHERE status = 'OPEN' ORDER BY 1, 2`.execute(store.db)).rows;

  beforeAll(async () => {
    store = await openTestStore();
    await seedTestDivisions(store);
    deps = { store, clock: new FixedClock(`${AS_OF}T02:00:00Z`), config: ConfigSchema.parse({}) };
    // Two runs of ids a bucket cycle apart, so that on a server, where the check runs in slices of
    // household ids, each bucket has households in both slices.
    await generateRegistry(store, { households: 400, villages: TEST_VILLAGES, seed: 0.41 });
    await sql.raw(`ALTER TABLE household ALTER COLUMN id RESTART WITH ${CHECK_BUCKETS + 1}`).execute(store.db);
    await generateRegistry(store, { households: 200, villages: TEST_VILLAGES, seed: 0.43, prefix: 'H' });
    await store.bulk(async (s) => {
      await s.query(`INSERT INTO risk_event (id, county_code, kind, subtype, title, occurred_on, severity, created_by_name, created_at) VALUES
        (911, '520527', 'NATURAL_DISASTER', 'FLOOD', '洪涝', '2025-05-20', 'RED', 't', now()),
        (912, '520527', 'MARKET_SHOCK', '半夏', '半夏价格下跌', '2025-03-01', 'YELLOW', 't', now())`);
      await s.query(`INSERT INTO risk_event_village VALUES (911, '${TEST_VILLAGES[0]}'), (912, '${TEST_VILLAGES[2]}')`);
    });
    params = await countyParams(store.db, [TEST_COUNTY], AS_OF);
  });
  afterAll(async () => store.close());

  it('the full check counts the findings and households of the firings, and its digests equal the clues\' after a sweep', async () => {
    type Row = { bucket: number; firings: number; households: number; digest: string | null };
    const check = async () => (await sql.raw<Row>(buildFullCheckSql(AS_OF, params, { scopePrefix: '' })).execute(store.db)).rows;
    const clueDigests = async () =>
      new Map((await sql.raw<{ bucket: number; digest: string }>(buildClueDigestSql({ scopePrefix: '' })).execute(store.db)).rows.map((r) => [r.bucket, r.digest]));
    const full = await firings();
    expect(full.some((f) => f.fingerprint.includes(';'))).toBe(true); // a risk with two rules firing together is covered
    expect(full.some((f) => f.fingerprint.includes('risk-event'))).toBe(true);
    const total = (rows: Row[], k: 'firings' | 'households') => rows.reduce((n, r) => n + r[k], 0);
    const before = await check();
    expect(total(before, 'firings')).toBe(full.length);
    expect(total(before, 'households')).toBe(new Set(full.map((f) => f.household_id)).size);
    // No clues yet: the buckets with a finding are those of the households with one.
    expect(new Set(before.map((r) => r.bucket))).toEqual(new Set(full.map((f) => f.household_id % CHECK_BUCKETS)));
    expect(await clueDigests()).toEqual(new Map());
    // After a sweep: every bucket's digest equals its clues'.
    await runSweep(deps, systemActor(), { asOf: AS_OF });
    const after = await check();
    const clues = await clueDigests();
    expect(after.filter((r) => r.digest !== clues.get(r.bucket))).toEqual([]);
    expect(clues.size).toBe(after.length);
    // A clue in a case keeps its finding out of the digest: the bucket then differs from the clues' by that finding alone.
    const inCase = full[0];
    await sql`UPDATE risk_clue SET status = 'IN_CASE' WHERE household_id = ${inCase.household_id} AND risk_type = ${inCase.risk_type}`.execute(store.db);
    const bucket = inCase.household_id % CHECK_BUCKETS;
    const [withCase, cluesWithCase] = [await check(), await clueDigests()];
    expect(withCase.filter((r) => r.digest !== (cluesWithCase.get(r.bucket) ?? '0')).map((r) => r.bucket)).toEqual([]);
    expect(withCase.find((r) => r.bucket === bucket)?.digest).not.toBe(after.find((r) => r.bucket === bucket)?.digest);
    await sql`DELETE FROM risk_clue`.execute(store.db);
    await sql`DELETE FROM monitoring_sweep_state`.execute(store.db);
  });

  it('joins each county to its own parameters when counties differ, with the same findings', async () => {
    const other: CountyParams = { countyCode: '520528', refYear: params[0].refYear - 1, values: { ...params[0].values, 'monitoring.income-margin': 0.9 } };
    expect(await firings([...params, other])).toEqual(await firings());
  });

  it('repairs clues that differ from the registry, whatever made them differ, and nothing else', async () => {
    const first = await runSweep(deps, systemActor(), { asOf: AS_OF });
    expect(first.cluesCreated).toBe(first.firings);
    const open = await openClues();
    const [changedIncome, deleted, tampered, relevelled] = [open[0], open[10], open[20], open[30]];
    // Changes the daily sweep cannot see (no updated_at), a clue lost, a clue altered, a stray clue.
    await sql`UPDATE income_record SET wage_fen = wage_fen + 100 WHERE household_id = ${changedIncome.household_id}`.execute(store.db);
    await sql`DELETE FROM risk_clue WHERE household_id = ${deleted.household_id} AND risk_type = ${deleted.risk_type}`.execute(store.db);
    await sql`UPDATE risk_clue SET fingerprint = 'x', explanation = '[]' WHERE household_id = ${tampered.household_id} AND risk_type = ${tampered.risk_type}`.execute(store.db);
    // The same facts at another level (as after a change of a level's parameter alone).
    await sql`UPDATE risk_clue SET level = ${relevelled.level === 'BLUE' ? 'RED' : 'BLUE'} WHERE household_id = ${relevelled.household_id} AND risk_type = ${relevelled.risk_type}`.execute(store.db);
    const stray = (await sql<{ id: number }>`SELECT h.id FROM household h WHERE NOT EXISTS (SELECT 1 FROM risk_clue c WHERE c.household_id = h.id AND c.risk_type = 'UNSAFE_HOUSING') ORDER BY h.id LIMIT 1`.execute(store.db)).rows[0];
    await sql`INSERT INTO risk_clue (household_id, county_code, village_code, risk_type, level, channel, source, rule_id, explanation, fingerprint, first_seen_at, last_seen_at, updated_at)
              SELECT id, county_code, village_code, 'UNSAFE_HOUSING', 'YELLOW', 'PLATFORM_ANALYSIS', 'sweep:unsafe-housing', 'unsafe-housing', '[]', 'y', now(), now(), now() FROM household WHERE id = ${stray.id}`.execute(store.db);

    const full = await runSweep(deps, systemActor(), { asOf: AS_OF, full: true });
    expect(full).toMatchObject({ fullCounties: 1, firings: first.firings, cluesCreated: 1, cluesResolved: 1 });
    expect(full.cluesUpdated).toBeGreaterThanOrEqual(2);
    // Only the households of the buckets that differ were evaluated again (two ids per bucket here).
    expect(full.householdsReevaluated).toBeGreaterThanOrEqual(5);
    expect(full.householdsReevaluated).toBeLessThanOrEqual(10);
    // Every OPEN clue is exactly the firing of its household and risk, explanation included.
    expect(await openClues()).toEqual(await firings());
    expect(await runSweep(deps, systemActor(), { asOf: AS_OF, full: true })).toMatchObject({ cluesCreated: 0, cluesUpdated: 0, cluesResolved: 0, firings: first.firings, householdsReevaluated: 0 });
    // A clue closed on the same facts (a cadre found no risk) is not raised again.
    await sql`UPDATE risk_clue SET status = 'CLOSED', closed_reason = 'no_risk' WHERE id = (SELECT min(id) FROM risk_clue WHERE status = 'OPEN')`.execute(store.db);
    expect(await runSweep(deps, systemActor(), { asOf: AS_OF, full: true })).toMatchObject({ cluesCreated: 0, cluesUpdated: 0, cluesResolved: 0, households: full.households, householdsReevaluated: 0 });
  });

  it('evaluates every household when most differ from their clues', async () => {
    await sql`DELETE FROM risk_clue`.execute(store.db);
    const full = await runSweep(deps, systemActor(), { asOf: AS_OF, full: true });
    expect(full.cluesCreated).toBe(full.firings);
    expect(await openClues()).toEqual(await firings());
  });
});

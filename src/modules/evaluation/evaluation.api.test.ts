import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, signInAs, type TestSession } from '../../api/testing.js';
import { insertTestHousehold, seedTestDivisions, TEST_VILLAGES } from '../monitoring/testing.js';
import { computeFgt } from '../measures/index.js';
import { defaultMonitoringThresholdFen } from '../parameters/index.js';

describe('GET /api/evaluation/poverty', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let analyst: TestSession;
  let cadre: TestSession;
  const z = defaultMonitoringThresholdFen('52', '2024-12-31')!;
  // Per-capita incomes (fen) and sizes of the 2024 records: village 0, village 0, village 1, township 102.
  const households = [
    { village: TEST_VILLAGES[0], type: 'POVERTY_EXITED' as const, size: 3, wage: 3 * (z - 100_000) },
    { village: TEST_VILLAGES[0], type: 'GENERAL' as const, size: 2, wage: 2 * (z + 500_000) },
    { village: TEST_VILLAGES[1], type: 'POVERTY_EXITED' as const, size: 1, wage: z },
    { village: TEST_VILLAGES[2], type: 'GENERAL' as const, size: 4, wage: 4 * (z - 300_000) },
  ];
  beforeAll(async () => {
    t = await makeTestApp({ now: '2025-06-01T02:00:00Z' });
    await seedTestDivisions(t.deps.store);
    for (const h of households) {
      await insertTestHousehold(t.deps.store, {
        villageCode: h.village,
        householdType: h.type,
        members: Array.from({ length: h.size }, (_, i) => ({ name: `成员${i}` })),
        incomes: [{ year: 2024, wageFen: h.wage }, { year: 2023, wageFen: 1 }],
      });
    }
    analyst = await signInAs(t.app, t.deps, 'analyst', '520527');
    cadre = await signInAs(t.app, t.deps, 'village_cadre', TEST_VILLAGES[0]);
  }, 300_000);
  afterAll(async () => t.close());

  it('gives person-weighted FGT and Gini of the county against the year threshold, to analysts', async () => {
    const r = await analyst.request({ method: 'GET', url: '/api/evaluation/poverty?division=520527&year=2024' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    const expected = computeFgt({ welfare: households.map((h) => h.wage / h.size), weights: households.map((h) => h.size) }, { z });
    expect(body).toMatchObject({ division: '520527', year: 2024, thresholdFen: z, households: 4, persons: 10, poorPersons: 7 });
    expect(body.P0).toBeCloseTo(expected.values.P0, 12);
    expect(body.P1).toBeCloseTo(expected.values.P1, 12);
    expect(body.P2).toBeCloseTo(expected.values.P2, 12);
    expect(body.gini).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/成员|idNumber|name/);
  });

  it('breaks down by household type (formerly poor vs general)', async () => {
    const body = (await analyst.request({ method: 'GET', url: '/api/evaluation/poverty?division=520527101&year=2024&by=household_type' })).json();
    expect(body.households).toBe(3);
    const byGroup = Object.fromEntries(body.groups.map((g: { group: string }) => [g.group, g]));
    expect(byGroup.formerly_poor).toMatchObject({ households: 2, persons: 4, P0: 0.75 });
    expect(byGroup.general).toMatchObject({ households: 1, persons: 2, P0: 0 });
  });

  it('refuses a division outside the scope, answers a year without records with nulls and one without threshold with 404', async () => {
    expect((await cadre.request({ method: 'GET', url: '/api/evaluation/poverty?division=520527&year=2024' })).statusCode).toBe(403);
    const empty = (await analyst.request({ method: 'GET', url: '/api/evaluation/poverty?division=520527&year=2022' })).json();
    expect(empty).toMatchObject({ households: 0, P0: null, gini: null });
    // No monitoring threshold before 2021: nothing to measure against.
    expect((await analyst.request({ method: 'GET', url: '/api/evaluation/poverty?division=520527&year=2019' })).statusCode).toBe(404);
    expect((await analyst.request({ method: 'GET', url: '/api/evaluation/poverty?division=5205x&year=2024' })).statusCode).toBe(422);
  });

  it('restricts a village cadre to the village', async () => {
    const body = (await cadre.request({ method: 'GET', url: `/api/evaluation/poverty?division=${TEST_VILLAGES[0]}&year=2024` })).json();
    expect(body.households).toBe(2);
    expect(body.persons).toBe(5);
  });
});

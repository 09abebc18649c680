import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { makeTestApp, signInAs, type TestSession } from '../../api/testing.js';
import { insertTestHousehold, seedTestDivisions, TEST_VILLAGES } from '../monitoring/testing.js';
import { defaultMonitoringThresholdFen } from '../parameters/index.js';
import { shippedMpiSpec } from './use-cases/mpi-spec.js';

/**
 * A hand-built registry of four households, 2024, default spec (six dimensions of 1/6; the four
 * 两不愁三保障 items 1/24 each; k = 1/3). Scores worked out by hand:
 *   A  village 101201, formerly poor, 3 persons: income below z (1/6) + unsafe water (1/6)            = 1/3  → poor
 *   B  village 101201, general, 2 persons: a member seriously ill (1/6) + unsafe housing (1/24)       = 5/24 → not poor
 *   C  village 101202, formerly poor, 1 person (aged 84, disabled, lost labour, no schooling):
 *      income (1/6) + schooling (1/6) + health (1/6) + labour (1/6)                                     = 2/3  → poor
 *   D  village 102201, general, 4 persons: a 12-year-old dropped out (1/24) + house grade D (1/24)
 *      + unsafe water (1/6)                                                                             = 1/4  → not poor
 * Persons 10, poor persons 3 + 1 = 4: H = 0.4; M0 = (3·1/3 + 1·2/3) / 10 = 1/6; A = M0 / H = 5/12.
 */
describe('GET /api/evaluation/mpi', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let analyst: TestSession;
  let admin: TestSession;
  let cadre: TestSession;
  const z = defaultMonitoringThresholdFen('52', '2024-12-31')!;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await makeTestApp({ now: '2025-06-01T02:00:00Z' });
    await seedTestDivisions(t.deps.store);
    const below = [{ year: 2024, wageFen: 0 }];
    ids.A = (
      await insertTestHousehold(t.deps.store, {
        villageCode: TEST_VILLAGES[0],
        householdType: 'POVERTY_EXITED',
        members: [{ name: '甲户主' }, { name: '甲配偶', relation: 'SPOUSE' }, { name: '甲子' }],
        incomes: [{ year: 2024, wageFen: 3 * (z - 100_000) }],
        guarantee: { waterUnsafe: true },
      })
    ).id;
    ids.B = (
      await insertTestHousehold(t.deps.store, {
        villageCode: TEST_VILLAGES[0],
        members: [{ name: '乙户主', healthStatus: 'SERIOUS_ILLNESS' }, { name: '乙配偶', relation: 'SPOUSE' }],
        incomes: [{ year: 2024, wageFen: 2 * (z + 500_000) }],
        guarantee: { housingUnsafe: true },
      })
    ).id;
    ids.C = (
      await insertTestHousehold(t.deps.store, {
        villageCode: TEST_VILLAGES[1],
        householdType: 'POVERTY_EXITED',
        members: [{ name: '丙户主', birthDate: '1940-03-03', healthStatus: 'DISABLED', laborSkill: 'LOST' }],
        incomes: below,
      })
    ).id;
    ids.D = (
      await insertTestHousehold(t.deps.store, {
        villageCode: TEST_VILLAGES[2],
        members: [
          { name: '丁户主' },
          { name: '丁配偶', relation: 'SPOUSE' },
          { name: '丁女', birthDate: '2012-09-01', studentStatus: 'DROPPED_OUT', laborSkill: 'NONE' },
          { name: '丁子', birthDate: '2016-09-01', studentStatus: 'PRIMARY', laborSkill: 'NONE' },
        ],
        incomes: [{ year: 2024, wageFen: 4 * (z + 100_000) }],
        guarantee: { houseGrade: 'D', waterUnsafe: true },
      })
    ).id;
    // Education levels: adults of A, B and D have at least primary school (6 years, not deprived); C none.
    await sql`UPDATE person SET education = CASE WHEN household_id = ${ids.C} THEN 'NONE' WHEN household_id = ${ids.D} THEN 'PRIMARY' ELSE 'JUNIOR' END
              WHERE birth_date < '2008-01-01'`.execute(t.deps.store.db);
    // B is a monitored household (for the category breakdown).
    await sql`INSERT INTO monitoring_case (county_code, village_code, household_id, category, risks, channel, status, opened_at, opened_on, updated_at)
              VALUES ('520527', ${TEST_VILLAGES[0]}, ${ids.B}, 'MARGINAL', '{ILLNESS}', 'CADRE_SCREENING', 'MONITORING', now(), '2024-03-01', now())`.execute(t.deps.store.db);
    analyst = await signInAs(t.app, t.deps, 'analyst', '520527');
    admin = await signInAs(t.app, t.deps, 'county_admin', '520527');
    cadre = await signInAs(t.app, t.deps, 'village_cadre', TEST_VILLAGES[1]);
  }, 300_000);
  afterAll(async () => t.close());

  const get = (s: TestSession, q: string) => s.request({ method: 'GET', url: `/api/evaluation/mpi?${q}` });
  const byId = <T extends { id: string }>(rows: T[]) => Object.fromEntries(rows.map((r) => [r.id, r]));

  it('gives H, A and M0 of the county worked out by hand, person-weighted, to analysts', async () => {
    const r = await get(analyst, 'division=520527&year=2024');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ division: '520527', year: 2024, unit: 'household', thresholdFen: z, households: 4, persons: 10, poorPersons: 4 });
    expect(body.spec).toMatchObject({ source: 'default', version: 0 });
    expect(body.k).toBeCloseTo(1 / 3, 12);
    expect(body.H).toBeCloseTo(0.4, 12);
    expect(body.M0).toBeCloseTo(1 / 6, 12);
    expect(body.A).toBeCloseTo(5 / 12, 12);
  });

  it('reports uncensored and censored headcounts and contributions per indicator', async () => {
    const ind = byId((await get(analyst, 'division=520527&year=2024')).json().indicators as { id: string; uncensoredHeadcount: number; censoredHeadcount: number; contribution: number; cutoff: number | null }[]);
    const unc = Object.fromEntries(Object.entries(ind).map(([k, v]) => [k, v.uncensoredHeadcount]));
    const cen = Object.fromEntries(Object.entries(ind).map(([k, v]) => [k, v.censoredHeadcount]));
    const expectClose = (got: Record<string, number>, want: Record<string, number>) => {
      for (const [k, v] of Object.entries(want)) expect(got[k], k).toBeCloseTo(v, 12);
    };
    expectClose(unc, { income: 0.4, food_clothing: 0, compulsory_education: 0.4, medical_insurance: 0, housing: 0.6, drinking_water: 0.7, schooling: 0.1, health: 0.3, labour: 0.1 });
    expectClose(cen, { income: 0.4, food_clothing: 0, compulsory_education: 0, medical_insurance: 0, housing: 0, drinking_water: 0.3, schooling: 0.1, health: 0.1, labour: 0.1 });
    // φ_j = w_j h_j(k) / M0 with w = 1/6 for the single-indicator dimensions and M0 = 1/6.
    const phi = Object.fromEntries(Object.entries(ind).map(([k, v]) => [k, v.contribution]));
    expectClose(phi, { income: 0.4, drinking_water: 0.3, schooling: 0.1, health: 0.1, labour: 0.1, housing: 0 });
    expect(ind.income.cutoff).toBe(z);
    expect(ind.schooling.cutoff).toBe(6);
    expect(ind.housing.cutoff).toBeNull();
  });

  it('breaks down by child division (townships of the county, villages of a township)', async () => {
    const county = (await get(analyst, 'division=520527&year=2024')).json();
    const towns = Object.fromEntries(county.children.map((c: { prefix: string }) => [c.prefix, c]));
    expect(Object.keys(towns).sort()).toEqual(['520527101', '520527102']);
    expect(towns['520527101']).toMatchObject({ name: '城关镇', households: 3, persons: 6, poorPersons: 4 });
    expect(towns['520527101'].H).toBeCloseTo(4 / 6, 12);
    expect(towns['520527101'].M0).toBeCloseTo((1 + 2 / 3) / 6, 12);
    expect(towns['520527102']).toMatchObject({ households: 1, persons: 4, H: 0, M0: 0, A: null, poorPersons: 0 });
    expect(towns['520527101'].contribution).toBeCloseTo(1, 12);

    const town = (await get(analyst, 'division=520527101&year=2024')).json();
    const villages = Object.fromEntries(town.children.map((c: { prefix: string }) => [c.prefix, c]));
    expect(villages[TEST_VILLAGES[0]]).toMatchObject({ name: '一村', persons: 5, poorPersons: 3 });
    expect(villages[TEST_VILLAGES[0]].H).toBeCloseTo(0.6, 12);
    expect(villages[TEST_VILLAGES[1]].M0).toBeCloseTo(2 / 3, 12);
    const village = (await get(analyst, `division=${TEST_VILLAGES[1]}&year=2024`)).json();
    expect(village.children).toEqual([]);
  });

  it('decomposes by household type and by category (formerly poor / monitored / general)', async () => {
    const t1 = (await get(analyst, 'division=520527&year=2024&by=household_type')).json();
    const g1 = Object.fromEntries(t1.groups.map((g: { group: string }) => [g.group, g]));
    expect(g1.formerly_poor).toMatchObject({ households: 2, persons: 4, H: 1, poorPersons: 4 });
    expect(g1.formerly_poor.M0).toBeCloseTo(5 / 12, 12);
    expect(g1.formerly_poor.contribution).toBeCloseTo(1, 12);
    expect(g1.general).toMatchObject({ households: 2, persons: 6, H: 0, M0: 0 });
    const t2 = (await get(analyst, 'division=520527&year=2024&by=category')).json();
    const g2 = Object.fromEntries(t2.groups.map((g: { group: string }) => [g.group, g]));
    expect(g2.monitored).toMatchObject({ households: 1, persons: 2, H: 0 });
    expect(g2.general).toMatchObject({ households: 1, persons: 4 });
    expect(g2.formerly_poor).toMatchObject({ households: 2, persons: 4, H: 1 });
  });

  it('shows analysts no personal fields', async () => {
    const text = (await get(analyst, 'division=520527&year=2024&by=ethnicity')).body;
    expect(text).not.toMatch(/户主|配偶|idNumber|birth|name":"[甲乙丙丁]/);
    expect(text).not.toMatch(/52052719\d{6}/);
  });

  it('keeps a village cadre to the own village', async () => {
    expect((await get(cadre, `division=${TEST_VILLAGES[0]}&year=2024`)).statusCode).toBe(403);
    expect((await get(cadre, 'division=520527&year=2024')).statusCode).toBe(403);
    const own = (await get(cadre, `division=${TEST_VILLAGES[1]}&year=2024`)).json();
    expect(own).toMatchObject({ households: 1, persons: 1, H: 1 });
  });

  it('answers a year without records with nulls, one without threshold with 404 and a bad query with 422', async () => {
    expect((await get(analyst, 'division=520527&year=2022')).json()).toMatchObject({ households: 0, H: null, M0: null });
    expect((await get(analyst, 'division=520527&year=2019')).statusCode).toBe(404);
    expect((await get(analyst, 'division=52x&year=2024')).statusCode).toBe(422);
  });
});

describe('GET/PUT /api/evaluation/mpi/spec', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let analyst: TestSession;
  let admin: TestSession;
  const put = (s: TestSession, payload: unknown, lang = 'en') =>
    s.request({ method: 'PUT', url: '/api/evaluation/mpi/spec', payload, headers: { 'accept-language': lang } });

  beforeAll(async () => {
    t = await makeTestApp({ now: '2025-06-01T02:00:00Z' });
    await seedTestDivisions(t.deps.store);
    const z = defaultMonitoringThresholdFen('52', '2024-12-31')!;
    // One household with score 1/4 (dropout 1/24 + grade D 1/24 + water 1/6): poor only when k <= 1/4.
    await insertTestHousehold(t.deps.store, {
      villageCode: TEST_VILLAGES[2],
      members: [{ name: '户主' }, { name: '女', birthDate: '2012-09-01', studentStatus: 'DROPPED_OUT', laborSkill: 'NONE' }],
      incomes: [{ year: 2024, wageFen: 2 * (z + 100_000) }],
      guarantee: { houseGrade: 'D', waterUnsafe: true },
    });
    analyst = await signInAs(t.app, t.deps, 'analyst', '520527');
    admin = await signInAs(t.app, t.deps, 'county_admin', '520527');
  }, 300_000);
  afterAll(async () => t.close());

  it('returns the shipped default until the county replaces it', async () => {
    const r = await analyst.request({ method: 'GET', url: '/api/evaluation/mpi/spec?division=520527' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ source: 'default', scopeCode: '', version: 0, spec: { k: shippedMpiSpec.k } });
  });

  it('rejects a bad spec naming the field, in the user’s language', async () => {
    const bad = JSON.parse(JSON.stringify(shippedMpiSpec));
    bad.dimensions[0].weight = -1;
    bad.dimensions[1].indicators[0].id = 'wealth';
    bad.k = 0;
    const r = await put(admin, { county: '520527', spec: bad });
    expect(r.statusCode).toBe(422);
    const details = r.json().error.details as { path: string; message: string }[];
    expect(details.map((d) => d.path)).toEqual(expect.arrayContaining(['body.spec.k', 'body.spec.dimensions.0.weight', 'body.spec.dimensions.1.indicators.0.id']));
    expect(details.find((d) => d.path === 'body.spec.k')!.message).toMatch(/greater than 0 and at most 1/);
    const zh = await put(admin, { county: '520527', spec: bad }, 'zh-CN');
    expect(zh.json().error.details.find((d: { path: string }) => d.path === 'body.spec.dimensions.0.weight').message).toBe('权重必须是正数');
  });

  it('refuses analysts and other counties', async () => {
    expect((await put(analyst, { county: '520527', spec: shippedMpiSpec })).statusCode).toBe(403);
    expect((await put(admin, { county: '520526', spec: shippedMpiSpec })).statusCode).toBe(403);
  });

  it('replaces the county spec, audits the change and uses it in the next evaluation', async () => {
    const before = (await analyst.request({ method: 'GET', url: '/api/evaluation/mpi?division=520527&year=2024' })).json();
    expect(before.H).toBe(0);
    const r = await put(admin, { county: '520527', spec: { ...shippedMpiSpec, k: 0.25 }, reason: 'county decision 2025 No. 3', version: 0 });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ source: 'county', scopeCode: '520527', version: 1, spec: { k: 0.25 } });
    const after = (await analyst.request({ method: 'GET', url: '/api/evaluation/mpi?division=520527&year=2024' })).json();
    expect(after.spec).toMatchObject({ source: 'county', version: 1 });
    expect(after.H).toBe(1);
    expect(after.M0).toBeCloseTo(0.25, 12);
    const events = await t.deps.store.db.selectFrom('audit_event').selectAll().where('action', '=', 'evaluation.mpi_spec.set').execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity_id: 'mpi:520527', scope_code: '520527', reason: 'county decision 2025 No. 3', actor_name: 'county_admin_520527' });
    expect((events[0].before as { source: string }).source).toBe('default');
    expect((events[0].after as { version: number; spec: { k: number } })).toMatchObject({ version: 1, spec: { k: 0.25 } });
    // A stale version is a conflict.
    expect((await put(admin, { county: '520527', spec: shippedMpiSpec, version: 0 })).statusCode).toBe(409);
  });
});

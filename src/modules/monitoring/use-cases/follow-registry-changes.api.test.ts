import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { makeTestApp, signInAs, type TestSession } from '../../../api/testing.js';
import type { HouseholdProfile, ImportJobBody } from '../../registry/index.js';
import { waitForImportJob } from '../../registry/index.js';
import { buildHousehold } from '../../registry/testing.js';
import { household, incomeRow, incomesCsv, multipartBody, peopleCsv, seedImportDivisions, TEST_VILLAGE } from '../../registry/import-export/testing.js';
import type { RiskClue } from '../contract.js';
import type { Actor } from '../../access/index.js';
import { IMPORT_REEVALUATION_LIMIT, reevaluateAfterRegistryChange } from './follow-registry-changes.js';

/**
 * Registry edits and imports re-evaluate the touched households at once (issue 4): the app wires
 * monitoring to the registry's change event (buildApp → followRegistryChanges).
 */
describe('re-evaluation after registry changes', () => {
  let t: Awaited<ReturnType<typeof makeTestApp>>;
  let admin: TestSession;
  let dataDir: string;

  beforeAll(async () => {
    t = await makeTestApp({ now: '2025-06-01T02:00:00Z' });
    dataDir = await mkdtemp(join(tmpdir(), 'rb-follow-'));
    t.deps.config.DATA_DIR = dataDir;
    await seedImportDivisions(t.deps);
    admin = await signInAs(t.app, t.deps, 'county_admin', '520527');
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const openClues = async (householdId: number): Promise<RiskClue[]> => {
    const res = await admin.request({ method: 'GET', url: `/api/monitoring/clues?status=OPEN&pageSize=200` });
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: RiskClue[] }).items.filter((c) => c.householdId === householdId);
  };
  const create = async (over: Parameters<typeof buildHousehold>[1] = {}): Promise<HouseholdProfile> => {
    const res = await admin.request({ method: 'POST', url: '/api/households', payload: buildHousehold(TEST_VILLAGE, { size: 2, ...over }) });
    expect(res.statusCode).toBe(201);
    return res.json() as HouseholdProfile;
  };
  const income = (version: number, wageFen: number) => ({ version, householdSize: 2, wageFen, operatingFen: 0, propertyFen: 0, transferFen: 0, productionCostFen: 0, outOfPocketMedicalFen: 0 });

  it('gives a household edited below the income threshold a red income clue in the same request, and closes it when corrected', async () => {
    const p = await create({ incomes: [{ year: 2024, wageFen: 8_000_000, operatingFen: 0, propertyFen: 0, transferFen: 0, productionCostFen: 0, outOfPocketMedicalFen: 0 }] });
    expect(await openClues(p.household.id)).toEqual([]);

    const low = await admin.request({ method: 'PUT', url: `/api/households/${p.household.id}/incomes/2024`, payload: income(p.household.version, 400_000) });
    expect(low.statusCode).toBe(200);
    const clues = await openClues(p.household.id);
    expect(clues).toEqual([expect.objectContaining({ riskType: 'INCOME_LOW', level: 'RED', channel: 'PLATFORM_ANALYSIS', source: 'sweep:income-low', ruleId: 'income-low' })]);
    expect(clues[0].explanation[0].values).toMatchObject({ year: 2024, perCapitaNetFen: 200_000 });

    const fixed = await admin.request({ method: 'PUT', url: `/api/households/${p.household.id}/incomes/2024`, payload: income((low.json() as HouseholdProfile).household.version, 8_000_000) });
    expect(fixed.statusCode).toBe(200);
    expect(await openClues(p.household.id)).toEqual([]);
  });

  it('gives a household whose guarantee is set to unsafe housing a housing clue at once', async () => {
    const p = await create();
    const res = await admin.request({
      method: 'PUT',
      url: `/api/households/${p.household.id}/guarantee`,
      payload: { version: p.household.version, foodClothingOk: true, housingUnsafe: true, houseGrade: 'D', dropoutChild: false, memberUninsured: false, waterUnsafe: false },
    });
    expect(res.statusCode).toBe(200);
    expect((await openClues(p.household.id)).map((c) => [c.riskType, c.level])).toEqual([['UNSAFE_HOUSING', 'RED']]);
  });

  it('re-evaluates the households of a committed import: a new low-income household and an existing one with unsafe housing', async () => {
    const first = await upload([...household('IMPHOUSE', 2, 41)], [incomeRow({ household_no: 'IMPHOUSE', wage: '60000', operating: '0', property: '0', transfer: '0', production_cost: '0', out_of_pocket_medical: '0' })]);
    expect(first.summary?.committed).toBe(true);
    const existing = await householdIdOf('IMPHOUSE');
    expect(await openClues(existing)).toEqual([]);
    // The house is found unsafe (recorded outside an edit, so nothing has re-evaluated it yet).
    await t.deps.store.db
      .insertInto('guarantee_status')
      .values({ household_id: existing, county_code: '520527', village_code: TEST_VILLAGE, as_of: '2025-05-20', food_clothing_ok: true, housing_unsafe: true, house_grade: 'D', dropout_child: false, member_uninsured: false, water_unsafe: false } as never)
      .execute();

    const second = await upload(
      [...household('IMPHOUSE', 2, 41, { address: '某村5组' }), ...household('IMPLOW', 2, 42)],
      [incomeRow({ household_no: 'IMPLOW', wage: '2000', operating: '0', property: '0', transfer: '0', production_cost: '0', out_of_pocket_medical: '0' })],
    );
    expect(second.summary).toMatchObject({ committed: true, counts: { households: { inserted: 1, updated: 1 } } });
    expect((await openClues(existing)).map((c) => c.riskType)).toEqual(['UNSAFE_HOUSING']);
    const low = await householdIdOf('IMPLOW');
    expect((await openClues(low)).map((c) => [c.riskType, c.level])).toEqual([['INCOME_LOW', 'RED']]);
  });

  it('keeps the edit when monitoring fails, and logs the failure', async () => {
    const p = await create();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await sql`ALTER TABLE risk_clue RENAME TO risk_clue_away`.execute(t.deps.store.db);
    try {
      const res = await admin.request({ method: 'PUT', url: `/api/households/${p.household.id}/incomes/2024`, payload: income(p.household.version, 100_000) });
      expect(res.statusCode).toBe(200);
      expect((res.json() as HouseholdProfile).incomes).toEqual([expect.objectContaining({ year: 2024, perCapitaNetFen: 50_000 })]);
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('registry change listener failed'));
    } finally {
      await sql`ALTER TABLE risk_clue_away RENAME TO risk_clue`.execute(t.deps.store.db);
      errors.mockRestore();
    }
    const stored = await t.deps.store.db.selectFrom('income_record').select('wage_fen').where('household_id', '=', p.household.id).where('year', '=', 2024).executeTakeFirstOrThrow();
    expect(Number(stored.wage_fen)).toBe(100_000);
  });

  it('sweeps the importer\'s whole scope instead of listing the ids of a large import', async () => {
    const ids = vi.fn(async () => [] as number[]);
    const actor: Actor = { userId: null, name: 'importer', role: 'county_admin', scopePrefix: '520527' };
    await reevaluateAfterRegistryChange(t.deps, actor, { kind: 'import', importId: 1, scopePrefix: '520527', householdCount: IMPORT_REEVALUATION_LIMIT + 1, householdIds: ids });
    expect(ids).not.toHaveBeenCalled();
    const job = await t.deps.store.db.selectFrom('job').select(['params']).where('kind', '=', 'monitoring.sweep').executeTakeFirstOrThrow();
    expect(job.params).toMatchObject({ scopePrefix: '520527' });
  });

  async function upload(people: Record<string, string>[], incomes: Record<string, string>[]): Promise<ImportJobBody> {
    const { payload, headers } = multipartBody([
      { field: 'file', filename: 'people.csv', content: peopleCsv(people) },
      { field: 'incomes', filename: 'incomes.csv', content: incomesCsv(incomes) },
    ]);
    const res = await admin.request({ method: 'POST', url: '/api/imports/households?dryRun=false', payload, headers });
    expect(res.statusCode).toBeLessThan(300);
    const id = (res.json() as { id: number }).id;
    await waitForImportJob(id);
    const job = await admin.request({ method: 'GET', url: `/api/imports/${id}` });
    const body = job.json() as ImportJobBody;
    expect(body.status, JSON.stringify(body.error ?? body.summary?.errors)).toBe('succeeded');
    return body;
  }

  async function householdIdOf(no: string): Promise<number> {
    const row = await t.deps.store.db.selectFrom('household').select('id').where('household_no', '=', no).executeTakeFirstOrThrow();
    return Number(row.id);
  }
});

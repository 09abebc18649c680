import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../platform/config.js';
import { FixedClock } from '../../../platform/clock.js';
import type { Deps } from '../../../platform/deps.js';
import { openTestStore } from '../../../platform/testing/test-store.js';
import { loadDivisions } from '../../divisions/index.js';
import { createDemoAccounts, DEMO_PASSWORD } from './demo-accounts.js';
import { seedDemo } from './seed-demo.js';
import { seedDemoOnFirstStart } from './startup-task.js';

let deps: Deps;
const SCALE = 0.002; // 370 households

beforeAll(async () => {
  deps = { store: await openTestStore(), clock: new FixedClock('2026-01-05T02:00:00Z'), config: ConfigSchema.parse({ SEED_SCALE: SCALE }) };
}, 600_000);
afterAll(async () => deps?.store.close());

const count = async (table: 'household' | 'person' | 'income_record' | 'guarantee_status' | 'app_user') =>
  Number((await deps.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('seedDemo', { timeout: 300_000 }, () => {
  it('asks for the divisions first', async () => {
    await expect(seedDemo(deps, { scale: SCALE, seed: 1 })).rejects.toMatchObject({ code: 'rule_violation', details: [{ path: 'county' }] });
  });

  it('writes households, people, six years of incomes and guarantees', async () => {
    await loadDivisions(deps, { kind: 'county', prefix: '520527' });
    const report = await seedDemo(deps, { scale: SCALE, seed: 1 });
    expect(report.households).toBe(370);
    expect(await count('household')).toBe(370);
    expect(await count('person')).toBe(report.persons);
    expect(await count('income_record')).toBe(370 * 6);
    expect(await count('guarantee_status')).toBe(370);
    const heads = await deps.store.db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).where('relation', '=', 'HEAD').executeTakeFirstOrThrow();
    expect(Number(heads.n)).toBe(370);
  });

  it('leaves planner statistics of the columns it wrote (PGlite runs no autovacuum)', async () => {
    // Without them the planner guesses a county at 0.5 % of the households (139 of 27,750 in the demo
    // county) and the full sweep picks nested loops over all of them.
    const { rows } = await sql<{ tablename: string }>`
      SELECT DISTINCT tablename FROM pg_stats WHERE tablename IN ('household', 'person', 'income_record', 'guarantee_status') AND attname = 'county_code'`.execute(deps.store.db);
    expect(rows.map((r) => r.tablename).sort()).toEqual(['guarantee_status', 'household', 'income_record', 'person']);
  });

  it('stores incomes whose net and per-capita net derive from the components', async () => {
    const rows = await deps.store.db.selectFrom('income_record').selectAll().execute();
    for (const r of rows) {
      const net = r.wage_fen + r.operating_fen + r.property_fen + r.transfer_fen - r.production_cost_fen;
      expect(r.net_income_fen).toBe(net);
      expect(r.per_capita_net_fen).toBe(Math.trunc(net / r.household_size));
    }
    const sizes = await sql<{ ok: boolean }>`
      SELECT bool_and(i.household_size = (SELECT count(*) FROM person p WHERE p.household_id = i.household_id)) AS ok
      FROM income_record i WHERE i.year = 2025`.execute(deps.store.db);
    expect(sizes.rows[0].ok).toBe(true);
  });

  it('moves the household id sequence past the ids it handed out', async () => {
    const max = await deps.store.db.selectFrom('household').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow();
    const { id } = await deps.store.db
      .insertInto('household')
      .values({ county_code: '520527', village_code: '520527001001', household_no: 'TEST-0001', household_type: 'GENERAL', address: null, phone: null, created_at: new Date(), updated_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(id).toBeGreaterThan(Number(max.m));
    await deps.store.db.deleteFrom('household').where('id', '=', id).execute();
  });

  it('refuses a database with households unless forced, and then replaces the county', async () => {
    await expect(seedDemo(deps, { scale: SCALE, seed: 2 })).rejects.toMatchObject({ code: 'conflict' });
    const before = await deps.store.db.selectFrom('person').select('name').orderBy('id').limit(1).executeTakeFirstOrThrow();
    const report = await seedDemo(deps, { scale: SCALE, seed: 2, force: true });
    expect(report.deletedHouseholds).toBe(370);
    expect(await count('household')).toBe(370);
    const after = await deps.store.db.selectFrom('person').select('name').orderBy('id').limit(1).executeTakeFirstOrThrow();
    expect(after.name).not.toBe(before.name);
    const audit = await deps.store.db.selectFrom('audit_event').select(['action', 'entity_id', 'reason']).where('action', '=', 'registry.seed_demo').execute();
    expect(audit).toHaveLength(2);
    // Audit records are data, in the system's default language.
    expect(audit.map((a) => a.reason)).toEqual(['演示用合成数据（非真实人员）', '演示用合成数据（非真实人员）']);
  });

  it('rejects a scale out of range, naming it', async () => {
    await expect(seedDemo(deps, { scale: 0, seed: 1, force: true })).rejects.toMatchObject({ code: 'invalid_input', details: [{ path: 'scale' }] });
  });
});

describe('createDemoAccounts', { timeout: 300_000 }, () => {
  it('creates one account per role once, scoped to the county, a township and a village', async () => {
    const accounts = await createDemoAccounts(deps);
    await createDemoAccounts(deps);
    expect(await count('app_user')).toBe(8);
    const byRole = Object.fromEntries(accounts.map((a) => [a.role, a.scopePrefix]));
    expect(byRole.county_admin).toBe('520527');
    expect(byRole.township_officer).toMatch(/^520527\d{3}$/);
    expect(byRole.village_cadre).toMatch(new RegExp(`^${byRole.township_officer}\\d{3}$`));
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(8);
  });
});

describe('seedDemoOnFirstStart', { timeout: 600_000 }, () => {
  it('does nothing on a database that already has households, and marks itself done', async () => {
    await seedDemoOnFirstStart(deps, { seed: true });
    const setting = await deps.store.db.selectFrom('app_setting').select('value').where('key', '=', 'demo.seeded').executeTakeFirstOrThrow();
    expect(setting.value).toMatchObject({ skipped: expect.any(String) });
  });

  it('seeds an empty database once', async () => {
    const fresh: Deps = { ...deps, store: await openTestStore() };
    try {
      await seedDemoOnFirstStart(fresh, { seed: true });
      const n = Number((await fresh.store.db.selectFrom('household').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      expect(n).toBe(370);
      await seedDemoOnFirstStart(fresh, { seed: true });
      const again = Number((await fresh.store.db.selectFrom('household').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      expect(again).toBe(370);
      const users = Number((await fresh.store.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      expect(users).toBe(8);
    } finally {
      await fresh.store.close();
    }
  });
});

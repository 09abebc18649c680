import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../../../platform/config.js';
import { FixedClock } from '../../../../platform/clock.js';
import type { Deps } from '../../../../platform/deps.js';
import { openTestStore } from '../../../../platform/testing/test-store.js';
import { systemActor } from '../../../access/index.js';
import { loadDivisions } from '../../../divisions/index.js';
import { seedDemo } from '../../../registry/demo/index.js';
import { meanIncomeByVillage } from '../store/indicator-store.js';
import { evaluateRevitalisationCoupling } from './evaluate-revitalisation-coupling.js';
import { rankDivisions } from './rank-divisions.js';
import { seedDemoIndicatorValues } from './seed-demo-indicator-values.js';

let deps: Deps;

beforeAll(async () => {
  deps = { store: await openTestStore(), clock: new FixedClock('2026-01-05T02:00:00Z'), config: ConfigSchema.parse({}) };
  await loadDivisions(deps, { kind: 'county', prefix: '520527' });
  await seedDemo(deps, { scale: 0.01, seed: 7 });
}, 600_000);
afterAll(async () => deps?.store.close());

const rows = async () =>
  deps.store.db.selectFrom('indicator_value').select(['division_code', 'year', 'indicator_code', 'value', 'source']).orderBy('division_code').orderBy('year').orderBy('indicator_code').execute();

describe('seedDemoIndicatorValues', { timeout: 300_000 }, () => {
  it('is run by seed demo: 2020–2025 values for every village with registry incomes, deterministic for a seed', async () => {
    const first = await rows();
    const villages = new Set((await meanIncomeByVillage(deps.store.db, '520527')).map((r) => r.villageCode));
    expect(new Set(first.map((r) => r.division_code))).toEqual(villages);
    expect(new Set(first.map((r) => r.year))).toEqual(new Set([2020, 2021, 2022, 2023, 2024, 2025]));
    expect(first.every((r) => r.source === 'demo')).toBe(true);
    const report = await seedDemoIndicatorValues(deps, { countyCode: '520527', seed: 7 });
    expect(report.values).toBe(first.length);
    expect(await rows()).toEqual(first);
    const audit = await deps.store.db.selectFrom('audit_event').select('reason').where('action', '=', 'evaluation.indicator_values.seed_demo').execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((a) => a.reason === '演示用合成数据（非真实统计）')).toBe(true);
  });

  it('correlates disposable income with the registry and improves sanitation over time', async () => {
    const values = await rows();
    const income = new Map((await meanIncomeByVillage(deps.store.db, '520527')).filter((r) => r.year === 2024).map((r) => [r.villageCode, r.meanFen / 100]));
    const pairs = values.filter((r) => r.year === 2024 && r.indicator_code === 'prosperity.disposable_income').map((r) => [r.value, income.get(r.division_code)!]);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const mx = mean(pairs.map((p) => p[0]));
    const my = mean(pairs.map((p) => p[1]));
    const cov = mean(pairs.map((p) => (p[0] - mx) * (p[1] - my)));
    const r = cov / Math.sqrt(mean(pairs.map((p) => (p[0] - mx) ** 2)) * mean(pairs.map((p) => (p[1] - my) ** 2)));
    expect(r).toBeGreaterThan(0.9);
    const toilets = (y: number) => mean(values.filter((v) => v.year === y && v.indicator_code === 'ecology.sanitary_toilet_rate').map((v) => v.value));
    expect(toilets(2025)).toBeGreaterThan(toilets(2020) + 15);
  });

  it('gives a full ranking and graded coupling on the demo county', async () => {
    const ranking = await rankDivisions(deps, systemActor('test'), { division: '520527', year: 2025 });
    expect(ranking.level).toBe('township');
    expect(ranking.rows.length).toBeGreaterThan(20);
    expect(ranking.rows.every((r) => r.closeness !== null && r.closeness >= 0 && r.closeness <= 1)).toBe(true);
    // The constant village-rules column carries no information.
    expect(ranking.warnings.some((w) => w.code === 'ZERO_VARIANCE_COLUMN' && w.column === 'governance.village_rules')).toBe(true);
    const coupling = await evaluateRevitalisationCoupling(deps, systemActor('test'), { division: '520527', fromYear: 2021, toYear: 2025, formula: 'classic' });
    expect(coupling.trend).toHaveLength(5);
    expect(coupling.trend.every((t) => t.meanD !== null && t.meanD > 0 && t.meanD <= 1)).toBe(true);
    expect(coupling.trend[4].meanD!).toBeGreaterThan(coupling.trend[0].meanD!);
  });
});

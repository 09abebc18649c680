import { systemActor } from '../../../access/index.js';
import { recordAudit } from '../../../audit/index.js';
import { listDivisionSubtree } from '../../../divisions/index.js';
import type { Deps } from '../../../../platform/deps.js';
import { generateDemoIndicatorValues, type DemoVillageIncome } from '../domain/demo-values.js';
import { meanIncomeByVillage } from '../store/indicator-store.js';
import { loadIndicatorSystem } from './get-indicator-system.js';

export const DEMO_INDICATOR_YEARS = [2020, 2021, 2022, 2023, 2024, 2025];

/**
 * Writes the demo county's synthetic indicator values (source 'demo', 2020–2025) for the input
 * indicators of its system, correlated with each village's registry income (domain/demo-values.ts).
 * Replaces earlier demo values of the county; imported values are kept. Called by `seed demo`.
 */
export async function seedDemoIndicatorValues(deps: Deps, options: { countyCode: string; seed: number }): Promise<{ values: number; ms: number }> {
  const started = performance.now();
  const { countyCode, seed } = options;
  const villages = await listDivisionSubtree(deps, countyCode, [5]);
  const incomes = await meanIncomeByVillage(deps.store.db, countyCode);
  const byVillage = new Map<string, Map<number, number>>();
  for (const r of incomes) {
    if (!byVillage.has(r.villageCode)) byVillage.set(r.villageCode, new Map());
    byVillage.get(r.villageCode)!.set(r.year, r.meanFen);
  }
  const input: DemoVillageIncome[] = villages.map((v) => ({ code: v.code, meanFenByYear: byVillage.get(v.code) ?? new Map() }));
  const system = await loadIndicatorSystem(deps, countyCode);
  const values = generateDemoIndicatorValues(input, system.pillars.flatMap((p) => p.indicators), DEMO_INDICATOR_YEARS, seed);
  const at = deps.clock.now();
  const stamp = at.toISOString();
  const written = await deps.store.bulk(async (s) => {
    const deleted = (await s.query(`DELETE FROM indicator_value WHERE county_code = $1 AND source = 'demo'`, [countyCode])).rowCount;
    // Imported values win over demo ones.
    const imported = new Set(
      (await s.query<{ k: string }>(`SELECT division_code || '|' || year || '|' || indicator_code AS k FROM indicator_value WHERE county_code = $1`, [countyCode])).rows.map((r) => r.k),
    );
    const rows = values.filter((v) => !imported.has(`${v.divisionCode}|${v.year}|${v.indicatorCode}`));
    const n = await s.copyRows(
      'indicator_value',
      ['county_code', 'division_code', 'year', 'indicator_code', 'value', 'source', 'updated_at'],
      rows.map((v) => [countyCode, v.divisionCode, v.year, v.indicatorCode, v.value, 'demo', stamp]),
    );
    return { deleted, n };
  });
  await deps.store.db.transaction().execute((trx) =>
    recordAudit(trx, systemActor('seed'), at, {
      action: 'evaluation.indicator_values.seed_demo',
      entityType: 'indicator_value',
      entityId: countyCode,
      scopeCode: countyCode,
      before: written.deleted ? { values: written.deleted } : null,
      after: { seed, values: written.n, years: DEMO_INDICATOR_YEARS },
      reason: '演示用合成数据（非真实统计）',
    }),
  );
  return { values: written.n, ms: Math.round(performance.now() - started) };
}

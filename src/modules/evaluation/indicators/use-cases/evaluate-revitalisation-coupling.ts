import type { Actor } from '../../../access/index.js';
import { computeCoupling, coordinationLevel } from '../../../measures/index.js';
import type { Deps } from '../../../../platform/deps.js';
import type { Coupling, CouplingQuery, CouplingRow, EvaluationWarning } from '../contract.js';
import { subsystemScores, type UnitValues } from '../domain/evaluate-indicators.js';
import { loadIndicatorSystem } from './get-indicator-system.js';
import { loadUnitValues, requireInScope, resolveArea } from './load-units.js';

/**
 * Coupling coordination degree D between consolidation (U1) and revitalisation (U2) per unit and
 * year. U are EWM comprehensive scores computed on all unit-years of the request pooled (methods.md
 * §4: comparisons across years need one pooled computation), then C, T, D and the 10-level grade.
 */
export async function evaluateRevitalisationCoupling(deps: Deps, actor: Actor, q: CouplingQuery): Promise<Coupling> {
  await requireInScope(deps, actor, q.division, 'evaluation.coupling');
  const area = await resolveArea(deps, q.division, q.level);
  const system = await loadIndicatorSystem(deps, q.division.slice(0, 6));
  const from = q.fromYear ?? q.year!;
  const to = q.toYear ?? q.year!;
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const byYear = await loadUnitValues(deps, actor, area, system, years);
  const pooled: (UnitValues & { year: number })[] = years.flatMap((y) => byYear.get(y)!.map((u) => ({ ...u, year: y })));
  const warnings: EvaluationWarning[] = [];
  const u1 = subsystemScores(pooled, system, 'consolidation', warnings);
  const u2 = subsystemScores(pooled, system, 'revitalisation', warnings);
  const keep = pooled.map((_, i) => i).filter((i) => u1[i] !== null && u2[i] !== null);
  const rows: CouplingRow[] = [];
  if (keep.length) {
    const result = computeCoupling([keep.map((i) => u1[i]!), keep.map((i) => u2[i]!)], { formula: q.formula, names: ['consolidation', 'revitalisation'] });
    for (const w of result.warnings) warnings.push({ code: w.code, message: w.message });
    keep.forEach((i, k) => {
      const unit = result.units[k];
      rows.push({ code: pooled[i].code, name: pooled[i].name, year: pooled[i].year, consolidation: u1[i]!, revitalisation: u2[i]!, ...unit });
    });
  }
  const trend = years.map((y) => {
    const ds = rows.filter((r) => r.year === y).map((r) => r.D);
    const meanD = ds.length ? ds.reduce((a, b) => a + b, 0) / ds.length : null;
    return { year: y, meanD, level: meanD === null ? null : coordinationLevel(meanD), units: ds.length };
  });
  return { division: area.division.prefix, divisionName: area.division.name, level: area.level, years, formula: q.formula, rows, trend, warnings };
}

import type { Actor } from '../../../access/index.js';
import type { Deps } from '../../../../platform/deps.js';
import type { EvaluationWarning, Ranking, RankingQuery } from '../contract.js';
import { rankOverall, rankPillar, type PillarRanking } from '../domain/evaluate-indicators.js';
import { loadIndicatorSystem } from './get-indicator-system.js';
import { loadUnitValues, requireInScope, resolveArea } from './load-units.js';

/**
 * Entropy-weight TOPSIS of the villages (of a township or county) or townships (of a county) in a
 * year: closeness and rank per pillar (consolidation included) and overall over the revitalisation
 * pillars, with the weights used and every warning (left-out indicators or units, constant columns).
 */
export async function rankDivisions(deps: Deps, actor: Actor, q: RankingQuery): Promise<Ranking> {
  await requireInScope(deps, actor, q.division, 'evaluation.ranking');
  const area = await resolveArea(deps, q.division, q.level);
  const system = await loadIndicatorSystem(deps, q.division.slice(0, 6));
  const units = (await loadUnitValues(deps, actor, area, system, [q.year])).get(q.year)!;
  const warnings: EvaluationWarning[] = [];
  const pillarResults: PillarRanking[] = system.pillars.map((p) => rankPillar(units, p, warnings));
  const overall = rankOverall(units, system, warnings);
  const rows = units.map((u, i) => ({
    code: u.code,
    name: u.name,
    closeness: overall.closeness[i],
    rank: overall.rank[i],
    pillars: Object.fromEntries(pillarResults.map((r) => [r.pillar, { closeness: r.closeness[i], rank: r.rank[i] }])),
    values: Object.fromEntries(system.pillars.flatMap((p) => p.indicators.map((ind) => [ind.code, u.values.get(ind.code) ?? null]))),
  }));
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code));
  const weights = system.pillars.flatMap((p, k) =>
    p.indicators.map((ind) => {
      const within = pillarResults[k].weights.get(ind.code);
      return {
        pillar: p.code,
        indicator: ind.code,
        withinPillar: within?.weight ?? 0,
        overall: p.role === 'revitalisation' ? (overall.weights.get(ind.code)?.weight ?? 0) : null,
        entropy: within?.entropy ?? null,
      };
    }),
  );
  return {
    division: area.division.prefix,
    divisionName: area.division.name,
    year: q.year,
    level: area.level,
    pillars: system.pillars.map((p) => ({ code: p.code, nameZh: p.nameZh, nameEn: p.nameEn, role: p.role })),
    rows,
    weights,
    warnings,
  };
}

import { withActorTransaction, type Actor } from '../../access/index.js';
import { MONITORED } from '../../cases/index.js';
import { listDivisionChildren } from '../../divisions/index.js';
import { computeAlkireFoster, type AfGroup, type AfResult } from '../../measures/index.js';
import { parameterValue, thresholdFen } from '../../parameters/index.js';
import type { Deps } from '../../../platform/deps.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { FACT, cutoffInForce, deprivationColumns, flattenSpec } from '../domain/mpi-indicators.js';
import type { MpiEvaluation, MpiQuery } from '../mpi-contract.js';
import { loadMpiFacts } from '../store/mpi-facts.js';
import { countyOf, effectiveMpiSpec } from './mpi-spec.js';

const PREFIX_LENGTHS = [2, 4, 6, 9, 12];

/**
 * Alkire-Foster multidimensional poverty of a division subtree in a year, with the specification in
 * force for its county. Unit of identification: the household (one per income record of the year);
 * every figure is weighted by household size, so H is the share of persons living in multidimensionally
 * poor households. Breakdowns: by household group (`by`) and by child division. Aggregates only.
 */
export async function evaluateMpi(deps: Deps, actor: Actor, query: MpiQuery): Promise<MpiEvaluation> {
  if (!query.division.startsWith(actor.scopePrefix)) throw forbidden(`division ${query.division} is outside your scope`);
  const date = `${query.year}-12-31`;
  const z = await thresholdFen(deps, query.division, date);
  if (z === null) throw notFound(`monitoring threshold for ${query.division} in ${query.year}`);
  const [state, schoolAgeMin, schoolAgeMax] = await Promise.all([
    effectiveMpiSpec(deps.store.db, countyOf(query.division)),
    parameterValue(deps, 'monitoring.school-age-min', query.division, date),
    parameterValue(deps, 'monitoring.school-age-max', query.division, date),
  ]);
  const { indicators, dimensions } = flattenSpec(state.spec);
  const childLength = PREFIX_LENGTHS.find((l) => l > query.division.length) ?? null;
  const childDivisions = childLength ? await listDivisionChildren(deps, query.division, 'division') : [];
  const facts = await withActorTransaction(deps.store.db, actor, (trx) =>
    loadMpiFacts(trx, {
      // The division is inside the scope (checked above), so its pattern is the scope test as well.
      pattern: `${query.division}%`,
      year: query.year,
      by: query.by,
      childLength,
      schoolAgeMin,
      schoolAgeMax,
      monitoredStatuses: [...MONITORED],
    }),
  );

  const base = {
    division: query.division,
    year: query.year,
    unit: 'household' as const,
    thresholdFen: z,
    spec: { scopeCode: state.scopeCode, source: state.source, version: state.version, name: state.spec.name },
    by: query.by ?? null,
  };
  const dimensionWeights = state.spec.dimensions.map((d) => {
    let w = 0;
    for (const ind of indicators) if (ind.dimension === d.id) w += ind.weight;
    return { id: d.id, label: d.label, weight: w };
  });
  if (facts.n === 0) {
    return {
      ...base,
      k: state.spec.k,
      households: 0, persons: 0, H: null, A: null, M0: null, poorPersons: 0,
      indicators: indicators.map((ind) => ({ id: ind.id, dimension: ind.dimension, weight: ind.weight, cutoff: cutoffInForce(ind, z), uncensoredHeadcount: 0, censoredHeadcount: 0, contribution: null })),
      dimensions: dimensionWeights.map((d) => ({ ...d, contribution: null })),
      groups: query.by ? [] : null,
      children: childDivisions.map((c) => emptyRow(c.code, c.prefix, c.name, indicators.length)),
      warnings: [{ code: 'NO_DATA', message: `no income records under ${query.division} for ${query.year}` }],
    };
  }

  const deprivations = deprivationColumns(indicators, facts, z);
  const options = { indicatorWeights: indicators.map((i) => i.weight), k: state.spec.k, indicators: indicators.map((i) => i.id), dimensions };
  const af = computeAlkireFoster({ deprivations, weights: facts.size, group: facts.group ?? undefined }, options);
  const warnings: { code: string; message: string }[] = af.warnings.filter((w) => w.code !== 'M_ALPHA_UNAVAILABLE' && w.code !== 'WEIGHTS_NORMALIZED').map((w) => ({ code: w.code, message: w.message }));
  let noGuarantee = 0;
  let noAdultEducation = 0;
  for (let i = 0; i < facts.n; i++) {
    if (!(facts.flags[i] & FACT.hasGuaranteeRecord)) noGuarantee++;
    if (facts.adultYears[i] < 0) noAdultEducation++;
  }
  if (noGuarantee > 0) {
    warnings.push({ code: 'NO_GUARANTEE_RECORD', message: `${noGuarantee} household(s) have no 两不愁三保障 record: their guarantee and water indicators read as not deprived` });
  }
  if (noAdultEducation > 0 && indicators.some((i) => i.id === 'schooling')) {
    warnings.push({ code: 'NO_ADULT_EDUCATION', message: `${noAdultEducation} household(s) have no adult with a known education level: not deprived in schooling` });
  }

  let children: MpiEvaluation['children'] = [];
  if (facts.child) {
    const byPrefix = childBreakdown(facts.child, deprivations, facts.size, options, af);
    const poorByChild = poorPersonsBy(facts.child, af.poor, facts.size);
    children = childDivisions.map((c) => {
      const g = byPrefix.get(c.prefix);
      return g ? { code: c.code, prefix: c.prefix, name: c.name, ...toAggregate(g, af, poorByChild) } : emptyRow(c.code, c.prefix, c.name, indicators.length);
    });
    // Records under a code the division table does not know (should not happen) still count.
    for (const [prefix, g] of byPrefix) {
      if (!childDivisions.some((c) => c.prefix === prefix)) children.push({ code: prefix, prefix, name: prefix, ...toAggregate(g, af, poorByChild) });
    }
  }

  const poorByGroup = facts.group ? poorPersonsBy(facts.group, af.poor, facts.size) : null;
  return {
    ...base,
    k: af.k,
    households: af.n,
    persons: af.weightTotal,
    H: af.H,
    A: af.A,
    M0: af.M0,
    poorPersons: af.q,
    indicators: indicators.map((ind, j) => ({
      id: ind.id,
      dimension: ind.dimension,
      weight: af.weights[j],
      cutoff: cutoffInForce(ind, z),
      uncensoredHeadcount: af.uncensoredHeadcount[j],
      censoredHeadcount: af.censoredHeadcount[j],
      contribution: af.contribution[j],
    })),
    dimensions: dimensionWeights.map((d) => ({ ...d, contribution: af.dimensionContribution?.[d.id] ?? null })),
    groups: af.groups && poorByGroup ? af.groups.map((g) => ({ group: g.label, ...toAggregate(g, af, poorByGroup) })) : null,
    children,
    warnings,
  };
}

/** Alkire-Foster again with the child division as the group: per child H, A, M0 and censored headcounts. */
function childBreakdown(
  child: { codes: Int32Array; labels: string[] },
  deprivations: Uint8Array[],
  size: Float64Array,
  options: Parameters<typeof computeAlkireFoster>[1],
  total: AfResult,
): Map<string, AfGroup> {
  const r = computeAlkireFoster({ deprivations, weights: size, group: child }, options);
  // Same data, same totals: the decomposition is additive by construction (M0 = Σ s_l M0_l).
  if (Math.abs(r.M0 - total.M0) > 1e-12) throw new Error('child breakdown does not add up');
  return new Map((r.groups ?? []).map((g) => [g.label, g]));
}

/** Persons in multidimensionally poor households per group label (exact sums of household sizes). */
function poorPersonsBy(groups: { codes: Int32Array; labels: string[] }, poor: Uint8Array, size: Float64Array): Map<string, number> {
  const sums = new Float64Array(groups.labels.length);
  for (let i = 0; i < poor.length; i++) if (poor[i]) sums[groups.codes[i]] += size[i];
  return new Map(groups.labels.map((l, c) => [l, sums[c]]));
}

function toAggregate(g: AfGroup, af: AfResult, poorPersons: Map<string, number>) {
  return {
    households: g.n,
    persons: g.weightTotal,
    popShare: g.popShare,
    H: g.H,
    A: g.A,
    M0: g.M0,
    poorPersons: poorPersons.get(g.label) ?? 0,
    contribution: af.M0 > 0 ? g.contribution : null,
    censoredHeadcount: g.censoredHeadcount,
  };
}

function emptyRow(code: string, prefix: string, name: string, d: number) {
  return { code, prefix, name, households: 0, persons: 0, popShare: 0, H: null, A: null, M0: null, poorPersons: 0, contribution: null, censoredHeadcount: Array.from({ length: d }, () => null) };
}

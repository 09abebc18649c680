/**
 * Entropy-weight TOPSIS ranking per pillar and overall, and the comprehensive scores of the two
 * subsystems (consolidation, revitalisation) that feed the coupling coordination degree. Pure: the
 * maths is the measures module's; this file chooses columns, handles missing values upstream (as
 * methods.md §0 asks of callers) and combines weights along the indicator tree.
 */
import {
  computeEntropyTopsis,
  computeEntropyWeights,
  computeTopsis,
  isMethodInputError,
  type Criterion,
  type EntropyResult,
  type MethodWarning,
  type TopsisResult,
} from '../../../measures/index.js';
import type { EvaluationWarning, Indicator, IndicatorSystemInput, Pillar } from '../contract.js';

/** One unit (village, township or unit-year) with its values by indicator code. */
export interface UnitValues {
  code: string;
  name: string;
  values: ReadonlyMap<string, number>;
}

export const toCriterion = (i: Indicator): Criterion => ({
  type: i.direction,
  best: i.best ?? undefined,
  lower: i.lower ?? undefined,
  upper: i.upper ?? undefined,
});

export interface PreparedMatrix {
  /** Indices (into the units given) of the units kept. */
  units: number[];
  indicators: Indicator[];
  /** One column per kept indicator, rows = kept units. */
  columns: Float64Array[];
}

/**
 * Missing values (never imputed, methods.md §0): units with no value of any of these indicators are
 * left out first (UNIT_NO_DATA); then an indicator with values for at most half of the remaining
 * units is left out (INDICATOR_DROPPED); then a unit missing any remaining indicator is left out
 * (UNIT_INCOMPLETE).
 */
export function prepareMatrix(units: readonly UnitValues[], indicators: readonly Indicator[], warnings: EvaluationWarning[], pillar?: string): PreparedMatrix {
  const withData: number[] = [];
  const empty: string[] = [];
  units.forEach((u, i) => (indicators.some((ind) => u.values.has(ind.code)) ? withData.push(i) : empty.push(u.code)));
  if (empty.length) {
    warnings.push({ code: 'UNIT_NO_DATA', message: `${empty.length} unit(s) have no value of any indicator; left out`, pillar, units: empty.slice(0, 100) });
  }
  const kept: Indicator[] = [];
  for (const ind of indicators) {
    let present = 0;
    for (const i of withData) if (units[i].values.has(ind.code)) present++;
    if (withData.length > 0 && present * 2 <= withData.length) {
      warnings.push({
        code: 'INDICATOR_DROPPED',
        message: `${ind.code}: values for only ${present} of ${withData.length} units; left out`,
        pillar,
        column: ind.code,
      });
    } else kept.push(ind);
  }
  const rows: number[] = [];
  const incomplete: string[] = [];
  const lacking = new Set<string>();
  for (const i of withData) {
    const missing = kept.filter((ind) => !units[i].values.has(ind.code));
    if (missing.length === 0) rows.push(i);
    else {
      incomplete.push(units[i].code);
      for (const m of missing) lacking.add(m.code);
    }
  }
  if (incomplete.length && kept.length) {
    warnings.push({
      code: 'UNIT_INCOMPLETE',
      message: `${incomplete.length} unit(s) lack a value of ${[...lacking].join(', ')}; left out`,
      pillar,
      units: incomplete.slice(0, 100),
    });
  }
  const columns = kept.map((ind) => Float64Array.from(rows, (i) => units[i].values.get(ind.code)!));
  return { units: rows, indicators: kept, columns };
}

const fromMethod = (w: MethodWarning, pillar?: string): EvaluationWarning => ({
  code: w.code,
  message: w.message,
  pillar,
  column: w.column === undefined ? undefined : String(w.column),
});

/** Normalised fixed weights of the given items (0 when all are 0). */
function fixedWeights(values: readonly (number | null)[]): number[] {
  const sum = values.reduce<number>((a, v) => a + (v ?? 0), 0);
  return values.map((v) => (sum > 0 ? (v ?? 0) / sum : 0));
}

export interface WeightedColumns {
  weights: number[];
  ewm: EntropyResult | null;
}

/**
 * Weights of the kept indicators of one pillar on the given columns: EWM (entropy mode), equal, or
 * the normalised fixed weights. EWM's DEGENERATE (every column constant) gives all-zero weights.
 */
export function pillarWeights(pillar: Pillar, indicators: readonly Indicator[], columns: readonly Float64Array[], warnings: EvaluationWarning[]): WeightedColumns {
  const n = indicators.length;
  if (n === 0) return { weights: [], ewm: null };
  if (pillar.weightMode === 'equal') return { weights: indicators.map(() => 1 / n), ewm: null };
  if (pillar.weightMode === 'fixed') return { weights: fixedWeights(indicators.map((i) => i.fixedWeight)), ewm: null };
  try {
    const ewm = computeEntropyWeights(columns, indicators.map(toCriterion), { names: indicators.map((i) => i.code) });
    for (const w of ewm.warnings) warnings.push(fromMethod(w, pillar.code));
    return { weights: ewm.weights, ewm };
  } catch (e) {
    if (isMethodInputError(e) && (e.code === 'DEGENERATE' || e.code === 'INSUFFICIENT_DATA')) {
      warnings.push({ code: e.code, message: e.message, pillar: pillar.code });
      return { weights: indicators.map(() => 0), ewm: null };
    }
    throw e;
  }
}

export interface PillarRanking {
  pillar: string;
  /** Closeness and rank per unit index (into the units given); null when left out. */
  closeness: (number | null)[];
  rank: (number | null)[];
  /** Weight per indicator code (within this ranking) and its entropy when EWM was used. */
  weights: Map<string, { weight: number; entropy: number | null }>;
}

/** TOPSIS on prepared columns with the given weights (vector normalisation, ties 'min'). */
function runTopsis(
  units: number,
  prepared: PreparedMatrix,
  weights: number[],
  entropyMode: boolean,
  warnings: EvaluationWarning[],
  pillar: string,
): { closeness: (number | null)[]; rank: (number | null)[]; weights: Map<string, { weight: number; entropy: number | null }> } {
  const closeness: (number | null)[] = new Array<number | null>(units).fill(null);
  const rank: (number | null)[] = new Array<number | null>(units).fill(null);
  const out = new Map<string, { weight: number; entropy: number | null }>();
  if (prepared.units.length < 2 || prepared.indicators.length === 0) {
    warnings.push({ code: 'INSUFFICIENT_DATA', message: `${pillar}: ${prepared.units.length} complete unit(s) and ${prepared.indicators.length} indicator(s); at least 2 and 1 are needed`, pillar });
    return { closeness, rank, weights: out };
  }
  const names = prepared.indicators.map((i) => i.code);
  const criteria = prepared.indicators.map(toCriterion);
  try {
    let result: TopsisResult;
    if (entropyMode) {
      const r = computeEntropyTopsis(prepared.columns, criteria, { names });
      for (const w of r.ewm.warnings) warnings.push(fromMethod(w, pillar));
      for (const w of r.topsis.warnings) if (w.code !== 'WEIGHTS_NORMALIZED') warnings.push(fromMethod(w, pillar));
      names.forEach((c, j) => out.set(c, { weight: r.ewm.weights[j], entropy: r.ewm.entropy[j] }));
      result = r.topsis;
    } else {
      if (!weights.some((w) => w > 0)) {
        warnings.push({ code: 'DEGENERATE', message: `${pillar}: every weight is 0`, pillar });
        return { closeness, rank, weights: out };
      }
      const r = computeTopsis(prepared.columns, criteria, { weights, names });
      for (const w of r.warnings) if (w.code !== 'WEIGHTS_NORMALIZED') warnings.push(fromMethod(w, pillar));
      names.forEach((c, j) => out.set(c, { weight: r.weights[j], entropy: null }));
      result = r;
    }
    prepared.units.forEach((u, i) => {
      closeness[u] = result.closeness[i];
      rank[u] = result.rank[i];
    });
  } catch (e) {
    if (isMethodInputError(e) && (e.code === 'DEGENERATE' || e.code === 'INSUFFICIENT_DATA')) {
      warnings.push({ code: e.code, message: `${pillar}: ${e.message}`, pillar });
      return { closeness, rank, weights: out };
    }
    throw e;
  }
  return { closeness, rank, weights: out };
}

/** Entropy-weight (or equal / fixed weight) TOPSIS of the units on one pillar's indicators. */
export function rankPillar(units: readonly UnitValues[], pillar: Pillar, warnings: EvaluationWarning[]): PillarRanking {
  const prepared = prepareMatrix(units, pillar.indicators, warnings, pillar.code);
  const entropy = pillar.weightMode === 'entropy';
  const weights = entropy ? [] : pillarWeights(pillar, prepared.indicators, prepared.columns, warnings).weights;
  return { pillar: pillar.code, ...runTopsis(units.length, prepared, weights, entropy, warnings, pillar.code) };
}

/**
 * Weights over the indicators of several pillars: one EWM over all of them (system mode 'entropy'),
 * or pillar weight (equal or fixed) x the indicator's weight within its pillar.
 */
export function combinedWeights(
  system: Pick<IndicatorSystemInput, 'weightMode'>,
  pillars: readonly Pillar[],
  prepared: PreparedMatrix,
  warnings: EvaluationWarning[],
): number[] {
  const pillarOf = (code: string) => pillars.find((p) => p.indicators.some((i) => i.code === code))!;
  const present = pillars.filter((p) => prepared.indicators.some((i) => pillarOf(i.code) === p));
  const a = system.weightMode === 'fixed' ? fixedWeights(present.map((p) => p.fixedWeight)) : present.map(() => 1 / present.length);
  const weights = new Array<number>(prepared.indicators.length).fill(0);
  present.forEach((p, k) => {
    const idx = prepared.indicators.map((ind, j) => (pillarOf(ind.code) === p ? j : -1)).filter((j) => j >= 0);
    const within = pillarWeights(
      p,
      idx.map((j) => prepared.indicators[j]),
      idx.map((j) => prepared.columns[j]),
      warnings,
    ).weights;
    idx.forEach((j, t) => (weights[j] = a[k] * within[t]));
  });
  return weights;
}

export interface OverallRanking extends PillarRanking {
  /** Overall weight per indicator code. */
  weights: Map<string, { weight: number; entropy: number | null }>;
}

/** The overall revitalisation ranking over every revitalisation pillar's indicators. */
export function rankOverall(units: readonly UnitValues[], system: IndicatorSystemInput, warnings: EvaluationWarning[]): OverallRanking {
  const pillars = system.pillars.filter((p) => p.role === 'revitalisation');
  const prepared = prepareMatrix(units, pillars.flatMap((p) => p.indicators), warnings, 'overall');
  const entropy = system.weightMode === 'entropy';
  const weights = entropy ? [] : combinedWeights(system, pillars, prepared, warnings);
  return { pillar: 'overall', ...runTopsis(units.length, prepared, weights, entropy, warnings, 'overall') };
}

/**
 * Comprehensive score of a subsystem per unit, in [0, 1]: S = Σ w_j x'_j on EWM's min-max x' (with
 * the indicator directions), w from the tree's weight modes. Null for units left out.
 */
export function subsystemScores(units: readonly UnitValues[], system: IndicatorSystemInput, role: Pillar['role'], warnings: EvaluationWarning[]): (number | null)[] {
  const pillars = system.pillars.filter((p) => p.role === role);
  const scores: (number | null)[] = new Array<number | null>(units.length).fill(null);
  const prepared = prepareMatrix(units, pillars.flatMap((p) => p.indicators), warnings, role);
  if (prepared.units.length < 2 || prepared.indicators.length === 0) {
    warnings.push({ code: 'INSUFFICIENT_DATA', message: `${role}: ${prepared.units.length} complete unit(s); at least 2 are needed`, pillar: role });
    return scores;
  }
  let ewm: EntropyResult;
  try {
    ewm = computeEntropyWeights(prepared.columns, prepared.indicators.map(toCriterion), { names: prepared.indicators.map((i) => i.code) });
  } catch (e) {
    if (isMethodInputError(e) && e.code === 'DEGENERATE') {
      warnings.push({ code: e.code, message: `${role}: ${e.message}`, pillar: role });
      prepared.units.forEach((u) => (scores[u] = 0));
      return scores;
    }
    throw e;
  }
  for (const w of ewm.warnings) warnings.push(fromMethod(w, role));
  // One consolidation pillar: its own mode; several revitalisation pillars: the system's mode.
  const entropy = role === 'consolidation' ? pillars[0].weightMode === 'entropy' : system.weightMode === 'entropy';
  const weights = entropy
    ? ewm.weights
    : role === 'consolidation'
      ? pillarWeights(pillars[0], prepared.indicators, prepared.columns, warnings).weights
      : combinedWeights(system, pillars, prepared, warnings);
  const total = weights.reduce((s, w) => s + w, 0);
  prepared.units.forEach((u, i) => {
    let s = 0;
    for (let j = 0; j < weights.length; j++) s += weights[j] * ewm.normalized[j][i];
    scores[u] = total > 0 ? Math.min(1, Math.max(0, s / total)) : 0;
  });
  return scores;
}

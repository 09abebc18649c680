/**
 * Alkire-Foster multidimensional poverty (methods.md §3): deprivation matrix, scores, identification
 * with cutoff k (inclusive, with TOL), H, A, M0, M1/M2, uncensored and censored headcount ratios,
 * indicator and dimension contributions, subgroup decomposition. One row-major pass over the columns.
 */
import {
  BLOCK,
  CompensatedSum,
  CompensatedSums,
  checkPersonWeight,
  clean,
  encodeGroups,
  missingGroupLabel,
  normalizeIndicatorWeights,
  requireLength,
  type GroupColumn,
  type NumericColumn,
} from './columns.js';
import { MethodInputError, TOL, cellError, type MethodWarning } from './method-error.js';

export type Direction = 'higher' | 'lower';

export interface AfInput {
  /** (a) Achievements, one column per indicator (all of length n). */
  achievements?: readonly NumericColumn[];
  /** (a) Deprivation cutoffs z_j. */
  cutoffs?: readonly number[];
  /** (a) 'higher' (default: deprived iff y < z) or 'lower' (deprived iff y > z). */
  directions?: readonly Direction[];
  /** (b) A deprivation matrix, one 0/1 column per indicator. */
  deprivations?: readonly NumericColumn[];
  /** Person weights v_i (default 1). */
  weights?: NumericColumn;
  group?: GroupColumn;
}

export interface AfOptions {
  /** Indicator weights w_j (normalised to w̄_j; a warning says so when they do not sum to 1). */
  indicatorWeights: readonly number[];
  /** Poverty cutoff: a share in (0, 1] (default), in weight units with kUnits 'weights', or 'union' / 'intersection'. */
  k: number | 'union' | 'intersection';
  kUnits?: 'share' | 'weights';
  /** Indicator names, used in messages and for dimensions. */
  indicators?: readonly string[];
  /** Dimension name -> indicator names. */
  dimensions?: Readonly<Record<string, readonly string[]>>;
  levels?: readonly string[];
  names?: { weights?: string; group?: string };
}

export interface AfGroup {
  label: string;
  n: number;
  weightTotal: number;
  popShare: number;
  H: number | null;
  A: number | null;
  M0: number | null;
  M1: number | null;
  M2: number | null;
  censoredHeadcount: (number | null)[];
  contribution: number | null;
}

export interface AfResult {
  /** Deprivation score c_i per row. */
  score: Float64Array;
  /** 1 for a multidimensionally poor row. */
  poor: Uint8Array;
  H: number;
  A: number | null;
  M0: number;
  M1: number | null;
  M2: number | null;
  q: number;
  n: number;
  weightTotal: number;
  indicators: string[];
  uncensoredHeadcount: number[];
  censoredHeadcount: number[];
  contribution: (number | null)[];
  dimensionContribution: Record<string, number | null> | null;
  groups: AfGroup[] | null;
  weights: number[];
  k: number;
  warnings: MethodWarning[];
}

/** The identification rule: c > 0 and c >= k − TOL (methods.md §3). */
export function isMultidimensionallyPoor(score: number, k: number): boolean {
  return score > 0 && score >= k - TOL;
}

export function computeAlkireFoster(input: AfInput, options: AfOptions): AfResult {
  // Shape.
  const cardinalInput = input.achievements !== undefined;
  const cols = input.achievements ?? input.deprivations;
  if (!cols) throw new MethodInputError('EMPTY_INPUT', 'give achievements with cutoffs, or a deprivation matrix');
  if (input.achievements && input.deprivations) {
    throw new MethodInputError('INVALID_PARAMETER', 'give either achievements or a deprivation matrix, not both');
  }
  const d = cols.length;
  if (d === 0) throw new MethodInputError('EMPTY_INPUT', 'no indicator columns');
  const n = cols[0].length;
  if (n === 0) throw new MethodInputError('EMPTY_INPUT', 'no rows');
  const names = options.indicators ? [...options.indicators] : Array.from({ length: d }, (_, j) => `${j}`);
  requireLength(names.length, d, 'indicators');
  const colRef = (j: number): string | number => (options.indicators ? names[j] : j);
  for (let j = 0; j < d; j++) {
    if (cols[j].length !== n) throw new MethodInputError('DIMENSION_MISMATCH', `indicator ${colRef(j)} has ${cols[j].length} rows, expected ${n}`, null, colRef(j));
  }
  const cutoffs = new Float64Array(d);
  const lower = new Uint8Array(d);
  if (cardinalInput) {
    if (!input.cutoffs) throw new MethodInputError('DIMENSION_MISMATCH', 'achievements need one cutoff per indicator');
    requireLength(input.cutoffs.length, d, 'cutoffs');
    if (input.directions) requireLength(input.directions.length, d, 'directions');
  }
  const wName = options.names?.weights ?? 'weights';
  const gName = options.names?.group ?? 'group';
  if (input.weights) requireLength(input.weights.length, n, wName);

  // Parameters.
  const warnings: MethodWarning[] = [];
  // In the count form (kUnits 'weights') weights are not meant to sum to 1: no warning then.
  const w = normalizeIndicatorWeights(options.indicatorWeights, d, options.kUnits === 'weights' ? [] : warnings, 'indicator weights');
  let rawWeightSum = 0;
  for (let j = 0; j < d; j++) rawWeightSum += options.indicatorWeights[j];
  if (cardinalInput) {
    for (let j = 0; j < d; j++) {
      const z = input.cutoffs![j];
      if (typeof z !== 'number' || !Number.isFinite(z)) {
        throw new MethodInputError('INVALID_PARAMETER', `cutoff of indicator ${colRef(j)} is not a finite number`, null, colRef(j));
      }
      cutoffs[j] = z;
      const dir = input.directions?.[j] ?? 'higher';
      if (dir !== 'higher' && dir !== 'lower') {
        throw new MethodInputError('INVALID_PARAMETER', `direction of indicator ${colRef(j)} must be 'higher' or 'lower'`, null, colRef(j));
      }
      lower[j] = dir === 'lower' ? 1 : 0;
    }
  }
  let k: number;
  if (options.k === 'union') {
    k = Infinity;
    for (let j = 0; j < d; j++) if (w[j] > 0 && w[j] < k) k = w[j];
  } else if (options.k === 'intersection') {
    k = 1;
  } else {
    if (typeof options.k !== 'number' || !Number.isFinite(options.k)) throw new MethodInputError('INVALID_PARAMETER', 'k must be a number');
    k = options.kUnits === 'weights' ? options.k / rawWeightSum : options.k;
  }
  if (!(k > 0) || k > 1 + TOL) throw new MethodInputError('INVALID_PARAMETER', `k must be a share in (0, 1] of the total weight (got ${k})`);

  // M1/M2 need cardinal data: achievements, every direction 'higher', every z_j > 0.
  let mAlpha = cardinalInput;
  if (mAlpha) for (let j = 0; j < d; j++) if (lower[j] || !(cutoffs[j] > 0)) mAlpha = false;
  let negativeDeprived = false;

  const groups = input.group ? encodeGroups(input.group, n, options.levels) : null;
  const badGroupRow = groups ? groups.firstMissing : -1;
  const G = groups ? groups.labels.length : 0;
  const codes = groups?.codes;
  const weights = input.weights;

  const score = new Float64Array(n);
  const poor = new Uint8Array(n);
  const depIdx = new Int32Array(d);
  const uncB = new Float64Array(d);
  const cenB = new Float64Array(d);
  const unc = new CompensatedSums(d);
  const cen = new CompensatedSums(d);
  const tV = new CompensatedSum();
  const tQ = new CompensatedSum();
  const tM0 = new CompensatedSum();
  const tM1 = new CompensatedSum();
  const tM2 = new CompensatedSum();
  // Per group: V, q, M0, M1, M2 (5 per group) and censored headcounts (d per group).
  const gN = new Float64Array(G);
  const gAgg = new CompensatedSums(G * 5);
  const gCen = new CompensatedSums(G * d);
  const kLow = k - TOL;

  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    let bV = 0;
    let bQ = 0;
    let bM0 = 0;
    let bM1 = 0;
    let bM2 = 0;
    uncB.fill(0);
    cenB.fill(0);
    for (let i = start; i < end; i++) {
      let c = 0;
      let g1 = 0;
      let g2 = 0;
      let cnt = 0;
      for (let j = 0; j < d; j++) {
        const y = cols[j][i];
        if (typeof y !== 'number' || y - y !== 0) throw cellError('MISSING_VALUE', 'missing value', i, colRef(j));
        if (cardinalInput) {
          const z = cutoffs[j];
          if (lower[j] ? y > z : y < z) {
            c += w[j];
            depIdx[cnt++] = j;
            if (mAlpha) {
              if (y < 0) negativeDeprived = true;
              const g = (z - y) / z;
              g1 += w[j] * g;
              g2 += w[j] * g * g;
            }
          }
        } else if (y === 1) {
          c += w[j];
          depIdx[cnt++] = j;
        } else if (y !== 0) {
          throw cellError('INVALID_VALUE', `deprivation flag ${y} is not 0 or 1`, i, colRef(j));
        }
      }
      if (!cardinalInput) {
        g1 = c;
        g2 = c;
      }
      let v = 1;
      if (weights) {
        const wi = weights[i];
        checkPersonWeight(wi, i, wName);
        v = wi as number;
      }
      if (i === badGroupRow) throw missingGroupLabel(i, gName);
      score[i] = c;
      bV += v;
      for (let t = 0; t < cnt; t++) uncB[depIdx[t]] += v;
      const isPoor = c > 0 && c >= kLow;
      if (isPoor) {
        poor[i] = 1;
        bQ += v;
        bM0 += v * c;
        bM1 += v * g1;
        bM2 += v * g2;
        for (let t = 0; t < cnt; t++) cenB[depIdx[t]] += v;
      }
      if (codes) {
        const l = codes[i];
        gN[l]++;
        const base = l * 5;
        gAgg.add(base, v);
        if (isPoor) {
          gAgg.add(base + 1, v);
          gAgg.add(base + 2, v * c);
          gAgg.add(base + 3, v * g1);
          gAgg.add(base + 4, v * g2);
          const cb = l * d;
          for (let t = 0; t < cnt; t++) gCen.add(cb + depIdx[t], v);
        }
      }
    }
    tV.add(bV);
    tQ.add(bQ);
    tM0.add(bM0);
    tM1.add(bM1);
    tM2.add(bM2);
    for (let j = 0; j < d; j++) {
      unc.add(j, uncB[j]);
      cen.add(j, cenB[j]);
    }
  }

  const V = tV.value;
  if (!(V > 0)) throw new MethodInputError('INVALID_PARAMETER', `person weights (${wName}) sum to 0`);
  if (mAlpha && negativeDeprived) mAlpha = false;
  if (!mAlpha) {
    warnings.push({
      code: 'M_ALPHA_UNAVAILABLE',
      message: cardinalInput
        ? "M1 and M2 need every indicator cardinal: direction 'higher', cutoff > 0 and no negative deprived achievement"
        : 'M1 and M2 need achievements with cutoffs, not a deprivation matrix',
    });
  }
  const q = tQ.value;
  const H = clean(q / V);
  const M0 = clean(tM0.value / V);
  const A = q > 0 ? clean(tM0.value / q) : null;
  const M1 = mAlpha ? clean(tM1.value / V) : null;
  const M2 = mAlpha ? clean(tM2.value / V) : null;
  const uncensoredHeadcount = Array.from({ length: d }, (_, j) => clean(unc.value(j) / V));
  const censoredHeadcount = Array.from({ length: d }, (_, j) => clean(cen.value(j) / V));
  const contribution = censoredHeadcount.map((h, j) => (M0 > 0 ? clean((w[j] * h) / M0) : null));

  let dimensionContribution: Record<string, number | null> | null = null;
  if (options.dimensions) {
    dimensionContribution = {};
    for (const [dim, members] of Object.entries(options.dimensions)) {
      let s = 0;
      for (const m of members) {
        const j = names.indexOf(m);
        if (j < 0) throw new MethodInputError('INVALID_PARAMETER', `dimension "${dim}" names unknown indicator "${m}"`);
        s += contribution[j] ?? 0;
      }
      dimensionContribution[dim] = M0 > 0 ? clean(s) : null;
    }
  }

  let groupResults: AfGroup[] | null = null;
  if (groups) {
    groupResults = groups.labels.map((label, l) => {
      const Vl = gAgg.value(l * 5);
      if (!(Vl > 0)) {
        warnings.push({ code: 'EMPTY_GROUP', message: `group "${label}" has no members`, column: gName });
        return {
          label, n: 0, weightTotal: 0, popShare: 0, H: null, A: null, M0: null, M1: null, M2: null,
          censoredHeadcount: names.map(() => null),
          contribution: M0 > 0 ? 0 : null,
        };
      }
      const ql = gAgg.value(l * 5 + 1);
      const M0l = clean(gAgg.value(l * 5 + 2) / Vl);
      return {
        label,
        n: gN[l],
        weightTotal: Vl,
        popShare: clean(Vl / V),
        H: clean(ql / Vl),
        A: ql > 0 ? clean(gAgg.value(l * 5 + 2) / ql) : null,
        M0: M0l,
        M1: mAlpha ? clean(gAgg.value(l * 5 + 3) / Vl) : null,
        M2: mAlpha ? clean(gAgg.value(l * 5 + 4) / Vl) : null,
        censoredHeadcount: names.map((_, j) => clean(gCen.value(l * d + j) / Vl)),
        contribution: M0 > 0 ? clean(((Vl / V) * M0l) / M0) : null,
      };
    });
  }

  return {
    score,
    poor,
    H,
    A,
    M0,
    M1,
    M2,
    q,
    n,
    weightTotal: V,
    indicators: names,
    uncensoredHeadcount,
    censoredHeadcount,
    contribution,
    dimensionContribution,
    groups: groupResults,
    weights: Array.from(w),
    k,
    warnings,
  };
}

/**
 * TOPSIS (methods.md §6): vector (default), min-max or no normalisation; benefit, cost, middle and
 * interval criteria; ideal and anti-ideal, distances, closeness and ranks with tie rules.
 */
import { BLOCK, CompensatedSum, clean, normalizeIndicatorWeightsOrEqual, requireLength, sortOrderNonNegative, type NumericColumn } from './columns.js';
import { checkCriteria, checkCriteriaInput, forwardTransform, type Criterion } from './criteria.js';
import { MethodInputError, TOL, cellError, type MethodWarning } from './method-error.js';

export type TiesRule = 'min' | 'average' | 'dense' | 'ordinal';

export interface TopsisOptions {
  /** Criterion weights (default equal); normalised, with a warning when they do not sum to 1. */
  weights?: readonly number[];
  normalization?: 'vector' | 'minmax' | 'none';
  ties?: TiesRule;
  names?: readonly string[];
}

export interface TopsisResult {
  closeness: Float64Array;
  dPlus: Float64Array;
  dMinus: Float64Array;
  /** 1 = best; halves with ties 'average'. */
  rank: Float64Array;
  idealBest: number[];
  idealWorst: number[];
  weights: number[];
  normalization: 'vector' | 'minmax' | 'none';
  warnings: MethodWarning[];
}

export function computeTopsis(
  columns: readonly NumericColumn[],
  criteria: readonly Criterion[] | undefined,
  options: TopsisOptions = {},
): TopsisResult {
  const { n, m, ref, crit } = checkCriteriaInput(columns, criteria, options.names, 'criteria');
  const normalization = options.normalization ?? 'vector';
  if (!['vector', 'minmax', 'none'].includes(normalization)) throw new MethodInputError('INVALID_PARAMETER', `unknown normalization "${normalization}"`);
  const ties = options.ties ?? 'min';
  if (!['min', 'average', 'dense', 'ordinal'].includes(ties)) throw new MethodInputError('INVALID_PARAMETER', `unknown ties rule "${ties}"`);
  const warnings: MethodWarning[] = [];
  const w = normalizeIndicatorWeightsOrEqual(options.weights, n, warnings, 'criterion weights');
  checkCriteria(crit, ref);
  if (m < 2) throw new MethodInputError('INSUFFICIENT_DATA', 'TOPSIS needs at least 2 alternatives');
  // Cells, one fused pass per column (missing check, min, max, compensated sum of squares); the
  // first offending cell in row order is reported after all columns are scanned.
  const data: Float64Array[] = [];
  const stats: { min: number; max: number; sumSq: number }[] = [];
  let badRow = -1;
  let badCol = -1;
  for (let j = 0; j < n; j++) {
    const raw = columns[j];
    const scan = scanColumn(raw, m);
    if (scan.badRow >= 0 && (badRow < 0 || scan.badRow < badRow)) {
      badRow = scan.badRow;
      badCol = j;
    }
    if (badRow >= 0) continue;
    const c = crit[j];
    const type = c.type ?? 'benefit';
    if (type === 'middle' || type === 'interval') {
      const x = forwardTransform(raw, m, c);
      data.push(x);
      stats.push(scanColumn(x, m));
    } else {
      data.push(raw instanceof Float64Array ? raw : Float64Array.from({ length: m }, (_, i) => raw[i] as number));
      stats.push(scan);
    }
  }
  if (badRow >= 0) throw cellError('MISSING_VALUE', 'missing value', badRow, ref(badCol));

  // Per column: v_ij = (x_ij − sub_j) · scale_j (middle/interval already forward-transformed).
  const sub = new Float64Array(n);
  const scale = new Float64Array(n);
  const best = new Float64Array(n);
  const worst = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const type = crit[j].type ?? 'benefit';
    const isCost = type === 'cost';
    const { min, max, sumSq } = stats[j];
    const name = typeof ref(j) === 'string' ? `"${ref(j)}"` : String(ref(j));
    if (normalization === 'vector') {
      const norm = Math.sqrt(sumSq);
      if (norm === 0) {
        warnings.push({ code: 'ZERO_NORM_COLUMN', message: `column ${name} is all zero: it does not discriminate`, column: ref(j) as string | number });
      } else scale[j] = w[j] / norm;
    } else if (normalization === 'minmax') {
      if (max === min) {
        warnings.push({ code: 'ZERO_VARIANCE_COLUMN', message: `column ${name} is constant: it does not discriminate`, column: ref(j) as string | number });
      } else if (isCost) {
        // r = (max − x) / R = (x − max) · (−1 / R); after min-max every column is benefit.
        sub[j] = max;
        scale[j] = -w[j] / (max - min);
      } else {
        sub[j] = min;
        scale[j] = w[j] / (max - min);
      }
    } else scale[j] = w[j];
    const a = (min - sub[j]) * scale[j];
    const b = (max - sub[j]) * scale[j];
    const vmin = Math.min(a, b);
    const vmax = Math.max(a, b);
    const benefit = normalization === 'minmax' || !isCost;
    best[j] = benefit ? vmax : vmin;
    worst[j] = benefit ? vmin : vmax;
  }

  // Squared distances, column by column inside row blocks that stay in cache.
  const dPlus = new Float64Array(m);
  const dMinus = new Float64Array(m);
  const closeness = new Float64Array(m);
  let discriminates = false;
  const RB = 4096;
  for (let start = 0; start < m; start += RB) {
    const end = Math.min(m, start + RB);
    for (let j = 0; j < n; j++) {
      const x = data[j];
      const sj = sub[j];
      const kj = scale[j];
      const bj = best[j];
      const wj = worst[j];
      for (let i = start; i < end; i++) {
        const v = (x[i] - sj) * kj;
        const a = v - bj;
        const b = v - wj;
        dPlus[i] += a * a;
        dMinus[i] += b * b;
      }
    }
    for (let i = start; i < end; i++) {
      const dp = Math.sqrt(dPlus[i]);
      const dm = Math.sqrt(dMinus[i]);
      dPlus[i] = dp;
      dMinus[i] = dm;
      const total = dp + dm;
      if (total > 0) {
        discriminates = true;
        closeness[i] = dm / total;
      }
    }
  }
  let rank: Float64Array;
  if (!discriminates) {
    closeness.fill(0.5);
    rank = new Float64Array(m).fill(1);
    warnings.push({ code: 'NO_DISCRIMINATION', message: 'every weighted column is constant: all alternatives tie at closeness 0.5' });
  } else {
    rank = rankDescending(closeness, ties);
  }
  return {
    closeness,
    dPlus,
    dMinus,
    rank,
    idealBest: Array.from(best, clean),
    idealWorst: Array.from(worst, clean),
    weights: Array.from(w, clean),
    normalization,
    warnings,
  };
}

/** One pass: first missing row (or -1), min, max and the compensated sum of squares. */
function scanColumn(x: NumericColumn, m: number): { badRow: number; min: number; max: number; sumSq: number } {
  const acc = new CompensatedSum();
  let min = Infinity;
  let max = -Infinity;
  if (x instanceof Float64Array) {
    for (let start = 0; start < m; start += BLOCK) {
      const end = Math.min(m, start + BLOCK);
      let s = 0;
      for (let i = start; i < end; i++) {
        const v = x[i];
        if (v - v !== 0) return { badRow: i, min, max, sumSq: 0 };
        if (v < min) min = v;
        if (v > max) max = v;
        s += v * v;
      }
      acc.add(s);
    }
    return { badRow: -1, min, max, sumSq: acc.value };
  }
  for (let start = 0; start < m; start += BLOCK) {
    const end = Math.min(m, start + BLOCK);
    let s = 0;
    for (let i = start; i < end; i++) {
      const v = x[i];
      if (typeof v !== 'number' || v - v !== 0) return { badRow: i, min, max, sumSq: 0 };
      if (v < min) min = v;
      if (v > max) max = v;
      s += v * v;
    }
    acc.add(s);
  }
  return { badRow: -1, min, max, sumSq: acc.value };
}

/**
 * Ranks non-negative scores, 1 = largest. Sorted descending, a value within TOL of the first value of
 * the current run joins that run; ties: 'min' (1, 1, 3), 'average' (1.5, 1.5, 3), 'dense' (1, 1, 2),
 * 'ordinal' (input order breaks ties).
 */
export function rankDescending(scores: Float64Array, ties: TiesRule = 'min'): Float64Array {
  const m = scores.length;
  const order = sortOrderNonNegative(scores);
  const tol = TOL;
  const runOf = new Int32Array(m);
  // Run r covers sorted (descending) positions runStart[r] .. runEnd[r], 1-based.
  const runStart = new Int32Array(m);
  const runEnd = new Int32Array(m);
  let runs = 0;
  let runValue = 0;
  for (let pos = 0; pos < m; pos++) {
    const i = order[m - 1 - pos];
    const s = scores[i];
    if (pos === 0 || runValue - s > tol) {
      runValue = s;
      runStart[runs] = pos + 1;
      runs++;
    }
    runEnd[runs - 1] = pos + 1;
    runOf[i] = runs - 1;
  }
  const rank = new Float64Array(m);
  if (ties === 'ordinal') {
    const next = runStart.slice(0, runs);
    for (let i = 0; i < m; i++) rank[i] = next[runOf[i]]++;
  } else if (ties === 'min') {
    for (let i = 0; i < m; i++) rank[i] = runStart[runOf[i]];
  } else if (ties === 'dense') {
    for (let i = 0; i < m; i++) rank[i] = runOf[i] + 1;
  } else {
    for (let i = 0; i < m; i++) {
      const r = runOf[i];
      rank[i] = (runStart[r] + runEnd[r]) / 2;
    }
  }
  return rank;
}

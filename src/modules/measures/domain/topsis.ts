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

  // Distances in row blocks that stay in cache (a kernel called per block, so it is optimised early).
  const dPlus = new Float64Array(m);
  const dMinus = new Float64Array(m);
  const closeness = new Float64Array(m);
  let discriminates = false;
  const RB = 4096;
  for (let start = 0; start < m; start += RB) {
    if (distanceBlock(data, sub, scale, best, worst, dPlus, dMinus, closeness, start, Math.min(m, start + RB))) discriminates = true;
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

/**
 * Rows start .. end - 1: squared distances to the ideal and anti-ideal, four columns at a time (one
 * read and one write of dPlus and dMinus per four columns), then the distances and closeness.
 * Returns whether some row has D+ + D− > 0.
 */
function distanceBlock(
  data: readonly Float64Array[],
  sub: Float64Array,
  scale: Float64Array,
  best: Float64Array,
  worst: Float64Array,
  dPlus: Float64Array,
  dMinus: Float64Array,
  closeness: Float64Array,
  start: number,
  end: number,
): boolean {
  const n = data.length;
  const n4 = n - (n % 4);
  for (let j = 0; j < n4; j += 4) {
    const x0 = data[j];
    const x1 = data[j + 1];
    const x2 = data[j + 2];
    const x3 = data[j + 3];
    const s0 = sub[j];
    const s1 = sub[j + 1];
    const s2 = sub[j + 2];
    const s3 = sub[j + 3];
    const k0 = scale[j];
    const k1 = scale[j + 1];
    const k2 = scale[j + 2];
    const k3 = scale[j + 3];
    const p0 = best[j];
    const p1 = best[j + 1];
    const p2 = best[j + 2];
    const p3 = best[j + 3];
    const q0 = worst[j];
    const q1 = worst[j + 1];
    const q2 = worst[j + 2];
    const q3 = worst[j + 3];
    for (let i = start; i < end; i++) {
      const v0 = (x0[i] - s0) * k0;
      const v1 = (x1[i] - s1) * k1;
      const v2 = (x2[i] - s2) * k2;
      const v3 = (x3[i] - s3) * k3;
      const a0 = v0 - p0;
      const a1 = v1 - p1;
      const a2 = v2 - p2;
      const a3 = v3 - p3;
      const b0 = v0 - q0;
      const b1 = v1 - q1;
      const b2 = v2 - q2;
      const b3 = v3 - q3;
      dPlus[i] += a0 * a0 + a1 * a1 + (a2 * a2 + a3 * a3);
      dMinus[i] += b0 * b0 + b1 * b1 + (b2 * b2 + b3 * b3);
    }
  }
  for (let j = n4; j < n; j++) {
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
  let discriminates = false;
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
  return discriminates;
}

/** One pass: first missing row (or -1), min, max and the compensated sum of squares. */
function scanColumn(x: NumericColumn, m: number): { badRow: number; min: number; max: number; sumSq: number } {
  const acc = new CompensatedSum();
  let min = Infinity;
  let max = -Infinity;
  if (x instanceof Float64Array) {
    // Four rows per step with four partial sums (no chain of dependent additions); `v − v` is NaN
    // for NaN and ±Infinity, so one test covers the four cells.
    for (let start = 0; start < m; start += BLOCK) {
      const end = Math.min(m, start + BLOCK);
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let i = start;
      for (; i + 3 < end; i += 4) {
        const a = x[i];
        const b = x[i + 1];
        const c = x[i + 2];
        const d = x[i + 3];
        if (a - a + (b - b) + (c - c) + (d - d) !== 0) break;
        if (a < min) min = a;
        if (a > max) max = a;
        if (b < min) min = b;
        if (b > max) max = b;
        if (c < min) min = c;
        if (c > max) max = c;
        if (d < min) min = d;
        if (d > max) max = d;
        s0 += a * a;
        s1 += b * b;
        s2 += c * c;
        s3 += d * d;
      }
      for (; i < end; i++) {
        const v = x[i];
        if (v - v !== 0) return { badRow: i, min, max, sumSq: 0 };
        if (v < min) min = v;
        if (v > max) max = v;
        s0 += v * v;
      }
      acc.add(s0 + s1 + (s2 + s3));
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
 * 'ordinal' (input order breaks ties). Ranks are written run by run from the sort order, so the only
 * memory beside the result is the order itself.
 */
export function rankDescending(scores: Float64Array, ties: TiesRule = 'min'): Float64Array {
  const m = scores.length;
  const order = sortOrderNonNegative(scores);
  const rank = new Float64Array(m);
  // Descending position p is order[last - p]; a run covers positions pos .. end - 1 (ranks pos + 1 .. end).
  const last = m - 1;
  let runs = 0;
  let pos = 0;
  while (pos < m) {
    const runValue = scores[order[last - pos]];
    let end = pos + 1;
    while (end < m && !(runValue - scores[order[last - end]] > TOL)) end++;
    runs++;
    if (end - pos === 1) {
      rank[order[last - pos]] = ties === 'dense' ? runs : pos + 1;
    } else if (ties === 'ordinal') {
      // Members in input order take pos + 1, pos + 2, ...
      const members = order.slice(m - end, m - pos).sort();
      for (let k = 0; k < members.length; k++) rank[members[k]] = pos + 1 + k;
    } else {
      const r = ties === 'min' ? pos + 1 : ties === 'dense' ? runs : (pos + 1 + end) / 2;
      for (let p = pos; p < end; p++) rank[order[last - p]] = r;
    }
    pos = end;
  }
  return rank;
}

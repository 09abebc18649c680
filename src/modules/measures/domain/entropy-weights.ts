/**
 * Entropy weight method (methods.md §5): 'minmax' normalisation (default, optional epsilon band as
 * R mathmodels) or the raw 'sum' variant (as pymcdm), entropies, divergences, weights and scores.
 */
import { BLOCK, CompensatedSum, clean, requireLength, type NumericColumn } from './columns.js';
import { checkCriteria, checkCriteriaInput, checkMatrixCells, columnStats, forwardTransform, type Criterion } from './criteria.js';
import { MethodInputError, type MethodWarning } from './method-error.js';

export interface EntropyOptions {
  normalization?: 'minmax' | 'sum';
  /** 'minmax' only: map onto [epsilon, 1 − epsilon]; 0 (default) is off. */
  epsilon?: number;
  /** Column names for messages. */
  names?: readonly string[];
}

export interface EntropyResult {
  weights: number[];
  entropy: number[];
  divergence: number[];
  /** x' per column (information-free columns are all 0). */
  normalized: Float64Array[];
  /** S_i = Σ_j w_j x'_ij in [0, 1]; null in 'sum' mode. */
  scores: Float64Array | null;
  normalization: 'minmax' | 'sum';
  epsilon: number;
  warnings: MethodWarning[];
}

export function computeEntropyWeights(
  columns: readonly NumericColumn[],
  criteria: readonly Criterion[] | undefined,
  options: EntropyOptions = {},
): EntropyResult {
  const { n, m, ref, crit } = checkCriteriaInput(columns, criteria, options.names, 'indicator');
  const normalization = options.normalization ?? 'minmax';
  if (normalization !== 'minmax' && normalization !== 'sum') {
    throw new MethodInputError('INVALID_PARAMETER', `normalization must be 'minmax' or 'sum'`);
  }
  const epsilon = options.epsilon ?? 0;
  if (typeof epsilon !== 'number' || !Number.isFinite(epsilon) || epsilon < 0 || epsilon >= 0.5) {
    throw new MethodInputError('INVALID_PARAMETER', `epsilon must be in (0, 0.5), or 0 for off (got ${String(epsilon)})`);
  }
  if (epsilon > 0 && normalization !== 'minmax') {
    throw new MethodInputError('INVALID_PARAMETER', "epsilon applies to 'minmax' normalisation only");
  }
  checkCriteria(crit, ref);
  if (m < 2) throw new MethodInputError('INSUFFICIENT_DATA', 'the entropy weight method needs at least 2 rows');
  checkMatrixCells(
    columns,
    m,
    ref,
    normalization === 'sum' ? { test: (x) => x < 0, what: "negative value (the 'sum' mode takes logarithms of shares)" } : undefined,
  );

  const warnings: MethodWarning[] = [];
  const lnm = Math.log(m);
  const normalized: Float64Array[] = [];
  const entropy: number[] = [];
  const divergence: number[] = [];
  const informative: boolean[] = [];
  for (let j = 0; j < n; j++) {
    const x = columns[j];
    const c = crit[j];
    const type = c.type ?? 'benefit';
    let xp: Float64Array;
    let freeCol = false;
    if (normalization === 'sum') {
      xp = new Float64Array(m);
      for (let i = 0; i < m; i++) xp[i] = x[i] as number;
      const { min, max } = columnStats(xp, m);
      if (min === max) freeCol = true;
    } else if (type === 'middle' || type === 'interval') {
      xp = forwardTransform(x, m, c);
      const { min, max } = columnStats(xp, m);
      if (min === max) freeCol = true;
      else if (epsilon > 0) for (let i = 0; i < m; i++) xp[i] = Math.min(1 - epsilon, Math.max(epsilon, xp[i]));
    } else {
      xp = new Float64Array(m);
      const { min, max } = columnStats(x, m);
      if (min === max) freeCol = true;
      else {
        const R = max - min;
        const band = 1 - 2 * epsilon;
        for (let i = 0; i < m; i++) {
          const v = x[i] as number;
          const r = type === 'cost' ? (max - v) / R : (v - min) / R;
          xp[i] = epsilon > 0 ? epsilon + band * r : r;
        }
      }
    }
    let e = 1;
    if (!freeCol) {
      const S = sum(xp, m);
      if (S === 0) freeCol = true;
      else {
        const acc = new CompensatedSum();
        for (let start = 0; start < m; start += BLOCK) {
          const end = Math.min(m, start + BLOCK);
          let s = 0;
          for (let i = start; i < end; i++) {
            const p = xp[i] / S;
            if (p !== 0) s += p * Math.log(p);
          }
          acc.add(s);
        }
        e = -acc.value / lnm;
      }
    }
    if (freeCol) {
      xp.fill(0);
      e = 1;
      warnings.push({
        code: 'ZERO_VARIANCE_COLUMN',
        message: `column ${typeof ref(j) === 'string' ? `"${ref(j)}"` : ref(j)} carries no information (constant or all zero): weight 0`,
        column: ref(j) as string | number,
      });
    }
    informative.push(!freeCol);
    normalized.push(xp);
    entropy.push(clean(e));
    divergence.push(clean(Math.max(0, 1 - e)));
  }
  if (!informative.some(Boolean)) throw new MethodInputError('DEGENERATE', 'every column is constant: the entropy weights are undefined');
  const dSum = divergence.reduce((s, d) => s + d, 0);
  if (!(dSum > 0)) throw new MethodInputError('DEGENERATE', 'every column has entropy 1: the entropy weights are undefined');
  const weights = divergence.map((d) => clean(d / dSum));
  let scores: Float64Array | null = null;
  if (normalization === 'minmax') {
    scores = new Float64Array(m);
    for (let j = 0; j < n; j++) {
      const wj = weights[j];
      if (wj === 0) continue;
      const xp = normalized[j];
      for (let i = 0; i < m; i++) scores[i] += wj * xp[i];
    }
  }
  return { weights, entropy, divergence, normalized, scores, normalization, epsilon, warnings };
}

function sum(x: Float64Array, m: number): number {
  const acc = new CompensatedSum();
  for (let start = 0; start < m; start += BLOCK) {
    const end = Math.min(m, start + BLOCK);
    let s = 0;
    for (let i = start; i < end; i++) s += x[i];
    acc.add(s);
  }
  return acc.value;
}

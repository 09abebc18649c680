/**
 * Gini coefficient and Lorenz curve (methods.md §2): population formula with person weights,
 * the `sample` variant, and the grouped-data form. O(n log n) by sorting; O(n) radix order with weights.
 */
import {
  CompensatedSum,
  checkPersonWeight,
  clean,
  encodeGroups,
  missingGroupLabel,
  requireLength,
  sortOrderNonNegative,
  type GroupColumn,
  type NumericColumn,
} from './columns.js';
import { MethodInputError, cellError, type MethodWarning } from './method-error.js';

export interface GiniInput {
  x: NumericColumn;
  weights?: NumericColumn;
  group?: GroupColumn;
}

export interface GiniOptions {
  /** 'population' (default, as R ineq::Gini) or 'sample' (x n/(n-1), unweighted only). */
  variant?: 'population' | 'sample';
  /** Return the Lorenz points (n + 1 of them, from (0, 0)). */
  lorenz?: boolean;
  levels?: readonly string[];
  names?: { x?: string; weights?: string; group?: string };
}

export interface LorenzCurve {
  p: number[];
  L: number[];
}

export interface GiniGroup {
  label: string;
  n: number;
  weightTotal: number;
  popShare: number;
  gini: number | null;
}

export interface GiniResult {
  gini: number | null;
  n: number;
  weightTotal: number;
  mean: number;
  variant: 'population' | 'sample';
  lorenz: LorenzCurve | null;
  groups: GiniGroup[] | null;
  warnings: MethodWarning[];
}

const clamp01 = (g: number): number => clean(Math.min(1, Math.max(0, g)));

export function computeGini(input: GiniInput, options: GiniOptions = {}): GiniResult {
  const xs = input.x;
  const n = xs.length;
  const names = options.names ?? {};
  const xName = names.x ?? 'x';
  const wName = names.weights ?? 'weights';
  const gName = names.group ?? 'group';
  if (n === 0) throw new MethodInputError('EMPTY_INPUT', 'no rows');
  if (input.weights) requireLength(input.weights.length, n, wName);
  const variant = options.variant ?? 'population';
  if (variant === 'sample' && input.weights) {
    throw new MethodInputError('INVALID_PARAMETER', "the 'sample' variant is defined only without person weights");
  }
  if (variant === 'sample' && n === 1) throw new MethodInputError('INSUFFICIENT_DATA', "the 'sample' variant needs at least 2 rows");
  const groups = input.group ? encodeGroups(input.group, n, options.levels) : null;

  // Cells, row by row.
  const x = new Float64Array(n);
  const v = input.weights ? new Float64Array(n) : null;
  for (let i = 0; i < n; i++) {
    const value = xs[i];
    if (typeof value !== 'number' || value - value !== 0) throw cellError('MISSING_VALUE', 'missing value', i, xName);
    if (value < 0) throw cellError('INVALID_VALUE', 'negative value (the Gini needs x >= 0)', i, xName);
    x[i] = value;
    if (v) {
      const w = input.weights![i];
      checkPersonWeight(w, i, wName);
      v[i] = w as number;
    }
    if (groups && i === groups.firstMissing) throw missingGroupLabel(i, gName);
  }
  const warnings: MethodWarning[] = [];
  const whole = giniOf(x, v, variant, options.lorenz ?? false, warnings, xName);
  let groupResults: GiniGroup[] | null = null;
  if (groups) {
    const G = groups.labels.length;
    const counts = new Int32Array(G);
    for (let i = 0; i < n; i++) counts[groups.codes[i]]++;
    groupResults = groups.labels.map((label, l) => {
      const m = counts[l];
      const gx = new Float64Array(m);
      const gv = v ? new Float64Array(m) : null;
      let k = 0;
      for (let i = 0; i < n; i++) {
        if (groups.codes[i] === l) {
          gx[k] = x[i];
          if (gv) gv[k] = v![i];
          k++;
        }
      }
      let Vl = m;
      if (gv) {
        const s = new CompensatedSum();
        for (let i = 0; i < m; i++) s.add(gv[i]);
        Vl = s.value;
      }
      if (!(Vl > 0)) {
        warnings.push({ code: 'EMPTY_GROUP', message: `group "${label}" has no members`, column: gName });
        return { label, n: 0, weightTotal: 0, popShare: 0, gini: null };
      }
      const gWarnings: MethodWarning[] = [];
      const r = variant === 'sample' && m === 1 ? null : giniOf(gx, gv, variant, false, gWarnings, xName);
      for (const w of gWarnings) warnings.push({ ...w, message: `group "${label}": ${w.message}` });
      return { label, n: m, weightTotal: Vl, popShare: clean(Vl / whole.weightTotal), gini: r ? r.gini : null };
    });
  }
  return { ...whole, n, variant, groups: groupResults, warnings };
}

function giniOf(
  x: Float64Array,
  v: Float64Array | null,
  variant: 'population' | 'sample',
  wantLorenz: boolean,
  warnings: MethodWarning[],
  xName: string,
): { gini: number | null; weightTotal: number; mean: number; lorenz: LorenzCurve | null } {
  const n = x.length;
  if (!v) {
    const sorted = Float64Array.from(x).sort();
    const S = new CompensatedSum();
    const W = new CompensatedSum();
    for (let i = 0; i < n; i++) {
      const xi = sorted[i];
      S.add(xi);
      W.add((2 * (i + 1) - n - 1) * xi);
    }
    const sum = S.value;
    const lorenz = wantLorenz ? lorenzFrom(sorted, null, n, sum) : null;
    if (sum === 0) {
      warnings.push({ code: 'ZERO_MEAN', message: `the values in column "${xName}" sum to 0: the Gini is undefined`, column: xName });
      return { gini: null, weightTotal: n, mean: 0, lorenz };
    }
    let g = W.value / (n * sum);
    if (variant === 'sample') g *= n / (n - 1);
    return { gini: clamp01(g), weightTotal: n, mean: sum / n, lorenz };
  }
  const order = sortOrderNonNegative(x);
  const V = new CompensatedSum();
  const S = new CompensatedSum();
  for (let i = 0; i < n; i++) {
    V.add(v[i]);
    S.add(v[i] * x[i]);
  }
  const Vt = V.value;
  const St = S.value;
  if (!(Vt > 0)) throw new MethodInputError('INVALID_PARAMETER', 'person weights sum to 0');
  const lorenz = wantLorenz ? lorenzFrom(x, v, n, St, order, Vt) : null;
  if (St === 0) {
    warnings.push({ code: 'ZERO_MEAN', message: `the values in column "${xName}" sum to 0: the Gini is undefined`, column: xName });
    return { gini: null, weightTotal: Vt, mean: 0, lorenz };
  }
  // G = 1 - Σ_k (p_k - p_{k-1})(L_k + L_{k-1}) = 1 - Σ_k v_k (2 C_{k-1} + v_k x_k) / (V S).
  const area = new CompensatedSum();
  let cum = 0;
  const cumAcc = new CompensatedSum();
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const vx = v[i] * x[i];
    area.add(v[i] * (2 * cum + vx));
    cumAcc.add(vx);
    cum = cumAcc.value;
  }
  const g = 1 - area.value / (Vt * St);
  return { gini: clamp01(g), weightTotal: Vt, mean: St / Vt, lorenz };
}

function lorenzFrom(
  x: Float64Array,
  v: Float64Array | null,
  n: number,
  total: number,
  order?: Uint32Array,
  V = n,
): LorenzCurve {
  const p = [0];
  const L = [0];
  const cp = new CompensatedSum();
  const cl = new CompensatedSum();
  for (let k = 0; k < n; k++) {
    const i = order ? order[k] : k;
    const w = v ? v[i] : 1;
    cp.add(w);
    cl.add(w * x[i]);
    p.push(clean(cp.value / V));
    L.push(total === 0 ? 0 : clean(cl.value / total));
  }
  return { p, L };
}

export interface GroupedGiniInput {
  /** Group total incomes Y_k (with group means, pass mean x population). */
  totals: NumericColumn;
  /** Group populations N_k. */
  populations: NumericColumn;
}

/** Grouped-data Gini (lower bound: ignores inequality within groups). */
export function computeGroupedGini(input: GroupedGiniInput): { gini: number | null; warnings: MethodWarning[] } {
  const m = input.totals.length;
  if (m === 0) throw new MethodInputError('EMPTY_INPUT', 'no groups');
  requireLength(input.populations.length, m, 'populations');
  const warnings: MethodWarning[] = [];
  const Y: number[] = [];
  const N: number[] = [];
  for (let k = 0; k < m; k++) {
    const y = input.totals[k];
    const p = input.populations[k];
    if (typeof y !== 'number' || y - y !== 0) throw cellError('MISSING_VALUE', 'missing value', k, 'totals');
    if (typeof p !== 'number' || p - p !== 0) throw cellError('MISSING_VALUE', 'missing value', k, 'populations');
    if (y < 0) throw cellError('INVALID_VALUE', 'negative total', k, 'totals');
    if (p < 0) throw cellError('INVALID_VALUE', 'negative population', k, 'populations');
    if (p === 0) {
      if (y !== 0) throw cellError('INVALID_VALUE', 'income in a group with no population', k, 'totals');
      warnings.push({ code: 'EMPTY_GROUP', message: `group ${k} has no population and is skipped`, rows: [k] });
      continue;
    }
    Y.push(y);
    N.push(p);
  }
  const order = Y.map((_, k) => k).sort((a, b) => Y[a] / N[a] - Y[b] / N[b] || a - b);
  const Vs = N.reduce((s, p) => s + p, 0);
  const Ss = Y.reduce((s, y) => s + y, 0);
  if (Vs === 0) throw new MethodInputError('EMPTY_INPUT', 'every group is empty');
  if (Ss === 0) {
    warnings.push({ code: 'ZERO_MEAN', message: 'total income is 0: the Gini is undefined' });
    return { gini: null, warnings };
  }
  let area = 0;
  let cum = 0;
  for (const k of order) {
    area += (N[k] / Vs) * ((2 * cum + Y[k]) / Ss);
    cum += Y[k];
  }
  return { gini: clamp01(1 - area), warnings };
}

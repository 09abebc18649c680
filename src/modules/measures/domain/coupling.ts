/**
 * Coupling coordination degree model for n >= 2 subsystems (methods.md §8): the classic coupling
 * degree C and the corrected one of Wang et al. (2021), T, D, the 10-level grade of D and the
 * 4 stages of C (boundaries go to the upper class).
 */
import { clean, normalizeIndicatorWeightsOrEqual, type NumericColumn } from './columns.js';
import { checkMatrixCells, toColumnRef } from './criteria.js';
import { MAX_WARNING_ROWS, MethodInputError, TOL, cellError, type MethodWarning } from './method-error.js';

export type CouplingFormula = 'classic' | 'corrected';

export interface GradeLabel {
  zh: string;
  en: string;
}

/** The 10 coordination levels of D, L = 0..9 ([0, 0.1), ..., [0.9, 1.0]). */
export const COORDINATION_LEVELS: readonly GradeLabel[] = [
  { zh: '极度失调', en: 'extreme disorder' },
  { zh: '严重失调', en: 'serious disorder' },
  { zh: '中度失调', en: 'moderate disorder' },
  { zh: '轻度失调', en: 'mild disorder' },
  { zh: '濒临失调', en: 'on the verge of disorder' },
  { zh: '勉强协调', en: 'barely coordinated' },
  { zh: '初级协调', en: 'primary coordination' },
  { zh: '中级协调', en: 'intermediate coordination' },
  { zh: '良好协调', en: 'good coordination' },
  { zh: '优质协调', en: 'high-quality coordination' },
];

/** The 4 stages of C with their lower bounds. */
export const COUPLING_STAGES: readonly (GradeLabel & { min: number })[] = [
  { min: 0, zh: '低水平耦合', en: 'low-level coupling' },
  { min: 0.3, zh: '拮抗阶段', en: 'antagonism' },
  { min: 0.5, zh: '磨合阶段', en: 'running-in' },
  { min: 0.8, zh: '高水平耦合', en: 'high-level coupling' },
];

/** Level index of D: min(9, floor(10 (D + TOL))); a boundary value goes to the upper class. */
export function coordinationLevel(D: number): number {
  return Math.max(0, Math.min(9, Math.floor(10 * (D + TOL))));
}

/** Stage index of C (0..3), same boundary rule. */
export function couplingStage(C: number): number {
  let s = 0;
  for (let k = 1; k < COUPLING_STAGES.length; k++) if (C + TOL >= COUPLING_STAGES[k].min) s = k;
  return s;
}

export interface CouplingOptions {
  /** Subsystem weights a_i (default 1/n), normalised. */
  weights?: readonly number[];
  formula?: CouplingFormula;
  names?: readonly string[];
}

export interface CouplingUnit {
  C: number;
  T: number;
  D: number;
  level: number;
  levelZh: string;
  levelEn: string;
  stage: number;
  stageZh: string;
  stageEn: string;
}

export interface CouplingResult {
  units: CouplingUnit[];
  formula: CouplingFormula;
  weights: number[];
  warnings: MethodWarning[];
}

/** Coupling degree C of one unit's scores (each in [0, 1]). */
export function couplingDegree(U: ArrayLike<number>, formula: CouplingFormula): number {
  const n = U.length;
  let sum = 0;
  let max = 0;
  let anyZero = false;
  for (let i = 0; i < n; i++) {
    sum += U[i];
    if (U[i] > max) max = U[i];
    if (U[i] === 0) anyZero = true;
  }
  if (formula === 'classic') {
    if (anyZero || sum === 0) return 0;
    let geo: number;
    if (n === 2) geo = Math.sqrt(U[0] * U[1]);
    else {
      let logSum = 0;
      for (let i = 0; i < n; i++) logSum += Math.log(U[i]);
      geo = Math.exp(logSum / n);
    }
    return clean(Math.min(1, Math.max(0, (n * geo) / sum)));
  }
  if (max === 0) return 0;
  let gaps = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) gaps += Math.abs(U[i] - U[j]);
  const first = 1 - gaps / ((n * (n - 1)) / 2);
  let second: number;
  if (n === 2) second = Math.min(U[0], U[1]) / max;
  else {
    if (anyZero) return 0;
    let logSum = 0;
    for (let i = 0; i < n; i++) logSum += Math.log(U[i] / max);
    second = Math.exp(logSum / (n - 1));
  }
  const c = first * second;
  return clean(Math.min(1, Math.max(0, c > 0 ? Math.sqrt(c) : 0)));
}

/** CCDM over units: columns are the n subsystems' scores U (units in rows). */
export function computeCoupling(columns: readonly NumericColumn[], options: CouplingOptions = {}): CouplingResult {
  const n = columns.length;
  const ref = toColumnRef(options.names);
  if (n === 0) throw new MethodInputError('EMPTY_INPUT', 'no subsystem columns');
  const m = columns[0].length;
  for (let j = 0; j < n; j++) {
    if (columns[j].length !== m) throw new MethodInputError('DIMENSION_MISMATCH', `column ${String(ref(j))} has ${columns[j].length} rows, expected ${m}`, null, ref(j));
  }
  const formula = options.formula ?? 'classic';
  if (formula !== 'classic' && formula !== 'corrected') throw new MethodInputError('INVALID_PARAMETER', `formula must be 'classic' or 'corrected'`);
  if (n < 2) throw new MethodInputError('INVALID_PARAMETER', 'the coupling degree needs at least 2 subsystems');
  const warnings: MethodWarning[] = [];
  const a = normalizeIndicatorWeightsOrEqual(options.weights, n, warnings, 'subsystem weights');
  if (m === 0) throw new MethodInputError('EMPTY_INPUT', 'no rows');
  checkMatrixCells(columns, m, ref, { test: (u) => u < -TOL || u > 1 + TOL, what: 'score outside [0, 1]' });

  const U = new Float64Array(n);
  const units: CouplingUnit[] = [];
  const zeroRows: number[] = [];
  let zeroCount = 0;
  for (let i = 0; i < m; i++) {
    let allZero = true;
    for (let j = 0; j < n; j++) {
      const u = columns[j][i] as number;
      if (u < -TOL || u > 1 + TOL) throw cellError('INVALID_VALUE', 'score outside [0, 1]', i, ref(j));
      U[j] = Math.min(1, Math.max(0, u));
      if (U[j] !== 0) allZero = false;
    }
    let C = 0;
    let T = 0;
    let D = 0;
    if (allZero) {
      zeroCount++;
      if (zeroRows.length < MAX_WARNING_ROWS) zeroRows.push(i);
    } else {
      C = couplingDegree(U, formula);
      for (let j = 0; j < n; j++) T += a[j] * U[j];
      T = clean(Math.min(1, T));
      D = clean(Math.sqrt(C * T));
    }
    const level = coordinationLevel(D);
    const stage = couplingStage(C);
    units.push({
      C,
      T,
      D,
      level,
      levelZh: COORDINATION_LEVELS[level].zh,
      levelEn: COORDINATION_LEVELS[level].en,
      stage,
      stageZh: COUPLING_STAGES[stage].zh,
      stageEn: COUPLING_STAGES[stage].en,
    });
  }
  if (zeroCount > 0) {
    warnings.push({ code: 'ALL_ZERO', message: `${zeroCount} unit(s) score 0 in every subsystem: C = T = D = 0`, rows: zeroRows });
  }
  return { units, formula, weights: Array.from(a, clean), warnings };
}

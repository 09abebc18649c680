/**
 * Foster-Greer-Thorbecke poverty measures P_alpha (methods.md §1): headcount P0, gap P1, severity P2
 * and any alpha >= 0, with person weights and a subgroup breakdown. One pass over the columns.
 */
import {
  BLOCK,
  CompensatedSum,
  CompensatedSums,
  checkPersonWeight,
  clean,
  encodeGroups,
  missingGroupLabel,
  requireLength,
  type GroupColumn,
  type NumericColumn,
} from './columns.js';
import { MAX_WARNING_ROWS, MethodInputError, cellError, type MethodWarning } from './method-error.js';

export interface FgtInput {
  welfare: NumericColumn;
  /** Person weights v_i (default 1). */
  weights?: NumericColumn;
  /** Subgroup label per row. */
  group?: GroupColumn;
}

export interface FgtOptions {
  /** Poverty line z > 0. */
  z: number;
  /** Default [0, 1, 2]. */
  alphas?: readonly number[];
  /** 'strict' (default): poor iff y < z; 'inclusive': y <= z. */
  boundary?: 'strict' | 'inclusive';
  /** Output order of groups; may name groups without rows. */
  levels?: readonly string[];
  /** Column names used in error messages. */
  names?: { welfare?: string; weights?: string; group?: string };
}

/** Keyed `P0`, `P1`, `P2`, `P0.5`, ... */
export type FgtValues = Record<string, number>;

export interface FgtGroup {
  label: string;
  n: number;
  weightTotal: number;
  popShare: number;
  values: Record<string, number | null>;
  contribution: Record<string, number | null>;
}

export interface FgtResult {
  alphas: number[];
  values: FgtValues;
  /** Weighted number of poor. */
  poorWeight: number;
  n: number;
  weightTotal: number;
  /** 1 for a poor row, 0 otherwise. */
  poor: Uint8Array;
  groups: FgtGroup[] | null;
  z: number;
  boundary: 'strict' | 'inclusive';
  warnings: MethodWarning[];
}

export const fgtKey = (alpha: number): string => `P${alpha}`;

export function computeFgt(input: FgtInput, options: FgtOptions): FgtResult {
  const welfare = input.welfare;
  const n = welfare.length;
  const names = options.names ?? {};
  const welfareName = names.welfare ?? 'welfare';
  const weightsName = names.weights ?? 'weights';
  const groupName = names.group ?? 'group';
  // Shape.
  if (n === 0) throw new MethodInputError('EMPTY_INPUT', 'no rows');
  if (input.weights) requireLength(input.weights.length, n, weightsName);
  // Parameters.
  const z = options.z;
  if (typeof z !== 'number' || !Number.isFinite(z) || z <= 0) {
    throw new MethodInputError('INVALID_PARAMETER', `poverty line z must be a number > 0 (got ${String(z)})`);
  }
  const alphas = [...(options.alphas ?? [0, 1, 2])];
  if (alphas.length === 0) throw new MethodInputError('INVALID_PARAMETER', 'alphas is empty');
  for (const a of alphas) {
    if (typeof a !== 'number' || !Number.isFinite(a) || a < 0) {
      throw new MethodInputError('INVALID_PARAMETER', `alpha must be a number >= 0 (got ${String(a)})`);
    }
  }
  const boundary = options.boundary ?? 'strict';
  const inclusive = boundary === 'inclusive';
  const groups = input.group ? encodeGroups(input.group, n, options.levels) : null;

  const A = alphas.length;
  const weights = input.weights;
  const warnings: MethodWarning[] = [];
  const negativeRows: number[] = [];
  let negativeCount = 0;
  const poor = new Uint8Array(n);

  const totalV = new CompensatedSum();
  const totalQ = new CompensatedSum();
  const totalP = Array.from({ length: A }, () => new CompensatedSum());
  const blockP = new Float64Array(A);
  const G = groups ? groups.labels.length : 0;
  const codes = groups?.codes;
  const gN = new Float64Array(G);
  const gV = new CompensatedSums(G);
  const gP = new CompensatedSums(G * A);
  const badGroupRow = groups ? groups.firstMissing : -1;
  const fast = A === 3 && alphas[0] === 0 && alphas[1] === 1 && alphas[2] === 2;

  if (fast && !weights && !codes && !inclusive && welfare instanceof Float64Array) {
    // The common case (unweighted, no groups, P0/P1/P2) in a tight loop.
    negativeCount = fgt012(welfare, n, z, poor, totalQ, totalP, negativeRows, welfareName);
    totalV.add(n);
  } else for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    let bV = 0;
    let bQ = 0;
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    blockP.fill(0);
    for (let i = start; i < end; i++) {
      const y = welfare[i];
      if (typeof y !== 'number' || y - y !== 0) throw cellError('MISSING_VALUE', 'missing value', i, welfareName);
      let v = 1;
      if (weights) {
        const w = weights[i];
        checkPersonWeight(w, i, weightsName);
        v = w as number;
      }
      if (i === badGroupRow) throw missingGroupLabel(i, groupName);
      bV += v;
      if (y < 0) {
        negativeCount++;
        if (negativeRows.length < MAX_WARNING_ROWS) negativeRows.push(i);
      }
      const code = codes ? codes[i] : 0;
      if (codes) {
        gN[code]++;
        gV.add(code, v);
      }
      if (y < z || (inclusive && y === z)) {
        poor[i] = 1;
        bQ += v;
        const g = (z - y) / z;
        if (fast) {
          b0 += v;
          b1 += v * g;
          b2 += v * g * g;
          if (codes) {
            const base = code * 3;
            gP.add(base, v);
            gP.add(base + 1, v * g);
            gP.add(base + 2, v * g * g);
          }
        } else {
          for (let a = 0; a < A; a++) {
            const al = alphas[a];
            // alpha = 0 uses the indicator alone: never g ** 0 (0 ** 0 === 1 in JS).
            const t = al === 0 ? v : al === 1 ? v * g : al === 2 ? v * g * g : g === 0 ? 0 : v * Math.pow(g, al);
            blockP[a] += t;
            if (codes) gP.add(code * A + a, t);
          }
        }
      }
    }
    totalV.add(bV);
    totalQ.add(bQ);
    if (fast) {
      totalP[0].add(b0);
      totalP[1].add(b1);
      totalP[2].add(b2);
    } else {
      for (let a = 0; a < A; a++) totalP[a].add(blockP[a]);
    }
  }

  const V = totalV.value;
  if (!(V > 0)) throw new MethodInputError('INVALID_PARAMETER', `person weights (${weightsName}) sum to 0`);
  if (negativeCount > 0) {
    warnings.push({
      code: 'NEGATIVE_WELFARE',
      message: `${negativeCount} row(s) have negative welfare in column "${welfareName}"; their gaps exceed 1 and are kept`,
      column: welfareName,
      rows: negativeRows,
    });
  }
  const values: FgtValues = {};
  for (let a = 0; a < A; a++) values[fgtKey(alphas[a])] = clean(totalP[a].value / V);

  let groupResults: FgtGroup[] | null = null;
  if (groups) {
    groupResults = groups.labels.map((label, l) => {
      const Vl = gV.value(l);
      const groupValues: Record<string, number | null> = {};
      const contribution: Record<string, number | null> = {};
      const empty = !(Vl > 0);
      for (let a = 0; a < A; a++) {
        const key = fgtKey(alphas[a]);
        const P = values[key];
        if (empty) {
          groupValues[key] = null;
          contribution[key] = P === 0 ? null : 0;
        } else {
          const Pl = gP.value(l * A + a) / Vl;
          groupValues[key] = clean(Pl);
          contribution[key] = P === 0 ? null : clean(((Vl / V) * Pl) / P);
        }
      }
      if (empty) {
        warnings.push({
          code: 'EMPTY_GROUP',
          message: `group "${label}" has no members${gN[l] > 0 ? ` with a positive weight (${gN[l]} rows of weight 0)` : ''}`,
          column: groupName,
        });
      }
      return {
        label,
        n: empty ? 0 : gN[l],
        weightTotal: empty ? 0 : Vl,
        popShare: empty ? 0 : Vl / V,
        values: groupValues,
        contribution,
      };
    });
  }

  return {
    alphas,
    values,
    poorWeight: totalQ.value,
    n,
    weightTotal: V,
    poor,
    groups: groupResults,
    z,
    boundary,
    warnings,
  };
}

/**
 * Unweighted P0/P1/P2 over a Float64Array, without a branch per row: the indicator is `+(y < z)`
 * (counted as an integer) and the gap max(z − y, 0) / z is (d + |d|) / 2z with d = z − y, which is
 * 2d / 2z = d / z exactly for the poor and 0 for the others. A block that holds a missing cell (NaN
 * or ±Infinity make `y − y` NaN) or negative welfare is redone row by row, which reports the first
 * missing row, lists the negative rows and keeps very negative gaps from overflowing.
 * Returns the number of negative rows.
 */
function fgt012(
  y: Float64Array,
  n: number,
  z: number,
  poor: Uint8Array,
  totalQ: CompensatedSum,
  totalP: CompensatedSum[],
  negativeRows: number[],
  name: string,
): number {
  let negative = 0;
  const z2 = 2 * z;
  const branchless = z2 < Infinity;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    let careful = !branchless;
    if (branchless) {
      let bad = 0;
      let neg = 0;
      for (let i = start; i < end; i++) {
        const x = y[i];
        const d = z - x;
        const g = (d + Math.abs(d)) / z2;
        const p = +(x < z);
        bad += x - x;
        neg = (neg + +(x < 0)) | 0;
        poor[i] = p;
        b0 = (b0 + p) | 0;
        b1 += g;
        b2 += g * g;
      }
      careful = bad !== 0 || neg !== 0;
    }
    if (careful) {
      b0 = 0;
      b1 = 0;
      b2 = 0;
      for (let i = start; i < end; i++) {
        const x = y[i];
        if (x < z) {
          if (x < 0) {
            if (x === -Infinity) throw cellError('MISSING_VALUE', 'missing value', i, name);
            negative++;
            if (negativeRows.length < MAX_WARNING_ROWS) negativeRows.push(i);
          }
          const g = (z - x) / z;
          poor[i] = 1;
          b0 += 1;
          b1 += g;
          b2 += g * g;
        } else if (!(x < Infinity)) {
          throw cellError('MISSING_VALUE', 'missing value', i, name);
        }
      }
    }
    totalQ.add(b0);
    totalP[0].add(b0);
    totalP[1].add(b1);
    totalP[2].add(b2);
  }
  return negative;
}

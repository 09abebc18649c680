/**
 * Indicator types and forward transforms used by EWM and TOPSIS (methods.md §4): benefit, cost,
 * middle (best value m) and interval (best range [a, b]). Pure.
 */
import { firstMissingRow, requireLength, type NumericColumn } from './columns.js';
import { MethodInputError, cellError, type ColumnRef } from './method-error.js';

export type CriterionType = 'benefit' | 'cost' | 'middle' | 'interval';

export interface Criterion {
  type?: CriterionType;
  /** middle: the best value m. */
  best?: number;
  /** interval: the best range [lower, upper]. */
  lower?: number;
  upper?: number;
}

export interface ColumnStats {
  min: number;
  max: number;
}

/** Checks the parameters of each criterion (INVALID_PARAMETER naming the column). */
export function checkCriteria(criteria: readonly Criterion[], ref: (j: number) => ColumnRef): void {
  criteria.forEach((c, j) => {
    const type = c.type ?? 'benefit';
    const where = typeof ref(j) === 'string' ? `column "${ref(j)}"` : `column ${ref(j)}`;
    if (!['benefit', 'cost', 'middle', 'interval'].includes(type)) {
      throw new MethodInputError('INVALID_PARAMETER', `${where}: unknown criterion type "${String(type)}"`, null, ref(j));
    }
    const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
    if (type === 'middle' && !finite(c.best)) {
      throw new MethodInputError('INVALID_PARAMETER', `${where}: a 'middle' criterion needs a finite best value`, null, ref(j));
    }
    if (type === 'interval') {
      if (!finite(c.lower) || !finite(c.upper)) {
        throw new MethodInputError('INVALID_PARAMETER', `${where}: an 'interval' criterion needs finite lower and upper`, null, ref(j));
      }
      if (c.lower > c.upper) {
        throw new MethodInputError('INVALID_PARAMETER', `${where}: interval lower ${c.lower} is above upper ${c.upper}`, null, ref(j));
      }
    }
  });
}

/**
 * Validates the cells of a matrix given as columns and reports the cell a row-by-row scan meets
 * first. `extra` may flag a further invalid cell (e.g. a negative value) per column.
 */
export function checkMatrixCells(
  columns: readonly NumericColumn[],
  m: number,
  ref: (j: number) => ColumnRef,
  extra?: { test: (x: number) => boolean; what: string },
): void {
  let bestRow = Infinity;
  let bestCol = -1;
  let bestKind: 'missing' | 'extra' = 'missing';
  columns.forEach((col, j) => {
    const miss = firstMissingRow(col, Math.min(m, bestRow));
    let row = miss;
    let kind: 'missing' | 'extra' = 'missing';
    if (extra) {
      const limit = miss >= 0 ? miss : Math.min(m, bestRow);
      for (let i = 0; i < limit; i++) {
        if (extra.test(col[i] as number)) {
          row = i;
          kind = 'extra';
          break;
        }
      }
    }
    if (row >= 0 && row < bestRow) {
      bestRow = row;
      bestCol = j;
      bestKind = kind;
    }
  });
  if (bestCol >= 0) {
    throw bestKind === 'missing'
      ? cellError('MISSING_VALUE', 'missing value', bestRow, ref(bestCol))
      : cellError('INVALID_VALUE', extra!.what, bestRow, ref(bestCol));
  }
}

export function columnStats(x: NumericColumn, m: number): ColumnStats {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < m; i++) {
    const v = x[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/**
 * Forward transform of a middle or interval column to [0, 1], 1 = best. middle(m) is interval [m, m].
 * When no value lies outside the best range every value is 1.
 */
export function forwardTransform(x: NumericColumn, m: number, c: Criterion): Float64Array {
  const a = c.type === 'middle' ? (c.best as number) : (c.lower as number);
  const b = c.type === 'middle' ? (c.best as number) : (c.upper as number);
  const { min, max } = columnStats(x, m);
  const M = Math.max(a - min, max - b);
  const out = new Float64Array(m);
  if (!(M > 0)) {
    out.fill(1);
    return out;
  }
  for (let i = 0; i < m; i++) {
    const v = x[i] as number;
    out[i] = v < a ? 1 - (a - v) / M : v > b ? 1 - (v - b) / M : 1;
  }
  return out;
}

export function toColumnRef(names: readonly string[] | undefined): (j: number) => ColumnRef {
  return (j) => (names ? names[j] : j);
}

/**
 * The input checks every criteria method starts with: at least one column and one row, columns of
 * equal length, one criterion (default benefit) and one name per column.
 */
export function checkCriteriaInput(
  columns: readonly { length: number }[],
  criteria: readonly Criterion[] | undefined,
  names: readonly string[] | undefined,
  what: string,
): { n: number; m: number; ref: (j: number) => ColumnRef; crit: readonly Criterion[] } {
  const n = columns.length;
  if (n === 0) throw new MethodInputError('EMPTY_INPUT', `no ${what} columns`);
  const m = columns[0].length;
  if (m === 0) throw new MethodInputError('EMPTY_INPUT', 'no rows');
  const ref = toColumnRef(names);
  for (let j = 0; j < n; j++) {
    if (columns[j].length !== m) throw new MethodInputError('DIMENSION_MISMATCH', `column ${String(ref(j))} has ${columns[j].length} rows, expected ${m}`, null, ref(j));
  }
  const crit = criteria ?? columns.map(() => ({ type: 'benefit' as const }));
  requireLength(crit.length, n, 'criteria');
  if (names) requireLength(names.length, n, 'names');
  return { n, m, ref, crit };
}

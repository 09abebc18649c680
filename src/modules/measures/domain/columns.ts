/**
 * Column helpers shared by the methods: cell validation, weights, subgroup encoding, compensated
 * sums and a radix sort order for non-negative doubles. Pure: no I/O.
 */
import { MethodInputError, TOL, cellError, type ColumnRef, type MethodWarning } from './method-error.js';

/** A numeric column: a Float64Array (fast path) or any array of numbers that may hold gaps. */
export type NumericColumn = Float64Array | ArrayLike<number | null | undefined>;

/**
 * Subgroup labels, one per row: plain strings, or dictionary codes into `labels` (the fast form for
 * millions of rows).
 */
export type GroupColumn =
  | ArrayLike<string | null | undefined>
  | { codes: Int32Array | Uint32Array | Uint16Array | Uint8Array; labels: readonly string[] };

export interface EncodedGroups {
  codes: Int32Array;
  labels: string[];
  /** First row whose label is missing (its code is -1), or -1. Callers raise MISSING_VALUE there in row order. */
  firstMissing: number;
}

/** Raises MISSING_VALUE for the group label of `row` (used when the scan reaches `firstMissing`). */
export function missingGroupLabel(row: number, column: ColumnRef): MethodInputError {
  return cellError('MISSING_VALUE', 'missing group label', row, column);
}

/**
 * Index of the first cell that is null, undefined, NaN or ±Infinity, or -1. Used by column-major
 * passes; callers report the smallest row over their columns, which is the cell a row-by-row scan
 * meets first.
 */
export function firstMissingRow(col: NumericColumn, n: number): number {
  if (col instanceof Float64Array) {
    for (let i = 0; i < n; i++) {
      const x = col[i];
      if (x - x !== 0) return i;
    }
    return -1;
  }
  for (let i = 0; i < n; i++) {
    const x = col[i];
    if (typeof x !== 'number' || x - x !== 0) return i;
  }
  return -1;
}

export function requireLength(len: number, n: number, what: string): void {
  if (len !== n) throw new MethodInputError('DIMENSION_MISMATCH', `${what} has ${len} entries, expected ${n}`);
}

/**
 * Indicator or subsystem weights (methods.md §0): finite, >= 0, sum > 0; returns w̄ = w / Σw and
 * adds a WEIGHTS_NORMALIZED warning when Σw differs from 1 by more than TOL.
 */
export function normalizeIndicatorWeights(
  weights: ArrayLike<number | null | undefined>,
  count: number,
  warnings: MethodWarning[],
  what = 'weights',
): Float64Array {
  requireLength(weights.length, count, what);
  let sum = 0;
  for (let j = 0; j < count; j++) {
    const w = weights[j];
    if (typeof w !== 'number' || !Number.isFinite(w)) {
      throw new MethodInputError('MISSING_VALUE', `missing or non-finite ${what} entry at position ${j}`, null, j);
    }
    if (w < 0) throw new MethodInputError('INVALID_VALUE', `negative ${what} entry at position ${j}`, null, j);
    sum += w;
  }
  if (!(sum > 0)) throw new MethodInputError('INVALID_PARAMETER', `${what} sum to 0`);
  const out = new Float64Array(count);
  for (let j = 0; j < count; j++) out[j] = (weights[j] as number) / sum;
  if (Math.abs(sum - 1) > TOL) {
    warnings.push({
      code: 'WEIGHTS_NORMALIZED',
      message: `${what} summed to ${sum}; each was divided by the sum so that they sum to 1`,
    });
  }
  return out;
}

/** Validates one person weight (finite, >= 0), raising MISSING_VALUE or INVALID_VALUE with row and column. */
export function checkPersonWeight(v: unknown, row: number, column: ColumnRef): void {
  if (typeof v !== 'number' || v - v !== 0) throw cellError('MISSING_VALUE', 'missing weight', row, column);
  if (v < 0) throw cellError('INVALID_VALUE', 'negative weight', row, column);
}

/**
 * Dictionary-encodes group labels: order is `levels`, then further labels by first appearance.
 * A missing label is recorded in `firstMissing` (code -1) so the caller reports it in row order.
 */
export function encodeGroups(
  group: GroupColumn,
  n: number,
  levels: readonly string[] | undefined,
): EncodedGroups {
  let firstMissing = -1;
  const labels: string[] = [];
  const index = new Map<string, number>();
  for (const l of levels ?? []) {
    if (!index.has(l)) {
      index.set(l, labels.length);
      labels.push(l);
    }
  }
  const codes = new Int32Array(n);
  if ('codes' in group && 'labels' in group && !Array.isArray(group)) {
    const src = group.codes;
    requireLength(src.length, n, 'group codes');
    const remap = new Int32Array(group.labels.length).fill(-1);
    for (let i = 0; i < n; i++) {
      const c = src[i];
      if (c >= group.labels.length || c < 0) {
        if (firstMissing < 0) firstMissing = i;
        codes[i] = -1;
        continue;
      }
      let m = remap[c];
      if (m < 0) {
        const label = group.labels[c];
        let found = index.get(label);
        if (found === undefined) {
          found = labels.length;
          index.set(label, found);
          labels.push(label);
        }
        m = remap[c] = found;
      }
      codes[i] = m;
    }
    return { codes, labels, firstMissing };
  }
  const arr = group as ArrayLike<string | null | undefined>;
  requireLength(arr.length, n, 'group');
  for (let i = 0; i < n; i++) {
    const label = arr[i];
    if (typeof label !== 'string') {
      if (firstMissing < 0) firstMissing = i;
      codes[i] = -1;
      continue;
    }
    let c = index.get(label);
    if (c === undefined) {
      c = labels.length;
      index.set(label, c);
      labels.push(label);
    }
    codes[i] = c;
  }
  return { codes, labels, firstMissing };
}

/** Neumaier compensated sum (methods.md §0), used to fold block partial sums. */
export class CompensatedSum {
  private s = 0;
  private c = 0;
  add(x: number): void {
    const t = this.s + x;
    if (Math.abs(this.s) >= Math.abs(x)) this.c += this.s - t + x;
    else this.c += x - t + this.s;
    this.s = t;
  }
  get value(): number {
    return this.s + this.c;
  }
}

/** Neumaier sums held in parallel arrays (one per indicator or group): sum[k] and compensation comp[k]. */
export class CompensatedSums {
  readonly sum: Float64Array;
  readonly comp: Float64Array;
  constructor(size: number) {
    this.sum = new Float64Array(size);
    this.comp = new Float64Array(size);
  }
  add(k: number, x: number): void {
    const s = this.sum[k];
    const t = s + x;
    if (Math.abs(s) >= Math.abs(x)) this.comp[k] += s - t + x;
    else this.comp[k] += x - t + s;
    this.sum[k] = t;
  }
  value(k: number): number {
    return this.sum[k] + this.comp[k];
  }
}

/**
 * Rows per block: plain sums inside a block, Neumaier across block totals. The error stays at the
 * level of a compensated sum (block sums of 1024 terms lose at most ~1e-13 relative) at plain-loop speed.
 */
export const BLOCK = 1024;

/**
 * Stable ascending sort order of non-negative doubles, in O(n) and with one index array of extra
 * memory. For x >= 0 the IEEE-754 bits order like the values, so one counting pass scatters the rows
 * into buckets by the top bits of their high word (taken from a view of the input, no copy); each
 * bucket is then finished by insertion sort (small) or an LSD radix sort of its members (large).
 * -0 is treated as 0.
 */
export function sortOrderNonNegative(values: Float64Array, n = values.length): Uint32Array {
  const order = new Uint32Array(n);
  if (n < 256) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((a, b) => values[a] - values[b] || a - b);
  }
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  let hiMin = 0x7fffffff;
  let hiMax = 0;
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1] & 0x7fffffff;
    if (h < hiMin) hiMin = h;
    if (h > hiMax) hiMax = h;
  }
  // About one row per bucket on average (at most 2^20 buckets).
  const bucketBits = Math.min(20, 32 - Math.clz32(n));
  const rangeBits = 32 - Math.clz32(hiMax - hiMin);
  const shift = Math.max(0, rangeBits - bucketBits);
  const buckets = ((hiMax - hiMin) >>> shift) + 1;
  // next[b] starts as the first slot of bucket b and ends, after the scatter, as its end.
  const next = new Uint32Array(buckets + 1);
  for (let i = 0; i < n; i++) next[(((words[2 * i + 1] & 0x7fffffff) - hiMin) >>> shift) + 1]++;
  for (let b = 0; b < buckets; b++) next[b + 1] += next[b];
  for (let i = 0; i < n; i++) order[next[(((words[2 * i + 1] & 0x7fffffff) - hiMin) >>> shift)]++] = i;
  for (let b = 0; b < buckets; b++) {
    const lo = b === 0 ? 0 : next[b - 1];
    const hi = next[b];
    if (hi - lo <= 1) continue;
    if (hi - lo <= 48) insertionSortOrder(values, order, lo, hi);
    else radixSortOrder(words, order.subarray(lo, hi));
  }
  return order;
}

/** Sorts order[lo..hi) by value, keeping the existing (index) order of equal values. */
function insertionSortOrder(values: Float64Array, order: Uint32Array, lo: number, hi: number): void {
  for (let k = lo + 1; k < hi; k++) {
    const i = order[k];
    const x = values[i];
    let p = k - 1;
    while (p >= lo && values[order[p]] > x) {
      order[p + 1] = order[p];
      p--;
    }
    order[p + 1] = i;
  }
}

/**
 * Stable LSD radix sort of the rows in `order` (in place) on their IEEE-754 bits with the sign bit
 * masked, eight bits a pass so that the work stays proportional to the rows; a digit that is the
 * same for every row is skipped.
 */
function radixSortOrder(words: Uint32Array, order: Uint32Array): void {
  const n = order.length;
  let src: Uint32Array = order;
  let dst: Uint32Array = new Uint32Array(n);
  const count = new Uint32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const offset = pass >= 4 ? 1 : 0;
    const mask = pass >= 4 ? 0x7fffffff : 0xffffffff;
    const shift = (pass % 4) * 8;
    count.fill(0);
    for (let k = 0; k < n; k++) count[((words[2 * src[k] + offset] & mask) >>> shift) & 0xff]++;
    let same = false;
    for (let d = 0; d < 256; d++) {
      if (count[d] === n) same = true;
      if (count[d] !== 0) break;
    }
    if (same) continue;
    let total = 0;
    for (let d = 0; d < 256; d++) {
      const c = count[d];
      count[d] = total;
      total += c;
    }
    for (let k = 0; k < n; k++) {
      const i = src[k];
      dst[count[((words[2 * i + offset] & mask) >>> shift) & 0xff]++] = i;
    }
    [src, dst] = [dst, src];
  }
  if (src !== order) order.set(src);
}

/** Replaces -0 by 0 (methods.md §0: -0 never appears in a result). */
export function clean(x: number): number {
  return x === 0 ? 0 : x;
}

/** Criterion or subsystem weights: equal when not given, else normalised as above. */
export function normalizeIndicatorWeightsOrEqual(
  weights: readonly number[] | undefined,
  count: number,
  warnings: MethodWarning[],
  what = 'weights',
): Float64Array {
  if (weights === undefined) return new Float64Array(count).fill(1 / count);
  return normalizeIndicatorWeights(weights, count, warnings, what);
}

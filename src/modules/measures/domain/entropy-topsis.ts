/**
 * Entropy-weight TOPSIS (methods.md §7): EWM weights, then TOPSIS on the original matrix (default)
 * or on EWM's x' with every column a benefit column.
 */
import type { NumericColumn } from './columns.js';
import type { Criterion } from './criteria.js';
import { computeEntropyWeights, type EntropyOptions, type EntropyResult } from './entropy-weights.js';
import { computeTopsis, type TopsisOptions, type TopsisResult } from './topsis.js';

export interface EntropyTopsisOptions {
  entropy?: Omit<EntropyOptions, 'names'>;
  topsis?: Omit<TopsisOptions, 'weights' | 'names'>;
  topsisInput?: 'original' | 'ewmMatrix';
  names?: readonly string[];
}

export interface EntropyTopsisResult {
  ewm: EntropyResult;
  topsis: TopsisResult;
}

export function computeEntropyTopsis(
  columns: readonly NumericColumn[],
  criteria: readonly Criterion[] | undefined,
  options: EntropyTopsisOptions = {},
): EntropyTopsisResult {
  const ewm = computeEntropyWeights(columns, criteria, { ...options.entropy, names: options.names });
  const onEwm = options.topsisInput === 'ewmMatrix';
  const topsis = computeTopsis(onEwm ? ewm.normalized : columns, onEwm ? undefined : criteria, {
    ...options.topsis,
    weights: ewm.weights,
    names: options.names,
  });
  return { ewm, topsis };
}

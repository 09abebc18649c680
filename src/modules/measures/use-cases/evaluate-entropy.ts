import type { EntropySpec } from '../contract.js';
import { computeEntropyWeights } from '../domain/entropy-weights.js';
import type { MethodWarning } from '../domain/method-error.js';
import type { ColumnTable, TableRequest } from '../io/read-table.js';
import { callMethod, fileWarnings } from './call-method.js';

export interface EntropyOutput {
  weights: Record<string, number>;
}

export const entropyColumns = (spec: EntropySpec): TableRequest => ({
  numeric: spec.criteria.map((c) => c.column),
  text: spec.id ? [spec.id] : [],
});

/** `ruralbridge evaluate entropy`: entropy weights of the criteria columns. */
export function evaluateEntropy(table: ColumnTable, spec: EntropySpec): { output: EntropyOutput; warnings: MethodWarning[] } {
  const names = spec.criteria.map((c) => c.column);
  const r = callMethod(table, () =>
    computeEntropyWeights(
      names.map((c) => table.numeric[c]),
      spec.criteria,
      { normalization: spec.entropy?.normalization, epsilon: spec.entropy?.epsilon, names },
    ),
  );
  const weights: Record<string, number> = {};
  names.forEach((c, j) => (weights[c] = r.weights[j]));
  return { output: { weights }, warnings: fileWarnings(table, r.warnings) };
}

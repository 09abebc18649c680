import { invalidInput } from '../../../platform/errors.js';
import type { TopsisSpec } from '../contract.js';
import { computeEntropyWeights } from '../domain/entropy-weights.js';
import type { MethodWarning } from '../domain/method-error.js';
import { computeTopsis } from '../domain/topsis.js';
import type { ColumnTable, TableRequest } from '../io/read-table.js';
import { callMethod, fileWarnings, rowIds } from './call-method.js';

export interface TopsisAlternativeOutput {
  id: string | number;
  dPlus: number;
  dMinus: number;
  closeness: number;
  rank: number;
}

export interface TopsisOutput {
  weights: Record<string, number>;
  idealBest: Record<string, number>;
  idealWorst: Record<string, number>;
  alternatives: TopsisAlternativeOutput[];
}

export const topsisColumns = (spec: TopsisSpec): TableRequest => ({
  numeric: spec.criteria.map((c) => c.column),
  text: spec.id ? [spec.id] : [],
});

/**
 * `ruralbridge evaluate topsis`: closeness and rank of each alternative (rows, in file order), with
 * entropy, equal or given weights.
 */
export function evaluateTopsis(table: ColumnTable, spec: TopsisSpec): { output: TopsisOutput; warnings: MethodWarning[] } {
  const names = spec.criteria.map((c) => c.column);
  const columns = names.map((c) => table.numeric[c]);
  const warnings: MethodWarning[] = [];
  let weights: number[] | undefined;
  if (spec.weights === 'entropy') {
    const ewm = callMethod(table, () =>
      computeEntropyWeights(columns, spec.criteria, { normalization: spec.entropy?.normalization, epsilon: spec.entropy?.epsilon, names }),
    );
    weights = ewm.weights;
    warnings.push(...ewm.warnings);
  } else if (spec.weights !== 'equal') {
    const given = spec.weights;
    const unknown = Object.keys(given).filter((k) => !names.includes(k));
    if (unknown.length) {
      throw invalidInput(`weights name column(s) that are not criteria: ${unknown.join(', ')}`, unknown.map((k) => ({ path: `weights.${k}`, code: 'measures.weights.not_criterion', message: 'not a criterion column', params: { column: k } })));
    }
    const missing = names.filter((c) => !(c in given));
    if (missing.length) {
      throw invalidInput(`weights miss criterion column(s): ${missing.join(', ')}`, missing.map((k) => ({ path: `weights.${k}`, code: 'measures.weights.missing', message: 'missing weight', params: { column: k } })));
    }
    weights = names.map((c) => given[c]);
  }
  const r = callMethod(table, () => computeTopsis(columns, spec.criteria, { weights, normalization: spec.normalization, ties: spec.ties, names }));
  warnings.push(...r.warnings);
  const ids = rowIds(table, spec.id);
  const byColumn = (values: number[]) => Object.fromEntries(names.map((c, j) => [c, values[j]]));
  const alternatives: TopsisAlternativeOutput[] = ids.map((id, i) => ({
    id,
    dPlus: r.dPlus[i],
    dMinus: r.dMinus[i],
    closeness: r.closeness[i],
    rank: r.rank[i],
  }));
  return {
    output: { weights: byColumn(r.weights), idealBest: byColumn(r.idealBest), idealWorst: byColumn(r.idealWorst), alternatives },
    warnings: fileWarnings(table, warnings),
  };
}

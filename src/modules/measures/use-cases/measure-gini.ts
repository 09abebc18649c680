import type { GiniSpec } from '../contract.js';
import { computeGini } from '../domain/gini.js';
import type { MethodWarning } from '../domain/method-error.js';
import type { ColumnTable, TableRequest } from '../io/read-table.js';
import { callMethod, fileWarnings } from './call-method.js';

export interface GiniOutput {
  n: number;
  gini: number | null;
  groups?: { group: string; n: number; popShare: number; gini: number | null }[];
}

export const giniColumns = (spec: GiniSpec): TableRequest => ({
  numeric: [spec.welfare, ...(spec.weight ? [spec.weight] : [])],
  text: spec.by ? [spec.by] : [],
});

/** `ruralbridge measure gini`: the population Gini of a welfare column, optionally weighted and by group. */
export function measureGini(table: ColumnTable, spec: GiniSpec): { output: GiniOutput; warnings: MethodWarning[] } {
  const r = callMethod(table, () =>
    computeGini(
      { x: table.numeric[spec.welfare], weights: spec.weight ? table.numeric[spec.weight] : undefined, group: spec.by ? table.text[spec.by] : undefined },
      { names: { x: spec.welfare, weights: spec.weight, group: spec.by } },
    ),
  );
  const output: GiniOutput = { n: r.n, gini: r.gini };
  if (r.groups) output.groups = r.groups.map((g) => ({ group: g.label, n: g.n, popShare: g.popShare, gini: g.gini }));
  return { output, warnings: fileWarnings(table, r.warnings) };
}

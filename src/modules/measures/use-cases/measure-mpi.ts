import type { MpiSpec } from '../contract.js';
import { computeAlkireFoster } from '../domain/alkire-foster.js';
import type { MethodWarning } from '../domain/method-error.js';
import type { ColumnTable, TableRequest } from '../io/read-table.js';
import { callMethod, fileWarnings } from './call-method.js';

export interface MpiIndicatorOutput {
  uncensoredHeadcount: number;
  censoredHeadcount: number;
  /** Share of M0 (fraction; x100 for percent); null when M0 = 0. */
  contribution: number | null;
}

export interface MpiGroupOutput {
  group: string;
  n: number;
  popShare: number;
  H: number | null;
  A: number | null;
  M0: number | null;
  M1: number | null;
  M2: number | null;
  contribution: number | null;
}

export interface MpiOutput {
  n: number;
  H: number;
  A: number | null;
  M0: number;
  M1: number | null;
  M2: number | null;
  indicators: Record<string, MpiIndicatorOutput>;
  groups?: MpiGroupOutput[];
}

export const mpiColumns = (spec: MpiSpec): TableRequest => ({
  numeric: [...spec.indicators.map((i) => i.column), ...(spec.weight ? [spec.weight] : [])],
  text: spec.by ? [spec.by] : [],
});

/**
 * `ruralbridge measure mpi`: Alkire-Foster with deprivation when strictly below (or above) each cutoff,
 * k as a share of the total weight.
 */
export function measureMpi(table: ColumnTable, spec: MpiSpec): { output: MpiOutput; warnings: MethodWarning[] } {
  const names = spec.indicators.map((i) => i.column);
  const r = callMethod(table, () =>
    computeAlkireFoster(
      {
        achievements: names.map((c) => table.numeric[c]),
        cutoffs: spec.indicators.map((i) => i.cutoff),
        directions: spec.indicators.map((i) => (i.deprivedWhen === 'above' ? 'lower' : 'higher')),
        weights: spec.weight ? table.numeric[spec.weight] : undefined,
        group: spec.by ? table.text[spec.by] : undefined,
      },
      { indicatorWeights: spec.indicators.map((i) => i.weight), k: spec.k, indicators: names, names: { weights: spec.weight, group: spec.by } },
    ),
  );
  const indicators: Record<string, MpiIndicatorOutput> = {};
  names.forEach((c, j) => {
    indicators[c] = { uncensoredHeadcount: r.uncensoredHeadcount[j], censoredHeadcount: r.censoredHeadcount[j], contribution: r.contribution[j] };
  });
  const output: MpiOutput = { n: r.n, H: r.H, A: r.A, M0: r.M0, M1: r.M1, M2: r.M2, indicators };
  if (r.groups) {
    output.groups = r.groups.map((g) => ({ group: g.label, n: g.n, popShare: g.popShare, H: g.H, A: g.A, M0: g.M0, M1: g.M1, M2: g.M2, contribution: g.contribution }));
  }
  return { output, warnings: fileWarnings(table, r.warnings) };
}

import type { FgtSpec } from '../contract.js';
import { computeFgt } from '../domain/fgt.js';
import type { MethodWarning } from '../domain/method-error.js';
import type { ColumnTable, TableRequest } from '../io/read-table.js';
import { callMethod, fileWarnings } from './call-method.js';

export interface FgtGroupOutput {
  group: string;
  n: number;
  popShare: number;
  P0: number | null;
  P1: number | null;
  P2: number | null;
  contribution: { P0: number | null; P1: number | null; P2: number | null };
}

export interface FgtOutput {
  n: number;
  P0: number;
  P1: number;
  P2: number;
  groups?: FgtGroupOutput[];
}

export const fgtColumns = (spec: FgtSpec): TableRequest => ({
  numeric: [spec.welfare, ...(spec.weight ? [spec.weight] : [])],
  text: spec.by ? [spec.by] : [],
});

/** `ruralbridge measure fgt`: P0, P1, P2 of a welfare column against a line, optionally weighted and by group. */
export function measureFgt(table: ColumnTable, spec: FgtSpec): { output: FgtOutput; warnings: MethodWarning[] } {
  const r = callMethod(table, () =>
    computeFgt(
      { welfare: table.numeric[spec.welfare], weights: spec.weight ? table.numeric[spec.weight] : undefined, group: spec.by ? table.text[spec.by] : undefined },
      { z: spec.line, names: { welfare: spec.welfare, weights: spec.weight, group: spec.by } },
    ),
  );
  const output: FgtOutput = { n: r.n, P0: r.values.P0, P1: r.values.P1, P2: r.values.P2 };
  if (r.groups) {
    output.groups = r.groups.map((g) => ({
      group: g.label,
      n: g.n,
      popShare: g.popShare,
      P0: g.values.P0,
      P1: g.values.P1,
      P2: g.values.P2,
      contribution: { P0: g.contribution.P0, P1: g.contribution.P1, P2: g.contribution.P2 },
    }));
  }
  return { output, warnings: fileWarnings(table, r.warnings) };
}

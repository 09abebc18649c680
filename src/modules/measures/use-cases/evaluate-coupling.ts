import type { CouplingSpec } from '../contract.js';
import { computeCoupling } from '../domain/coupling.js';
import type { MethodWarning } from '../domain/method-error.js';
import type { ColumnTable, TableRequest } from '../io/read-table.js';
import { callMethod, fileWarnings, rowIds } from './call-method.js';

export interface CouplingAlternativeOutput {
  id: string | number;
  C: number;
  T: number;
  D: number;
  level: number;
  levelName: { zh: string; en: string };
}

export interface CouplingOutput {
  alternatives: CouplingAlternativeOutput[];
}

export const couplingColumns = (spec: CouplingSpec): TableRequest => ({
  numeric: spec.systems,
  text: spec.id ? [spec.id] : [],
});

/** `ruralbridge evaluate coupling`: C, T, D and the coordination level of each row's subsystem scores. */
export function evaluateCoupling(table: ColumnTable, spec: CouplingSpec): { output: CouplingOutput; warnings: MethodWarning[] } {
  const r = callMethod(table, () =>
    computeCoupling(
      spec.systems.map((c) => table.numeric[c]),
      { weights: spec.weights, formula: spec.formula, names: spec.systems },
    ),
  );
  const ids = rowIds(table, spec.id);
  return {
    output: {
      alternatives: r.units.map((u, i) => ({ id: ids[i], C: u.C, T: u.T, D: u.D, level: u.level, levelName: { zh: u.levelZh, en: u.levelEn } })),
    },
    warnings: fileWarnings(table, r.warnings),
  };
}

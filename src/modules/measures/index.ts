/**
 * measures: pure poverty and evaluation mathematics on columnar data (methods.md), and the analyst
 * CLI on CSV/XLSX files. Other modules use the functions below.
 */
export { TOL, MethodInputError, isMethodInputError, type MethodWarning, type MethodErrorCode, type WarningCode } from './domain/method-error.js';
export { sortOrderNonNegative, type NumericColumn, type GroupColumn } from './domain/columns.js';
export { renderTable } from './io/format-table.js';
export { computeFgt, fgtKey, type FgtInput, type FgtOptions, type FgtResult, type FgtGroup } from './domain/fgt.js';
export { computeGini, computeGroupedGini, type GiniInput, type GiniOptions, type GiniResult, type GiniGroup } from './domain/gini.js';
export {
  computeAlkireFoster,
  isMultidimensionallyPoor,
  type AfInput,
  type AfOptions,
  type AfResult,
  type AfGroup,
  type Direction,
} from './domain/alkire-foster.js';
export { forwardTransform, type Criterion, type CriterionType } from './domain/criteria.js';
export { computeEntropyWeights, type EntropyOptions, type EntropyResult } from './domain/entropy-weights.js';
export { computeTopsis, rankDescending, type TopsisOptions, type TopsisResult, type TiesRule } from './domain/topsis.js';
export { computeEntropyTopsis, type EntropyTopsisOptions, type EntropyTopsisResult } from './domain/entropy-topsis.js';
export {
  computeCoupling,
  couplingDegree,
  coordinationLevel,
  couplingStage,
  COORDINATION_LEVELS,
  COUPLING_STAGES,
  type CouplingFormula,
  type CouplingOptions,
  type CouplingResult,
  type CouplingUnit,
} from './domain/coupling.js';

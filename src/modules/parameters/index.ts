import { createRequire } from 'node:module';
import { valueOn, type DatedValues } from './domain/dated-value.js';
import { yuanToFen, type Fen } from '../../platform/money.js';

const require = createRequire(import.meta.url);
const monitoringThreshold = require('./defaults/monitoring-threshold.json') as { values: DatedValues };

export { valueOn, type DatedValues } from './domain/dated-value.js';
export { resolveLayered, type ResolvedValue, type OverrideValue } from './domain/resolve.js';
export { PARAMETERS, parameterDefinition, type ParameterDefinition } from './defaults.js';
export { resolveParameter, parameterValue, thresholdFen, resolveForCounties, listParameters } from './use-cases/resolve-parameter.js';
export { setParameterOverride, overrideVersion } from './use-cases/set-parameter-override.js';
export * from './contract.js';

/**
 * The monitoring threshold in fen per person per year for a province on a date, from the shipped
 * defaults only. Use `thresholdFen(deps, code, date)` to include county/province overrides.
 */
export function defaultMonitoringThresholdFen(provinceCode: string, date: string): Fen | null {
  const yuan = valueOn(monitoringThreshold.values, provinceCode, date);
  return yuan === null ? null : yuanToFen(yuan);
}

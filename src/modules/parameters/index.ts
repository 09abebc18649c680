import { createRequire } from 'node:module';
import { valueOn, type DatedValues } from './domain/dated-value.js';
import { yuanToFen, type Fen } from '../../platform/money.js';

const require = createRequire(import.meta.url);
const monitoringThreshold = require('./defaults/monitoring-threshold.json') as { values: DatedValues };

export { valueOn, type DatedValues } from './domain/dated-value.js';

/**
 * The monitoring threshold in fen per person per year for a province on a date, from the shipped
 * defaults. (County overrides stored in the database come with the monitoring work.)
 */
export function defaultMonitoringThresholdFen(provinceCode: string, date: string): Fen | null {
  const yuan = valueOn(monitoringThreshold.values, provinceCode, date);
  return yuan === null ? null : yuanToFen(yuan);
}

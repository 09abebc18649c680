import { createRequire } from 'node:module';
import { valueOn, type DatedValues } from '../parameters/index.js';
import type { RiskMeasureMapping } from './domain/suggest.js';

/** The shipped risk → measure mapping and the first-measure deadline (dated parameter). */
const require = createRequire(import.meta.url);
const data = require('./defaults/risk-measures.json') as { mapping: RiskMeasureMapping; firstMeasureDays: { values: DatedValues } };

export const shippedMapping: RiskMeasureMapping = data.mapping;

export function firstMeasureDays(provinceCode: string, date: string): number {
  return valueOn(data.firstMeasureDays.values, provinceCode, date) ?? 30;
}

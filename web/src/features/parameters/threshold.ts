import thresholds from '../../../../src/modules/parameters/defaults/monitoring-threshold.json';

type DatedValues = Record<string, Record<string, number>>;

/**
 * The monitoring threshold (yuan per person per year) of a province for a year, from the same
 * shipped defaults file the server reads (src/modules/parameters/defaults). Used where an API answer
 * does not carry the threshold (the household profile's income chart).
 */
export function thresholdYuan(divisionCode: string, year: number): number | null {
  const values = (thresholds as { values: DatedValues }).values;
  const series = values[divisionCode.slice(0, 2)] ?? values['000000'];
  if (!series) return null;
  const day = `${year}-12-31`;
  let found: number | null = null;
  for (const [from, v] of Object.entries(series).sort(([a], [b]) => a.localeCompare(b))) if (from <= day) found = v;
  return found;
}

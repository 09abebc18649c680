/**
 * Dated parameters: a value per province (2-digit code, or "000000" for the national default),
 * keyed by the date it takes effect. "The value for this province on this date" is the value with
 * the latest effective date on or before it. Pure.
 */
export type DatedValues = Record<string, Record<string, number>>;

export function valueOn(values: DatedValues, provinceCode: string, date: string): number | null {
  const series = values[provinceCode] ?? values['000000'];
  if (!series) return null;
  let best: string | null = null;
  for (const from of Object.keys(series)) if (from <= date && (best === null || from > best)) best = from;
  return best === null ? null : series[best];
}

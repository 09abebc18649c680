import { valueOn, type DatedValues } from './dated-value.js';

/**
 * Layered resolution of a dated parameter for a division on a date. Pure.
 * Layers, most specific first: a county override (6-digit code), a province override (2-digit),
 * the shipped defaults (province series, else the national "000000" series). The first layer with a
 * value in force on the date answers; within a layer the latest effective date on or before it wins.
 * So a county that recorded its own document keeps it until it records a newer one.
 */
export interface OverrideValue {
  scopeCode: string;
  effectiveFrom: string;
  value: number;
  docNo: string;
  docTitle: string;
}

export interface ResolvedValue {
  value: number;
  layer: 'county' | 'province' | 'default';
  effectiveFrom: string | null;
  docNo: string | null;
  docTitle: string | null;
}

export function resolveLayered(defaults: DatedValues, overrides: readonly OverrideValue[], divisionCode: string, date: string): ResolvedValue | null {
  const county = divisionCode.length >= 6 ? divisionCode.slice(0, 6) : null;
  const province = divisionCode.slice(0, 2);
  for (const [layer, code] of [['county', county], ['province', province]] as const) {
    if (!code) continue;
    let best: OverrideValue | null = null;
    for (const o of overrides) {
      if (o.scopeCode === code && o.effectiveFrom <= date && (best === null || o.effectiveFrom > best.effectiveFrom)) best = o;
    }
    if (best) return { value: best.value, layer, effectiveFrom: best.effectiveFrom, docNo: best.docNo, docTitle: best.docTitle };
  }
  const series = defaults[province] ?? defaults['000000'];
  const value = valueOn(defaults, province, date);
  if (value === null || !series) return null;
  let from: string | null = null;
  for (const f of Object.keys(series)) if (f <= date && (from === null || f > from)) from = f;
  return { value, layer: 'default', effectiveFrom: from, docNo: null, docTitle: null };
}

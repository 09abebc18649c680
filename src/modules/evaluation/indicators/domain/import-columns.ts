/**
 * The indicator value file (long format, docs/evaluation-revitalisation.md): one row per division,
 * year and indicator. Headers in Chinese or English; extra columns (names) are ignored. Pure.
 */
export const VALUE_COLUMNS = [
  { key: 'division', zh: '区划代码', en: 'division_code', required: true, noteZh: '村或乡镇的 12 位统计用区划代码', noteEn: '12-digit statistical division code of the village or township' },
  { key: 'year', zh: '年份', en: 'year', required: true, noteZh: '统计年度，如 2024', noteEn: 'Statistical year, e.g. 2024' },
  { key: 'indicator', zh: '指标代码', en: 'indicator_code', required: true, noteZh: '见“指标”表', noteEn: 'See the Indicators sheet' },
  { key: 'value', zh: '数值', en: 'value', required: true, noteZh: '按指标单位填写：% 填 0—100，0/1 填 0 或 1', noteEn: 'In the indicator unit: % as 0–100, 0/1 as 0 or 1' },
  { key: 'name', zh: '区划名称', en: 'division_name', required: false, noteZh: '可选，仅供核对', noteEn: 'Optional, for checking only' },
] as const;
export type ValueColumnKey = (typeof VALUE_COLUMNS)[number]['key'];

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, '_');

/** Column index per key found in the header (-1 when absent). */
export function locateColumns(header: readonly string[]): Record<ValueColumnKey, number> {
  const out = {} as Record<ValueColumnKey, number>;
  for (const c of VALUE_COLUMNS) out[c.key] = header.findIndex((h) => norm(h) === norm(c.zh) || norm(h) === norm(c.en) || norm(h) === c.key);
  return out;
}

/** Parses a value: digits with an optional sign, decimals and thousands separators; a trailing % is accepted. */
export function parseIndicatorNumber(raw: string): number | null {
  const s = raw.trim().replace(/[,，\s]/g, '').replace(/%$/, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

/** The range a unit allows, or null for any finite number. */
export function unitRange(unit: string): { min: number; max: number; integer?: boolean } | null {
  if (unit === '%') return { min: 0, max: 100 };
  if (unit === '0/1') return { min: 0, max: 1, integer: true };
  return null;
}

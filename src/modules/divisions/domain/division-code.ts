/**
 * Division codes (统计用区划代码): 12 digits, zero-padded; the significant prefix has 2 (province),
 * 4 (city), 6 (county), 9 (township) or 12 (village) digits. Pure.
 */
export type DivisionLevel = 1 | 2 | 3 | 4 | 5;

export const PREFIX_LENGTHS = [2, 4, 6, 9, 12] as const;

export const LEVEL_NAMES: Record<DivisionLevel, { zh: string; en: string }> = {
  1: { zh: '省级', en: 'province' },
  2: { zh: '地级', en: 'city' },
  3: { zh: '县级', en: 'county' },
  4: { zh: '乡级', en: 'township' },
  5: { zh: '村级', en: 'village' },
};

/** The level of a significant prefix, or null when its length is not 2, 4, 6, 9 or 12. */
export function levelOfPrefix(prefix: string): DivisionLevel | null {
  const i = (PREFIX_LENGTHS as readonly number[]).indexOf(prefix.length);
  return i < 0 ? null : ((i + 1) as DivisionLevel);
}

/** 12-digit code of a significant prefix. */
export const toCode12 = (prefix: string): string => prefix.padEnd(12, '0');

/** Prefixes of the ancestors of a division, from the province down (excluding itself). */
export function ancestorPrefixes(prefix: string): string[] {
  return PREFIX_LENGTHS.filter((l) => l < prefix.length).map((l) => prefix.slice(0, l));
}

/** How to find a division from what a user typed: a 12-digit code is looked up as a code, anything shorter as a prefix. */
export type DivisionKey = { by: 'code'; code: string } | { by: 'prefix'; prefix: string };

export function parseDivisionCode(raw: string): DivisionKey | null {
  const text = raw.trim();
  if (!/^\d+$/.test(text)) return null;
  if (text.length === 12) return { by: 'code', code: text };
  return levelOfPrefix(text) ? { by: 'prefix', prefix: text } : null;
}

/** The short everyday name of a village-level unit: 石板河村民委员会 → 石板河村, 前河社区居民委员会 → 前河社区. */
export function shortVillageName(name: string): string {
  const village = /^(.*?)(村民委员会|村委会)$/.exec(name);
  if (village) return village[1].endsWith('村') ? village[1] : `${village[1]}村`;
  return name.replace(/居民委员会$/, '');
}

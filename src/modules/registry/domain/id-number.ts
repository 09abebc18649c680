/**
 * GB 11643-1999 citizen identity numbers: 6-digit area code, 8-digit birth date, 3-digit sequence
 * (odd = male), ISO 7064 MOD 11-2 check character (0-9 or X). Pure.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export type IdNumberProblem = 'format' | 'birth_date' | 'checksum';

export interface IdNumberFacts {
  areaCode: string;
  birthDate: string; // YYYY-MM-DD
  gender: 'M' | 'F';
}

/** The facts in a valid ID number, or the first problem found. `today` bounds the birth date. */
export function parseIdNumber(raw: string, today = '2100-01-01'): { ok: true; value: IdNumberFacts } | { ok: false; problem: IdNumberProblem } {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, problem: 'format' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (y < 1880 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || birthDate > today) return { ok: false, problem: 'birth_date' };
  if (idCheckChar(id) !== id[17]) return { ok: false, problem: 'checksum' };
  return { ok: true, value: { areaCode: id.slice(0, 6), birthDate, gender: Number(id[16]) % 2 === 1 ? 'M' : 'F' } };
}

/** Builds a valid number from its parts (synthetic data, tests). `sequence` is 0..999. */
export function makeIdNumber(areaCode: string, birthDate: string, sequence: number): string {
  const first17 = areaCode + birthDate.replace(/-/g, '') + String(sequence).padStart(3, '0');
  return first17 + idCheckChar(first17);
}

/** 5205**********123X style: area kept for orientation, birth date and sequence hidden. */
export function maskIdNumber(id: string): string {
  return id.length === 18 ? `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(14)}` : '*'.repeat(id.length);
}

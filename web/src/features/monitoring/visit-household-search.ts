/**
 * What the household search box holds: a citizen ID number (18 characters, last may be X), a
 * household number (letters, digits, dashes), or a name (anything else, e.g. Chinese characters).
 */
export function searchOf(text: string): { q?: string; householdNo?: string; idNumber?: string } {
  const s = text.trim();
  if (/^\d{17}[\dXx]$/.test(s)) return { idNumber: s.toUpperCase() };
  if (/^[A-Za-z0-9-]{3,}$/.test(s)) return { householdNo: s };
  return { q: s };
}

/**
 * Cleans free text from the public: drops control characters and angle brackets (no markup reaches a
 * page or a spreadsheet), neutralises a leading formula character (CSV/Excel injection), collapses
 * whitespace, trims and cuts to `max` characters. Pure.
 */
export function sanitizeText(raw: string, max: number): string {
  let s = raw.normalize('NFC').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2028-\u202E\uFEFF]/g, '');
  s = s.replace(/[<>]/g, '');
  s = s.replace(/[ \t\r\n]+/g, ' ').trim();
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return [...s].slice(0, max).join('');
}

/** Plain-text tables for the analyst CLI (numbers to 6 decimals; widths by display width, CJK = 2). */

export type Cell = string | number | null | undefined;

export function formatNumber(x: Cell, digits = 6, integerColumn = false): string {
  if (x === null || x === undefined) return '—';
  if (typeof x === 'string') return x;
  if (integerColumn && Number.isInteger(x)) return String(x);
  return x.toFixed(digits);
}

const displayWidth = (s: string): number => {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
};

const pad = (s: string, width: number, right: boolean): string => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
};

/** A table with a header line, a rule and one line per row; numbers right-aligned. */
export function renderTable(headers: string[], rows: Cell[][]): string {
  // A column of whole numbers (counts, ranks) prints without decimals; any other column with 6.
  const integerColumn = headers.map((_, j) => rows.every((r) => typeof r[j] !== 'number' || Number.isInteger(r[j])));
  const text = rows.map((r) => r.map((c, j) => formatNumber(c, 6, integerColumn[j])));
  const widths = headers.map((h, j) => Math.max(displayWidth(h), ...text.map((r) => displayWidth(r[j] ?? ''))));
  const numeric = headers.map((_, j) => rows.every((r) => typeof r[j] === 'number' || r[j] === null || r[j] === undefined));
  const line = (cells: string[]) => cells.map((c, j) => pad(c, widths[j], numeric[j])).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}

/** How registry values are written into import/export cells: labels in the reader's language, yuan for fen. Pure. */
import type { Labelled } from '../../domain/enums.js';
import type { ColumnSpec } from './columns.js';

export type FileLang = 'zh-CN' | 'en';

export function labelOf(values: Record<string, Labelled> | undefined, code: string | null, lang: FileLang): string {
  if (!code) return '';
  const l = values?.[code];
  return l ? (lang === 'en' ? l.en : l.zh) : code;
}

export const boolText = (b: boolean, lang: FileLang): string => (lang === 'en' ? (b ? 'yes' : 'no') : b ? '是' : '否');

/** Fen as a yuan amount (no trailing zeros: 850050 → 8500.5). */
export const fenToYuanText = (fen: number): number => fen / 100;

/** The cell for one column from a row of stored values keyed by column key. */
export function cellOf(spec: ColumnSpec, value: unknown, lang: FileLang): string | number {
  if (value === null || value === undefined) return '';
  switch (spec.type) {
    case 'enum':
      return labelOf(spec.values, String(value), lang);
    case 'bool':
      return boolText(Boolean(value), lang);
    case 'yuan':
      return fenToYuanText(Number(value));
    case 'int':
    case 'year':
      return Number(value);
    default:
      return String(value);
  }
}

import type { TFunction } from 'i18next';

/** Translated label of a registry code (`enum.householdType.GENERAL` …); unknown codes show as-is. */
export function codeLabel(t: TFunction, set: string, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return t(`enum.${set}.${code}`, { defaultValue: code });
}

export const yesNo = (t: TFunction, v: boolean | null | undefined): string => (v === null || v === undefined ? '—' : v ? t('common.yes') : t('common.no'));

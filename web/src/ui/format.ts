/** Display helpers. Money travels as integer fen; the UI shows yuan. */
export const fenToYuan = (fen: number): number => fen / 100;

export function formatYuan(fen: number | null | undefined, lang: string, digits = 0): string {
  if (fen === null || fen === undefined) return '—';
  return (fen / 100).toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatCount(n: number | null | undefined, lang: string): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString(lang);
}

export function formatShare(share: number | null | undefined, lang: string): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return share.toLocaleString(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** 12-digit division code from a scope prefix ('52' → '520000000000'; '' → ''). */
export const codeFromPrefix = (prefix: string): string => (prefix ? prefix.padEnd(12, '0') : '');

export const formatDateTime = (iso: string, lang: string): string => new Date(iso).toLocaleString(lang, { hour12: false });
export const formatDate = (iso: string, lang: string): string => new Date(iso).toLocaleDateString(lang);

/** Money is integer fen (1 yuan = 100 fen) in code, storage and APIs. */
export type Fen = number;

export const yuanToFen = (yuan: number): Fen => Math.round(yuan * 100);
export const fenToYuan = (fen: Fen): number => fen / 100;

/** Parses a yuan amount written by a person ("1,234.5", "1234") into fen, or null when it is not a number. */
export function parseYuan(text: string): Fen | null {
  const cleaned = text.replace(/[,\s，元¥￥]/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return yuanToFen(Number(cleaned));
}

/**
 * Masks a personal name for public notices: the first and last characters stay and the rest become
 * `*` (张三明 → 张*明, 欧阳小明 → 欧**明, 张三 → 张*). Pure.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return chars[0];
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

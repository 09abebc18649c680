/**
 * Before/after snapshots may hold citizen ID numbers. Readers who may not see them in full get every
 * 18-character ID-shaped string masked the way the registry masks them (first 4, last 4). Pure.
 */
const ID_SHAPE = /^\d{17}[\dXx]$/;

export function maskIdNumbersDeep(value: unknown): unknown {
  if (typeof value === 'string') return ID_SHAPE.test(value) ? `${value.slice(0, 4)}${'*'.repeat(10)}${value.slice(14)}` : value;
  if (Array.isArray(value)) return value.map(maskIdNumbersDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskIdNumbersDeep(v)]));
  }
  return value;
}

/** A `YYYY-MM-DD` day or ISO timestamp as an instant; a bare day starts at 00:00 China Standard Time. */
export function parseAuditInstant(text: string, endOfDay: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const start = new Date(`${text}T00:00:00+08:00`);
    return endOfDay ? new Date(start.getTime() + 86_400_000) : start;
  }
  return new Date(text.replace(' ', 'T'));
}

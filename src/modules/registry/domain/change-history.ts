import { maskIdNumber } from './id-number.js';

/**
 * Turns an audit event's before/after snapshots into a flat list of field changes for the 一户一档
 * change history. Pure. Nested objects and arrays become dotted paths (`members.1.name`); only
 * fields whose value differs are listed. ID numbers are masked when `maskIds` is set.
 */
export interface FieldChangeRow {
  path: string;
  before: unknown;
  after: unknown;
}

const ID_KEYS = new Set(['idNumber', 'id_number', 'headIdNumber']);

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) out.set(prefix, value);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  out.set(prefix, value);
}

const lastKey = (path: string) => path.slice(path.lastIndexOf('.') + 1);

export function diffSnapshots(before: unknown, after: unknown, maskIds: boolean): FieldChangeRow[] {
  const b = new Map<string, unknown>();
  const a = new Map<string, unknown>();
  if (before !== null && before !== undefined) flatten(before, '', b);
  if (after !== null && after !== undefined) flatten(after, '', a);
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  const mask = (path: string, v: unknown) => (maskIds && typeof v === 'string' && ID_KEYS.has(lastKey(path)) ? maskIdNumber(v) : v);
  const changes: FieldChangeRow[] = [];
  for (const path of paths) {
    const x = b.has(path) ? b.get(path) : null;
    const y = a.has(path) ? a.get(path) : null;
    if (JSON.stringify(x) === JSON.stringify(y)) continue;
    changes.push({ path, before: mask(path, x), after: mask(path, y) });
  }
  return changes;
}

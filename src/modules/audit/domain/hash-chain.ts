import { createHash } from 'node:crypto';

/**
 * The audit chain: each event's hash covers the previous hash and the event's canonical JSON,
 * so editing, inserting or deleting any event breaks every later link.
 * (node:crypto is the one import allowed here: hashing is pure computation.)
 */
export interface ChainedFields {
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  scopeCode: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const keys = Object.keys(value as object).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson((value as Record<string, unknown>)[k])).join(',') + '}';
}

export function chainHash(prevHash: string, event: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(event)).digest('hex');
}

export interface ChainBreak {
  seq: number;
  problem: 'edited' | 'broken_link';
}

/** Walks events in sequence order and names the first one whose link or content does not hold. */
export function findFirstBreak(events: Iterable<ChainedFields & { seq: number; prevHash: string; hash: string }>, startHash = GENESIS_HASH): ChainBreak | null {
  let expectedPrev = startHash;
  for (const e of events) {
    if (e.prevHash !== expectedPrev) return { seq: e.seq, problem: 'broken_link' };
    const { seq: _s, prevHash: _p, hash, ...fields } = e;
    if (chainHash(e.prevHash, fields) !== hash) return { seq: e.seq, problem: 'edited' };
    expectedPrev = hash;
  }
  return null;
}

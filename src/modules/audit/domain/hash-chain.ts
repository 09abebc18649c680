import { createHash } from 'node:crypto';

/**
 * The audit chain: each event's hash covers the previous hash and the event's canonical JSON,
 * so editing, inserting or deleting any event breaks a link. The chain head (last seq and hash,
 * kept beside the events and updated with each one) reveals events deleted from the end.
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

export type ChainEvent = ChainedFields & { seq: number; prevHash: string; hash: string };

export interface ChainHead {
  seq: number;
  hash: string;
  events: number;
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

export type ChainProblem = 'edited' | 'inserted' | 'deleted';

/**
 * The first place the chain does not hold. `seq` is the first edited or inserted event, or the
 * first missing seq for deleted events; `lastGoodSeq` is the last event before it that still holds
 * (0 = none); `nextSeq` is the event after a gap.
 */
export interface ChainBreak {
  seq: number;
  problem: ChainProblem;
  lastGoodSeq: number;
  nextSeq?: number;
}

const isSelfConsistent = (e: ChainEvent): boolean => {
  const { seq: _s, prevHash, hash, ...fields } = e;
  return chainHash(prevHash, fields) === hash;
};

/**
 * Walks events in sequence order, one at a time (memory stays bounded: it keeps the hashes of the
 * last `memory` good events to recognise insertions), and names the first break. Classifies with
 * one event of look-ahead:
 * - a link to an earlier good event than the last one: the events after that one were inserted;
 * - a link to no known event: events were deleted (or the previous event was rewritten, hash and
 *   all, when the seqs are consecutive: then that one was edited);
 * - content that does not match its own hash: edited, unless the next event skips it (inserted).
 */
export class ChainVerifier {
  private expectedPrev: string;
  private lastGoodSeq = 0;
  private pending: ChainEvent | null = null;
  private found: ChainBreak | null = null;
  private readonly recent = new Map<string, number>();
  private readonly successor = new Map<number, number>();
  private firstBeyondHead: number | null = null;
  count = 0;

  constructor(
    private head: ChainHead | null,
    startHash = GENESIS_HASH,
    private readonly memory = 10_000,
  ) {
    this.expectedPrev = startHash;
    this.remember(startHash, 0);
  }

  get firstBreak(): ChainBreak | null {
    return this.found;
  }

  /** A newer head, read after writers appended while the walk was running. */
  updateHead(head: ChainHead | null): void {
    this.head = head;
    if (head && this.firstBeyondHead !== null && this.firstBeyondHead <= head.seq) this.firstBeyondHead = null;
  }

  /** Feeds the next event (ascending seq). Returns true while the chain still holds. */
  push(event: ChainEvent): boolean {
    if (this.found) return false;
    this.count++;
    if (this.pending) this.judge(this.pending, event);
    this.pending = event;
    return this.found === null;
  }

  /** After the last event: judges it and compares the end of the chain with the recorded head. */
  finish(): ChainBreak | null {
    if (this.found) return this.found;
    if (this.pending) this.judge(this.pending, null);
    this.pending = null;
    if (this.found || !this.head) return this.found;
    const h = this.head;
    if (h.seq > this.lastGoodSeq) this.found = { seq: this.lastGoodSeq + 1, problem: 'deleted', lastGoodSeq: this.lastGoodSeq };
    else if (h.seq < this.lastGoodSeq) this.found = { seq: this.firstBeyondHead ?? this.lastGoodSeq, problem: 'inserted', lastGoodSeq: h.seq };
    else if (h.hash !== this.expectedPrev) this.found = { seq: this.lastGoodSeq, problem: 'edited', lastGoodSeq: this.previousGood(this.lastGoodSeq) };
    else if (h.events !== this.count) {
      this.found = { seq: this.lastGoodSeq, problem: h.events > this.count ? 'deleted' : 'inserted', lastGoodSeq: this.lastGoodSeq };
    }
    return this.found;
  }

  private judge(e: ChainEvent, next: ChainEvent | null): void {
    const linked = e.prevHash === this.expectedPrev;
    const consistent = isSelfConsistent(e);
    if (linked && consistent) return this.accept(e);
    const nextSkipsIt = next !== null && next.prevHash === this.expectedPrev && next.prevHash !== e.hash;
    if (consistent) {
      // A well-formed event that links elsewhere.
      const linkedSeq = this.recent.get(e.prevHash);
      if (linkedSeq !== undefined) {
        const first = this.successor.get(linkedSeq) ?? this.lastGoodSeq;
        this.found = { seq: first, problem: 'inserted', lastGoodSeq: linkedSeq };
      } else if (e.seq === this.lastGoodSeq + 1 && this.lastGoodSeq > 0) {
        // Consecutive seqs, yet the link points to an unknown hash: the previous event was rewritten.
        this.found = { seq: this.lastGoodSeq, problem: 'edited', lastGoodSeq: this.previousGood(this.lastGoodSeq) };
      } else {
        this.found = { seq: this.lastGoodSeq + 1, problem: 'deleted', lastGoodSeq: this.lastGoodSeq, nextSeq: e.seq };
      }
      return;
    }
    this.found = { seq: e.seq, problem: nextSkipsIt ? 'inserted' : 'edited', lastGoodSeq: this.lastGoodSeq };
  }

  private accept(e: ChainEvent): void {
    this.successor.set(this.lastGoodSeq, e.seq);
    this.expectedPrev = e.hash;
    this.lastGoodSeq = e.seq;
    this.remember(e.hash, e.seq);
    if (this.head && e.seq > this.head.seq && this.firstBeyondHead === null) this.firstBeyondHead = e.seq;
  }

  private remember(hash: string, seq: number): void {
    this.recent.set(hash, seq);
    if (this.recent.size > this.memory) this.recent.delete(this.recent.keys().next().value!);
    if (this.successor.size > this.memory) this.successor.delete(this.successor.keys().next().value!);
  }

  private previousGood(seq: number): number {
    for (const [before, after] of this.successor) if (after === seq) return before;
    return 0;
  }
}

/** Verifies a whole (small) chain at once; the store streams into ChainVerifier instead. */
export function findFirstBreak(events: Iterable<ChainEvent>, head: ChainHead | null = null, startHash = GENESIS_HASH): ChainBreak | null {
  const verifier = new ChainVerifier(head, startHash);
  for (const e of events) if (!verifier.push(e)) break;
  return verifier.finish();
}

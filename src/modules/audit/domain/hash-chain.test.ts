import { describe, expect, it } from 'vitest';
import { chainHash, ChainVerifier, findFirstBreak, GENESIS_HASH, type ChainedFields, type ChainEvent } from './hash-chain.js';

const fields = (i: number): ChainedFields => ({
  at: `2026-01-01T00:00:0${i % 10}.000Z`,
  actorId: 1,
  actorName: 'a',
  action: 'x.update',
  entityType: 'x',
  entityId: String(i),
  scopeCode: '52',
  before: { v: i - 1 },
  after: { v: i },
  reason: null,
});

/** A valid chain with the given seqs. */
function chain(seqs: number[]): ChainEvent[] {
  let prev = GENESIS_HASH;
  return seqs.map((seq) => {
    const f = fields(seq);
    const hash = chainHash(prev, f);
    const e = { ...f, seq, prevHash: prev, hash };
    prev = hash;
    return e;
  });
}
const headOf = (events: ChainEvent[]) => ({ seq: events.at(-1)!.seq, hash: events.at(-1)!.hash, events: events.length });
const forge = (seq: number, prevHash: string): ChainEvent => {
  const f = { ...fields(seq), action: 'forged' };
  return { ...f, seq, prevHash, hash: chainHash(prevHash, f) };
};

describe('findFirstBreak', () => {
  it('accepts an intact chain that matches its head', () => {
    const events = chain([1, 2, 3, 5, 6]);
    expect(findFirstBreak(events, headOf(events))).toBeNull();
  });

  it('names an event whose content was changed as edited', () => {
    const events = chain([1, 2, 3, 4]);
    const head = headOf(events);
    events[1] = { ...events[1], reason: 'tampered' };
    expect(findFirstBreak(events, head)).toMatchObject({ seq: 2, problem: 'edited' });
  });

  it('names an event rewritten with a recomputed hash as edited', () => {
    const events = chain([1, 2, 3, 4]);
    const head = headOf(events);
    events[1] = forge(2, events[0].hash);
    expect(findFirstBreak(events, head)).toMatchObject({ seq: 2, problem: 'edited', lastGoodSeq: 1 });
  });

  it('names a deleted middle event by its seq', () => {
    const events = chain([1, 2, 3, 4, 5]);
    const head = headOf(events);
    expect(findFirstBreak([events[0], events[1], events[3], events[4]], head)).toMatchObject({ seq: 3, problem: 'deleted', lastGoodSeq: 2, nextSeq: 4 });
  });

  it('notices events deleted from the end through the head', () => {
    const events = chain([1, 2, 3, 4, 5]);
    expect(findFirstBreak(events.slice(0, 3), headOf(events))).toMatchObject({ seq: 4, problem: 'deleted', lastGoodSeq: 3 });
    expect(findFirstBreak([], headOf(events))).toMatchObject({ seq: 1, problem: 'deleted', lastGoodSeq: 0 });
  });

  it('names a well-forged event inserted in the middle', () => {
    const events = chain([1, 2, 4, 5]);
    const head = headOf(events);
    const inserted = forge(3, events[1].hash);
    expect(findFirstBreak([events[0], events[1], inserted, events[2], events[3]], head)).toMatchObject({ seq: 3, problem: 'inserted', lastGoodSeq: 2 });
  });

  it('names a carelessly forged event inserted in the middle', () => {
    const events = chain([1, 2, 4, 5]);
    const junk = { ...fields(3), seq: 3, prevHash: 'f'.repeat(64), hash: 'e'.repeat(64) };
    expect(findFirstBreak([events[0], events[1], junk, events[2], events[3]], headOf(events))).toMatchObject({ seq: 3, problem: 'inserted' });
  });

  it('names events appended after the head as inserted', () => {
    const events = chain([1, 2, 3]);
    const head = headOf(events);
    const appended = [...events, forge(4, events[2].hash)];
    expect(findFirstBreak(appended, head)).toMatchObject({ seq: 4, problem: 'inserted', lastGoodSeq: 3 });
  });

  it('names a replaced last event as edited through the head', () => {
    const events = chain([1, 2, 3]);
    const head = headOf(events);
    events[2] = forge(3, events[1].hash);
    expect(findFirstBreak(events, head)).toMatchObject({ seq: 3, problem: 'edited' });
  });
});

describe('ChainVerifier', () => {
  it('keeps only a bounded window of hashes while walking a long chain', () => {
    const events = chain(Array.from({ length: 1000 }, (_, i) => i + 1));
    const v = new ChainVerifier(headOf(events), GENESIS_HASH, 100);
    for (const e of events) expect(v.push(e)).toBe(true);
    expect(v.finish()).toBeNull();
    expect(v.count).toBe(1000);
    expect((v as unknown as { recent: Map<string, number> }).recent.size).toBeLessThanOrEqual(100);
  });
});

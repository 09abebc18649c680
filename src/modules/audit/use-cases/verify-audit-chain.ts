import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { ChainVerifier, type ChainBreak, type ChainHead } from '../domain/hash-chain.js';
import { readChain, readChainHead } from '../store/audit-store.js';

export interface ChainReport {
  events: number;
  firstBreak: ChainBreak | null;
  head: ChainHead | null;
}

/**
 * Walks the whole chain in seq order, streaming (bounded memory), and compares its end with the
 * recorded head. Needs no long transaction: events appended while it runs are picked up by reading
 * the head again and continuing from the last seq seen.
 */
export async function verifyAuditChain(db: Kysely<Database>, options: { batchSize?: number } = {}): Promise<ChainReport> {
  let head = await readChainHead(db);
  const verifier = new ChainVerifier(head);
  let lastSeq = 0;
  const walk = async () => {
    for await (const e of readChain(db, lastSeq, options.batchSize ?? 5000)) {
      lastSeq = e.seq;
      if (!verifier.push(e)) return;
    }
  };
  await walk();
  for (let round = 0; round < 5 && !verifier.firstBreak; round++) {
    const latest = await readChainHead(db);
    if (!latest || !head || latest.seq === head.seq) break;
    head = latest;
    verifier.updateHead(latest);
    if (latest.seq > lastSeq) await walk();
  }
  const firstBreak = verifier.finish();
  return { events: verifier.count, firstBreak, head };
}

import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { findFirstBreak, type ChainBreak } from '../domain/hash-chain.js';
import { readChain } from '../store/audit-store.js';

export interface ChainReport {
  events: number;
  firstBreak: ChainBreak | null;
}

export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainReport> {
  const events: Awaited<ReturnType<typeof collect>> = await collect(db);
  return { events: events.length, firstBreak: findFirstBreak(events) };
}

async function collect(db: Kysely<Database>) {
  const all = [];
  for await (const e of readChain(db)) all.push(e);
  return all;
}

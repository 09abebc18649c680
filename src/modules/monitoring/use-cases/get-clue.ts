import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Deps } from '../../../platform/deps.js';
import { notFound } from '../../../platform/errors.js';
import { withActorTransaction, type Actor } from '../../access/index.js';
import type { RiskClueDetail } from '../contract.js';
import { findClue } from '../store/clue-store.js';

/** One clue with its sources, inside the actor's scope (404 otherwise, so existence does not leak). */
export async function getClue(deps: Deps, actor: Actor, clueId: number): Promise<RiskClueDetail> {
  return withActorTransaction(deps.store.db, actor, (trx) => getClueIn(trx, actor, clueId));
}

/** The same inside a caller's transaction (the cases module reads the clue it opens a case from). */
export async function getClueIn(trx: Transaction<Database>, actor: Actor, clueId: number): Promise<RiskClueDetail> {
  const clue = await findClue(trx, actor, clueId);
  if (!clue) throw notFound(`risk clue ${clueId}`);
  return clue;
}

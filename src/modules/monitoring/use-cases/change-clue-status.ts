import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Deps } from '../../../platform/deps.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { withActorTransaction, type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { lockClue, setClueStatus } from '../store/clue-store.js';

/**
 * Marks an OPEN clue as taken into a case (the cases module calls this in the transaction that
 * opens the case). 404 outside scope; 409 when the clue is no longer open or `expectedVersion`
 * is stale. Audited.
 */
export async function takeClueIntoCase(
  trx: Transaction<Database>,
  actor: Actor,
  at: Date,
  input: { clueId: number; caseId: number; expectedVersion?: number },
): Promise<void> {
  const clue = await lockClue(trx, actor, input.clueId);
  if (!clue) throw notFound(`risk clue ${input.clueId}`);
  if (clue.status !== 'OPEN') throw conflict(`risk clue ${input.clueId} is ${clue.status}, not OPEN`, [{ path: 'clueId', message: 'clue is not open', code: 'monitoring.clue_not_open', value: clue.status }]);
  if (input.expectedVersion !== undefined && input.expectedVersion !== clue.version) throw conflict(`risk clue ${input.clueId} changed (version ${clue.version})`);
  await setClueStatus(trx, clue.id, at, { status: 'IN_CASE', caseId: input.caseId });
  await recordAudit(trx, actor, at, {
    action: 'monitoring.clue.take_into_case',
    entityType: 'risk_clue',
    entityId: clue.id,
    scopeCode: clue.village_code,
    before: { status: clue.status },
    after: { status: 'IN_CASE', caseId: input.caseId },
  });
}

/**
 * Closes an OPEN or IN_CASE clue with a reason (not a risk after all, case rejected, merged ...).
 * A closed clue is not raised again by the sweep on the same facts. Audited.
 */
export async function closeClueIn(
  trx: Transaction<Database>,
  actor: Actor,
  at: Date,
  input: { clueId: number; reason: string; expectedVersion?: number },
): Promise<void> {
  const clue = await lockClue(trx, actor, input.clueId);
  if (!clue) throw notFound(`risk clue ${input.clueId}`);
  if (clue.status === 'CLOSED') throw conflict(`risk clue ${input.clueId} is already closed`, [{ path: 'clueId', message: 'clue is already closed', code: 'monitoring.clue_closed', value: clue.status }]);
  if (input.expectedVersion !== undefined && input.expectedVersion !== clue.version) throw conflict(`risk clue ${input.clueId} changed (version ${clue.version})`);
  await setClueStatus(trx, clue.id, at, { status: 'CLOSED', closedReason: input.reason });
  await recordAudit(trx, actor, at, {
    action: 'monitoring.clue.close',
    entityType: 'risk_clue',
    entityId: clue.id,
    scopeCode: clue.village_code,
    before: { status: clue.status },
    after: { status: 'CLOSED' },
    reason: input.reason,
  });
}

/** Closes a clue in its own transaction (API/CLI). */
export async function closeClue(deps: Deps, actor: Actor, clueId: number, input: { reason: string; version?: number }): Promise<void> {
  await withActorTransaction(deps.store.db, actor, (trx) => closeClueIn(trx, actor, deps.clock.now(), { clueId, reason: input.reason, expectedVersion: input.version }));
}

import type { Deps } from '../../../platform/deps.js';
import { forbidden } from '../../../platform/errors.js';
import { toLocalDate } from '../../../platform/clock.js';
import { canSeePersonalData, withActorTransaction, type Actor } from '../../access/index.js';
import { CaseListQuerySchema, type CaseListQuery, type CaseView } from '../contract.js';
import { statusesWaitingFor } from '../domain/case-machine.js';
import type { CaseStatus } from '../domain/enums.js';
import { listCases as listCaseRows } from '../store/case-store.js';
import { toCaseView } from './case-view.js';

/** Cases in the actor's scope, filtered by status, village, household, overdue; newest first. */
export async function listCases(deps: Deps, actor: Actor, query: Partial<CaseListQuery>): Promise<{ total: number; items: CaseView[] }> {
  if (!canSeePersonalData(actor)) throw forbidden('aggregates only for this role');
  const q = CaseListQuerySchema.parse(query);
  const today = toLocalDate(deps.clock.now());
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const r = await listCaseRows(trx, {
      scopePrefix: actor.scopePrefix,
      statuses: q.status ? [q.status] : undefined,
      village: q.village,
      householdId: q.householdId,
      overdueOn: q.overdue === 'true' ? today : undefined,
      notOverdueOn: q.overdue === 'false' ? today : undefined,
      limit: q.limit,
      offset: q.offset,
    });
    return { total: r.total, items: r.items.map((c) => toCaseView(c, actor, today)) };
  });
}

/**
 * The actor's work queue: cases in their scope waiting for a step their role takes, overdue first,
 * then by deadline.
 */
export async function workQueue(deps: Deps, actor: Actor, page: { limit?: number; offset?: number } = {}): Promise<{ total: number; items: CaseView[] }> {
  if (!canSeePersonalData(actor)) throw forbidden('aggregates only for this role');
  const today = toLocalDate(deps.clock.now());
  const statuses: CaseStatus[] = statusesWaitingFor(actor.role);
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const r = await listCaseRows(trx, { scopePrefix: actor.scopePrefix, statuses, limit: page.limit ?? 50, offset: page.offset ?? 0, byDeadline: true, today });
    return { total: r.total, items: r.items.map((c) => toCaseView(c, actor, today)) };
  });
}

import type { Deps } from '../../../platform/deps.js';
import { notFound } from '../../../platform/errors.js';
import { toLocalDate } from '../../../platform/clock.js';
import { withActorTransaction, type Actor } from '../../access/index.js';
import { getCaseIn } from '../../cases/index.js';
import type { PlanView } from '../contract.js';
import { findPlan } from '../store/plan-store.js';
import { toPlanView } from './plan-view.js';

/** A plan by id or by household, with its measures, suggestions from the risks, deadline and effect. */
export async function getPlan(deps: Deps, actor: Actor, by: { id?: number; householdId?: number; caseId?: number }): Promise<PlanView> {
  const plan = await findPlanView(deps, actor, by);
  if (!plan) throw notFound('assistance plan');
  return plan;
}

/** The same, or null when the household has no plan yet (or none the actor may see): "no plan yet" is an answer, not an error. */
export async function findPlanView(deps: Deps, actor: Actor, by: { id?: number; householdId?: number; caseId?: number }): Promise<PlanView | null> {
  const today = toLocalDate(deps.clock.now());
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const plan = await findPlan(trx, actor.scopePrefix, by);
    if (!plan) return null;
    const c = await getCaseIn(trx, actor, plan.caseId);
    if (!c) throw notFound(`case ${plan.caseId}`);
    return toPlanView(trx, plan, c, today);
  });
}

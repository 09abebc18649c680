import type { Deps } from '../../../platform/deps.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import { toLocalDate } from '../../../platform/clock.js';
import { withActorTransaction, type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { getCaseIn } from '../../cases/index.js';
import { EffectRequestSchema, type EffectRequest, type PlanView } from '../contract.js';
import { findPlan, updatePlan } from '../store/plan-store.js';
import { PLAN_ROLES } from './create-plan.js';
import { staleVersion } from './stale-version.js';
import { toPlanView } from './plan-view.js';

/** Records the plan's effect: per-capita net income and the guarantees after assistance. Versioned; audited. */
export async function recordEffect(deps: Deps, actor: Actor, planId: number, input: EffectRequest): Promise<PlanView> {
  const req = EffectRequestSchema.parse(input);
  if (!PLAN_ROLES.has(actor.role)) throw forbidden(`role ${actor.role} may not change assistance plans`);
  const now = deps.clock.now();
  const today = toLocalDate(now);
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const plan = await findPlan(trx, actor.scopePrefix, { id: planId }, true);
    if (!plan) throw notFound(`assistance plan ${planId}`);
    if (plan.version !== req.version) throw staleVersion('plan', planId, plan.version, req.version);
    const updated = await updatePlan(trx, plan.id, req.version, { income_after_fen: req.incomeAfterPerCapitaFen, guarantees_after: JSON.stringify(req.guaranteesAfter), effect_note: req.note ?? null, effect_recorded_on: today }, now);
    if (!updated) throw conflict(`plan ${planId} changed`);
    await recordAudit(trx, actor, now, { action: 'assistance.plan.effect', entityType: 'assistance_plan', entityId: plan.id, scopeCode: plan.villageCode, before: { incomeAfterFen: plan.incomeAfterFen, guaranteesAfter: plan.guaranteesAfter }, after: { incomeAfterFen: req.incomeAfterPerCapitaFen, guaranteesAfter: req.guaranteesAfter, note: req.note ?? null } });
    const c = await getCaseIn(trx, actor, plan.caseId);
    if (!c) throw notFound(`case ${plan.caseId}`);
    return toPlanView(trx, updated, c, today);
  });
}

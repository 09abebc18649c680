import type { Deps } from '../../../platform/deps.js';
import { conflict, forbidden, notFound, ruleViolation } from '../../../platform/errors.js';
import { toLocalDate } from '../../../platform/clock.js';
import { withActorTransaction, type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { getCaseIn, MONITORED } from '../../cases/index.js';
import { CreatePlanRequestSchema, type CreatePlanRequest, type PlanView } from '../contract.js';
import { findPlan, insertPlan } from '../store/plan-store.js';
import { firstMeasureDue, toPlanView } from './plan-view.js';

export const PLAN_ROLES = new Set(['village_cadre', 'task_force', 'township_officer', 'county_admin']);
const ASSIST_FIRST_FROM = new Set(['VERIFYING', 'COMPARING', 'VILLAGE_REVIEW', 'PUBLICITY', 'TOWNSHIP_REVIEW', 'COUNTY_APPROVAL']);

/**
 * Makes the household's assistance plan (一户一策): one per household, for an identified case
 * (announced, monitored or in elimination) or, with 先帮扶后认定, from home verification on. Audited.
 */
export async function createPlan(deps: Deps, actor: Actor, input: CreatePlanRequest): Promise<PlanView> {
  const req = CreatePlanRequestSchema.parse(input);
  if (!PLAN_ROLES.has(actor.role)) throw forbidden(`role ${actor.role} may not make assistance plans`);
  const now = deps.clock.now();
  const today = toLocalDate(now);
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const c = await getCaseIn(trx, actor, req.caseId);
    if (!c) throw notFound(`case ${req.caseId}`);
    const eligible = c.status === 'ANNOUNCED' || MONITORED.has(c.status) || (c.assistFirst && ASSIST_FIRST_FROM.has(c.status));
    if (!eligible) throw ruleViolation(`case ${c.id} is ${c.status}: plans are made for identified households`, [{ path: 'caseId', message: 'the case is not identified', code: 'assistance.case_not_identified', params: { status: c.status } }]);
    const existing = await findPlan(trx, '', { householdId: c.householdId });
    if (existing) throw conflict(`household ${c.householdId} already has plan ${existing.id}`, [{ path: 'caseId', message: 'one household, one plan', code: 'assistance.plan_exists', params: { planId: existing.id } }]);
    const plan = await insertPlan(trx, {
      householdId: c.householdId,
      caseId: c.id,
      countyCode: c.countyCode,
      villageCode: c.villageCode,
      responsibleUserId: req.responsibleUserId ?? null,
      responsibleName: req.responsibleName,
      firstMeasureDueOn: firstMeasureDue(c),
      createdBy: actor.userId,
      at: now,
    });
    if (!plan) throw conflict(`household ${c.householdId} already has a plan`, [{ path: 'caseId', message: 'one household, one plan', code: 'assistance.plan_exists' }]);
    await recordAudit(trx, actor, now, { action: 'assistance.plan.create', entityType: 'assistance_plan', entityId: plan.id, scopeCode: plan.villageCode, after: { householdId: plan.householdId, caseId: plan.caseId, responsibleName: plan.responsibleName, firstMeasureDueOn: plan.firstMeasureDueOn } });
    return toPlanView(trx, plan, c, today);
  });
}

import type { Deps } from '../../../platform/deps.js';
import { forbidden, notFound } from '../../../platform/errors.js';
import { withActorTransaction, type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { AddMeasureRequestSchema, type MeasureView } from '../contract.js';
import type { z } from 'zod';
import { findPlan, insertMeasure } from '../store/plan-store.js';
import { PLAN_ROLES } from './create-plan.js';

/** Adds a measure (category, responsible cadre, amount in fen, start/end) to a plan, as PLANNED. Audited. */
export async function addMeasure(deps: Deps, actor: Actor, planId: number, input: z.input<typeof AddMeasureRequestSchema>): Promise<MeasureView> {
  const req = AddMeasureRequestSchema.parse(input);
  if (!PLAN_ROLES.has(actor.role)) throw forbidden(`role ${actor.role} may not change assistance plans`);
  const now = deps.clock.now();
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const plan = await findPlan(trx, actor.scopePrefix, { id: planId }, true);
    if (!plan) throw notFound(`assistance plan ${planId}`);
    const m = await insertMeasure(trx, plan, { category: req.category, description: req.description, responsibleName: req.responsibleName, responsibleUserId: req.responsibleUserId ?? null, amountFen: req.amountFen, startDate: req.startDate, endDate: req.endDate ?? null, at: now });
    await recordAudit(trx, actor, now, { action: 'assistance.measure.add', entityType: 'assistance_measure', entityId: m.id, scopeCode: plan.villageCode, after: { planId, ...req } });
    const { householdId: _h, villageCode: _v, ...view } = m;
    return view;
  });
}

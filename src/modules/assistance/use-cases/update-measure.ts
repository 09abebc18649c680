import type { z } from 'zod';
import type { Deps } from '../../../platform/deps.js';
import { conflict, forbidden, notFound, ruleViolation } from '../../../platform/errors.js';
import { withActorTransaction, type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { UpdateMeasureRequestSchema, type MeasureView } from '../contract.js';
import { lockMeasure, updateMeasureFields } from '../store/plan-store.js';
import { PLAN_ROLES } from './create-plan.js';
import { staleVersion } from './stale-version.js';

/** Corrects a measure that is not yet implemented (category, description, cadre, amount, dates). Versioned; audited with before/after. */
export async function updateMeasure(deps: Deps, actor: Actor, measureId: number, input: z.input<typeof UpdateMeasureRequestSchema>): Promise<MeasureView> {
  const req = UpdateMeasureRequestSchema.parse(input);
  if (!PLAN_ROLES.has(actor.role)) throw forbidden(`role ${actor.role} may not change assistance plans`);
  const now = deps.clock.now();
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const m = await lockMeasure(trx, actor.scopePrefix, measureId);
    if (!m) throw notFound(`measure ${measureId}`);
    if (m.version !== req.version) throw staleVersion('measure', measureId, m.version, req.version);
    if (m.status === 'IMPLEMENTED') throw ruleViolation(`measure ${measureId} is implemented`, [{ path: 'status', message: 'an implemented measure is not edited', code: 'assistance.measure_implemented' }]);
    const fields = { category: req.category, description: req.description, responsibleName: req.responsibleName, responsibleUserId: req.responsibleUserId ?? null, amountFen: req.amountFen, startDate: req.startDate, endDate: req.endDate ?? null };
    const updated = await updateMeasureFields(trx, m.id, req.version, fields, now);
    if (!updated) throw conflict(`measure ${measureId} changed`);
    const pick = (x: typeof m) => ({ category: x.category, description: x.description, responsibleName: x.responsibleName, amountFen: x.amountFen, startDate: x.startDate, endDate: x.endDate });
    await recordAudit(trx, actor, now, { action: 'assistance.measure.update', entityType: 'assistance_measure', entityId: m.id, scopeCode: m.villageCode, before: pick(m), after: pick(updated) });
    const { householdId: _h, villageCode: _v, ...view } = updated;
    return view;
  });
}

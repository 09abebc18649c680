import type { Deps } from '../../../platform/deps.js';
import { conflict, forbidden, invalidInput, notFound, ruleViolation } from '../../../platform/errors.js';
import { toLocalDate } from '../../../platform/clock.js';
import { withActorTransaction, type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { MeasureStatusRequestSchema, type MeasureStatusRequest, type MeasureView } from '../contract.js';
import { MEASURE_NEXT } from '../domain/enums.js';
import { lockMeasure, updateMeasureStatus } from '../store/plan-store.js';
import { PLAN_ROLES } from './create-plan.js';
import { staleVersion } from './stale-version.js';

/** Moves a measure PLANNED → IMPLEMENTING → IMPLEMENTED (with the date it was carried out). Versioned; audited. */
export async function setMeasureStatus(deps: Deps, actor: Actor, measureId: number, input: MeasureStatusRequest): Promise<MeasureView> {
  const req = MeasureStatusRequestSchema.parse(input);
  if (!PLAN_ROLES.has(actor.role)) throw forbidden(`role ${actor.role} may not change assistance plans`);
  const now = deps.clock.now();
  const today = toLocalDate(now);
  const on = req.on ?? today;
  if (on > today) throw invalidInput('date in the future', [{ path: 'on', message: 'after today', code: 'case.date_in_future', params: { date: on, today } }]);
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const m = await lockMeasure(trx, actor.scopePrefix, measureId);
    if (!m) throw notFound(`measure ${measureId}`);
    if (m.version !== req.version) throw staleVersion('measure', measureId, m.version, req.version);
    if (MEASURE_NEXT[m.status] !== req.status) {
      throw ruleViolation(`a ${m.status} measure cannot become ${req.status}`, [{ path: 'status', message: `${m.status} → ${req.status} is not allowed`, code: 'assistance.illegal_status', params: { from: m.status, to: req.status } }]);
    }
    if (req.status === 'IMPLEMENTED' && on < m.startDate) throw invalidInput('implemented before it started', [{ path: 'on', message: 'before the start date', code: 'assistance.before_start', params: { start: m.startDate } }]);
    const updated = await updateMeasureStatus(trx, m.id, req.version, req.status, req.status === 'IMPLEMENTED' ? on : null, now);
    if (!updated) throw conflict(`measure ${measureId} changed`);
    await recordAudit(trx, actor, now, { action: 'assistance.measure.status', entityType: 'assistance_measure', entityId: m.id, scopeCode: m.villageCode, before: { status: m.status }, after: { status: updated.status, implementedOn: updated.implementedOn } });
    const { householdId: _h, villageCode: _v, ...view } = updated;
    return view;
  });
}

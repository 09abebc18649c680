import type { Deps } from '../../../platform/deps.js';
import { AppError, forbidden } from '../../../platform/errors.js';
import { withActorTransaction, type Actor } from '../../access/index.js';
import { findHouseholdCard } from '../../registry/index.js';
import { recordAudit } from '../../audit/index.js';
import { VisitRequestSchema, type RiskType, type Visit, type VisitRequest } from '../contract.js';
import { sanitizeText } from '../domain/sanitize.js';
import { reportClue } from '../store/clue-store.js';

export const FIELD_ROLES = ['county_admin', 'township_officer', 'village_cadre', 'task_force'] as const;

/**
 * Cadre screening: a home visit by field staff, with the risks they found. Each risk becomes (or
 * joins) a clue with channel CADRE_SCREENING. Household must be in the actor's scope (404 otherwise).
 */
export async function recordVisit(deps: Deps, actor: Actor, input: VisitRequest): Promise<Visit> {
  if (actor.role !== 'system' && !(FIELD_ROLES as readonly string[]).includes(actor.role)) throw forbidden(`role ${actor.role} may not record visits`);
  const body = VisitRequestSchema.parse(input);
  const at = deps.clock.now();
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const h = await findHouseholdCard(trx, actor.scopePrefix, body.householdId);
    if (!h) throw new AppError('not_found', `household ${body.householdId}`, { details: [{ path: 'householdId', message: 'no such household in your scope', code: 'monitoring.unknown_household', value: body.householdId }] });
    const note = sanitizeText(body.note, 4000);
    const visitors = body.visitors.map((v) => sanitizeText(v, 40)).filter(Boolean);
    const risks = [...new Set(body.riskTypes)] as RiskType[];
    const visit = await trx
      .insertInto('visit_record')
      .values({ household_id: h.id, county_code: h.countyCode, village_code: h.villageCode, visited_on: body.visitedOn, visitors, risk_types: risks, note, created_by: actor.userId, created_by_name: actor.name, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const clueIds: number[] = [];
    for (const riskType of risks) {
      const r = await reportClue(trx, at, {
        householdId: h.id,
        personId: null,
        countyCode: h.countyCode,
        villageCode: h.villageCode,
        riskType,
        level: body.level,
        channel: 'CADRE_SCREENING',
        source: `visit:${visit.id}`,
        sourceDept: null,
        ruleId: null,
        fingerprint: `visit|${visit.id}`,
        finding: { ruleId: 'cadre-visit', level: body.level, values: { visitId: visit.id, visitedOn: body.visitedOn, note } },
        detail: { visitId: visit.id, visitors },
      });
      clueIds.push(r.id);
    }
    await recordAudit(trx, actor, at, {
      action: 'monitoring.visit.record',
      entityType: 'visit_record',
      entityId: visit.id,
      scopeCode: h.villageCode,
      after: { householdId: h.id, visitedOn: body.visitedOn, visitors, riskTypes: risks, clueIds },
    });
    return { id: visit.id, householdId: h.id, villageCode: h.villageCode, visitedOn: body.visitedOn, visitors, riskTypes: risks, note, createdByName: actor.name, clueIds };
  });
}

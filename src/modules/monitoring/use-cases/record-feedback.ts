import type { Deps } from '../../../platform/deps.js';
import { AppError, forbidden, invalidInput } from '../../../platform/errors.js';
import { isInScope, withActorTransaction, type Actor } from '../../access/index.js';
import { findHouseholdCard, type HouseholdCard } from '../../registry/index.js';
import { recordAudit } from '../../audit/index.js';
import { FeedbackRequestSchema, type FeedbackRequest } from '../contract.js';
import { sanitizeText } from '../domain/sanitize.js';
import { reportClue } from '../store/clue-store.js';

const STAFF = ['county_admin', 'township_officer', 'village_cadre'];

/** Supervision or 12317 hotline feedback entered by staff: clues with channel SUPERVISION_FEEDBACK. */
export async function recordFeedback(deps: Deps, actor: Actor, input: FeedbackRequest): Promise<{ clueIds: number[] }> {
  if (actor.role !== 'system' && !STAFF.includes(actor.role)) throw forbidden(`role ${actor.role} may not enter feedback`);
  const body = FeedbackRequestSchema.parse(input);
  if (!isInScope(actor, body.villageCode)) {
    throw new AppError('forbidden', 'village outside scope', { details: [{ path: 'villageCode', message: 'outside your scope', code: 'monitoring.outside_scope', value: body.villageCode }] });
  }
  const at = deps.clock.now();
  const description = sanitizeText(body.description, 4000);
  if (!description) throw invalidInput('empty description', [{ path: 'description', message: 'empty after cleaning', code: 'monitoring.empty_after_cleaning' }]);
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const village = await trx.selectFrom('division').select('level').where('code', '=', body.villageCode).executeTakeFirst();
    if (!village || village.level !== 5) throw invalidInput('unknown village', [{ path: 'villageCode', message: 'unknown village', code: 'monitoring.unknown_village', value: body.villageCode }]);
    let household: HouseholdCard | null = null;
    if (body.householdId) {
      household = await findHouseholdCard(trx, actor.scopePrefix, body.householdId);
      if (!household) throw new AppError('not_found', 'household', { details: [{ path: 'householdId', message: 'no such household in your scope', code: 'monitoring.unknown_household', value: body.householdId }] });
    }
    const source = `${body.kind === 'HOTLINE_12317' ? 'hotline:12317' : 'supervision'}#${sanitizeText(body.ticketNo, 60)}`;
    const clueIds: number[] = [];
    for (const riskType of [...new Set(body.riskTypes)]) {
      const r = await reportClue(trx, at, {
        householdId: household?.id ?? null,
        personId: null,
        countyCode: household?.countyCode ?? body.villageCode.slice(0, 6),
        villageCode: household?.villageCode ?? body.villageCode,
        riskType,
        level: body.level,
        channel: 'SUPERVISION_FEEDBACK',
        source,
        sourceDept: null,
        ruleId: null,
        fingerprint: source,
        finding: { ruleId: 'feedback', level: body.level, values: { kind: body.kind, ticketNo: body.ticketNo, description } },
        subject: household ? null : { name: body.callerName ? sanitizeText(body.callerName, 40) : null },
        detail: { kind: body.kind, ticketNo: body.ticketNo },
      });
      clueIds.push(r.id);
    }
    await recordAudit(trx, actor, at, { action: 'monitoring.feedback.record', entityType: 'risk_clue', entityId: clueIds.join(','), scopeCode: body.villageCode, after: { source, riskTypes: body.riskTypes, clueIds } });
    return { clueIds };
  });
}

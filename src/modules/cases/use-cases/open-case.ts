import type { Deps } from '../../../platform/deps.js';
import { conflict, forbidden, notFound } from '../../../platform/errors.js';
import { toLocalDate } from '../../../platform/clock.js';
import { withActorTransaction, type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { getClueIn, takeClueIntoCase } from '../../monitoring/index.js';
import { findHouseholdCard } from '../../registry/index.js';
import { OpenCaseRequestSchema, type CaseView, type OpenCaseRequest } from '../contract.js';
import { checkOpening, openingDeadlines } from '../domain/case-rules.js';
import { loadWorkCalendar, resolveCaseParams } from '../params.js';
import { hasOpenCase, insertCase, insertEvent } from '../store/case-store.js';
import { toCaseView } from './case-view.js';
import { auditRefusal, refusalError } from './refusals.js';

const OPENERS = new Set(['village_cadre', 'task_force', 'township_officer', 'county_admin', 'county_reviewer']);

/**
 * Opens a case (status CLUE) for a household: from a risk clue of the monitoring module or directly
 * (cadre screening, hotline ...). The category must fit the household type, 1..5 risks, one open case
 * per household. Sets the home-check and identification deadlines. Audited; refusals audited too.
 */
export async function openCase(deps: Deps, actor: Actor, input: OpenCaseRequest): Promise<CaseView> {
  const req = OpenCaseRequestSchema.parse(input);
  const now = deps.clock.now();
  const today = toLocalDate(now);
  try {
    if (!OPENERS.has(actor.role)) throw forbidden(`role ${actor.role} may not open cases`);
    return await withActorTransaction(deps.store.db, actor, async (trx) => {
      const household = await findHouseholdCard(trx, actor.scopePrefix, req.householdId);
      if (!household) throw notFound(`household ${req.householdId}`);
      const refusals = checkOpening({ category: req.category, risks: req.risks, disasterSubtype: req.disasterSubtype }, household.householdType);
      if (refusals.length) throw refusalError(refusals);
      const existing = await hasOpenCase(trx, household.id);
      if (existing) throw conflict(`household ${household.id} already has case ${existing}`, [{ path: 'householdId', message: 'the household already has an open case', code: 'case.already_open', params: { caseId: existing } }]);
      let source = req.source ?? null;
      if (req.clueId) {
        const clue = await getClueIn(trx, actor, req.clueId);
        if (clue.householdId !== household.id) throw conflict(`clue ${req.clueId} is about another household`, [{ path: 'clueId', message: 'the clue is about another household', code: 'case.clue_household' }]);
        source ??= clue.source;
      }
      const { params } = await resolveCaseParams(trx, household.countyCode, today);
      const calendar = await loadWorkCalendar(trx, now.getTime());
      const { dueOn, procedureDueOn } = openingDeadlines(today, params, calendar);
      const c = await insertCase(trx, {
        household,
        clueId: req.clueId ?? null,
        category: req.category,
        risks: req.risks,
        disasterSubtype: req.disasterSubtype ?? null,
        channel: req.channel,
        source,
        assistFirst: req.assistFirst,
        openedBy: actor.userId,
        at: now,
        today,
        dueOn,
        procedureDueOn,
      });
      if (req.clueId) await takeClueIntoCase(trx, actor, now, { clueId: req.clueId, caseId: c.id });
      await insertEvent(trx, { caseId: c.id, countyCode: c.countyCode, villageCode: c.villageCode, at: now, onDate: today, action: 'open', from: null, to: 'CLUE', actorId: actor.userId, actorName: actor.name, actorRole: actor.role, evidence: { channel: req.channel, source, clueId: req.clueId ?? null }, note: req.note ?? null, caseVersion: c.version });
      await recordAudit(trx, actor, now, {
        action: 'case.open',
        entityType: 'monitoring_case',
        entityId: c.id,
        scopeCode: c.villageCode,
        after: { householdId: c.householdId, category: c.category, risks: c.risks, channel: c.channel, clueId: c.clueId, status: c.status, dueOn, procedureDueOn },
      });
      return toCaseView({ ...c, householdNo: household.householdNo, headName: household.headName }, actor, today);
    });
  } catch (e) {
    await auditRefusal(deps, actor, { action: 'open', caseId: null, scopeCode: actor.scopePrefix, error: e, attempted: req });
    throw e;
  }
}

import type { Deps } from '../../../platform/deps.js';
import { conflict, notFound } from '../../../platform/errors.js';
import { toLocalDate } from '../../../platform/clock.js';
import { withActorTransaction, type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { closeClueIn } from '../../monitoring/index.js';
import { TransitionRequestSchema, type CaseView, type TransitionRequest } from '../contract.js';
import { checkTransition, FOUR_EYES, planTransition, type TransitionContext } from '../domain/case-rules.js';
import { loadWorkCalendar, resolveCaseParams } from '../params.js';
import { attachToNotice, caseObjections, getNotice, householdFacts, insertEvent, lockCase, priorActors, updateCase } from '../store/case-store.js';
import { toCaseView } from './case-view.js';
import { auditRefusal, refusalError } from './refusals.js';

const NEEDS_FACTS = new Set(['propose_elimination', 'approve_elimination']);
const NEEDS_NOTICE = new Set(['close_publicity', 'close_elim_publicity', 'reject', 'reject_elimination']);

/**
 * Takes one step of the case procedure. The request carries the case version it was based on: a
 * stale version is refused (409) and of two concurrent steps exactly one wins (row lock + version
 * check in the UPDATE). The step's evidence is validated, the guards and the four-eyes rule are
 * checked, the step is recorded on the case's timeline and in the audit chain, notices are opened
 * or issued. A refused attempt is audited in a separate transaction, then reported.
 */
export async function transitionCase(deps: Deps, actor: Actor, caseId: number, input: TransitionRequest): Promise<CaseView> {
  const now = deps.clock.now();
  const today = toLocalDate(now);
  let scopeCode: string | null = null;
  try {
    const req = TransitionRequestSchema.parse(input);
    return await withActorTransaction(deps.store.db, actor, async (trx) => {
      const c = await lockCase(trx, actor.scopePrefix, caseId);
      if (!c) throw notFound(`case ${caseId}`);
      scopeCode = c.villageCode;
      const { params, thresholdFen } = await resolveCaseParams(trx, c.countyCode, today, now.getTime());
      const calendar = await loadWorkCalendar(trx, now.getTime());
      const barred = FOUR_EYES[req.action];
      const notice = NEEDS_NOTICE.has(req.action) && c.noticeId ? await getNotice(trx, '', c.noticeId) : null;
      const ctx: TransitionContext = {
        today,
        params,
        calendar,
        priorActors: barred ? await priorActors(trx, c.id, barred, req.action === 'approve_elimination' ? 'propose_elimination' : undefined) : [],
        objections: notice ? (await caseObjections(trx, c.id, notice.id)).map((o) => ({ id: o.id, status: o.status })) : [],
        noticeEndDate: notice?.kind === 'PUBLICITY' ? notice.endDate : null,
      };
      if (NEEDS_FACTS.has(req.action)) {
        ctx.facts = await householdFacts(trx, c.householdId, Number(today.slice(0, 4)));
        ctx.thresholdFen = thresholdFen;
      }
      const { edge, refusals } = checkTransition(c, actor, req, ctx);
      if (refusals.length || !edge) throw refusalError(refusals);
      const patch = planTransition(c, edge, req, ctx);
      let noticeId: number | null | undefined;
      if (patch.notice) {
        const id = await attachToNotice(trx, c, patch.notice, actor.userId, now);
        if (patch.notice.kind === 'PUBLICITY') noticeId = id;
      } else if (edge.to === 'MONITORING' || edge.to === 'REJECTED' || edge.to === 'CLOSED') {
        noticeId = null;
      }
      const updated = await updateCase(trx, c.id, req.version, { ...patch, noticeId }, now);
      if (!updated) throw conflict(`case ${caseId} was changed by someone else`, [{ path: 'version', message: 'stale version', code: 'case.stale_version', params: { sent: req.version } }]);
      await insertEvent(trx, {
        caseId: c.id,
        countyCode: c.countyCode,
        villageCode: c.villageCode,
        at: now,
        onDate: today,
        action: req.action,
        from: c.status,
        to: updated.status,
        actorId: actor.userId,
        actorName: actor.name,
        actorRole: actor.role,
        evidence: req.evidence,
        note: req.note ?? null,
        caseVersion: updated.version,
      });
      if (updated.status === 'REJECTED' && c.clueId) {
        await closeClueIn(trx, actor, now, { clueId: c.clueId, reason: `案件 ${c.id} 未予纳入` }).catch(() => undefined);
      }
      await recordAudit(trx, actor, now, {
        action: `case.${req.action}`,
        entityType: 'monitoring_case',
        entityId: c.id,
        scopeCode: c.villageCode,
        before: { status: c.status, version: c.version },
        after: { status: updated.status, version: updated.version, dueOn: updated.dueOn, evidence: req.evidence },
        reason: req.note ?? null,
      });
      return toCaseView({ ...updated, householdNo: c.householdNo, headName: c.headName }, actor, today);
    });
  } catch (e) {
    await auditRefusal(deps, actor, { action: (input as { action?: string })?.action ?? 'unknown', caseId, scopeCode, error: e, attempted: { version: (input as { version?: number })?.version } });
    throw e;
  }
}

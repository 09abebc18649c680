import type { Deps } from '../../../platform/deps.js';
import { conflict, forbidden, invalidInput, notFound } from '../../../platform/errors.js';
import { toLocalDate } from '../../../platform/clock.js';
import { withActorTransaction, type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { ObjectionRequestSchema, ResolveObjectionRequestSchema } from '../contract.js';
import type { z } from 'zod';
import { maskName } from '../domain/mask-name.js';
import type { NoticeDocument } from '../domain/notice-html.js';
import { caseObjections, getCase, getNotice, insertObjection, lockObjection, noticeLines, resolveObjectionRow, type ObjectionRecord } from '../store/case-store.js';
import { auditRefusal } from './refusals.js';

const OBJECTION_ROLES = new Set(['village_cadre', 'task_force', 'township_officer']);

/** A notice ready to print: names masked (张*明), no ID numbers, with the division names. */
export async function getNoticeDocument(deps: Deps, actor: Actor, noticeId: number): Promise<NoticeDocument> {
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const notice = await getNotice(trx, actor.scopePrefix, noticeId);
    if (!notice) throw notFound(`notice ${noticeId}`);
    const v = notice.villageCode;
    const names = await trx.selectFrom('division').select(['code', 'name']).where('code', 'in', [v, v.slice(0, 9).padEnd(12, '0'), v.slice(0, 6).padEnd(12, '0')]).execute();
    const nameOf = (code: string) => names.find((n) => n.code === code)?.name ?? code;
    const lines = await noticeLines(trx, noticeId);
    return {
      id: notice.id,
      kind: notice.kind,
      procedure: notice.procedure,
      villageCode: v,
      villageName: nameOf(v),
      townshipName: nameOf(v.slice(0, 9).padEnd(12, '0')),
      countyName: nameOf(v.slice(0, 6).padEnd(12, '0')),
      startDate: notice.startDate,
      endDate: notice.endDate,
      objectionContact: notice.objectionContact,
      documentNo: notice.documentNo,
      lines: lines.map((l) => ({ maskedName: l.headName ? maskName(l.headName) : '—', householdSize: l.householdSize, category: l.category, risks: l.risks, eliminationType: l.eliminationType })),
    };
  });
}

/** Notices in the actor's scope (newest first). */
export async function listNotices(deps: Deps, actor: Actor, filter: { village?: string; limit?: number } = {}) {
  const prefix = filter.village && filter.village.startsWith(actor.scopePrefix) ? filter.village : actor.scopePrefix;
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const rows = await trx
      .selectFrom('case_notice')
      .select(['id', 'village_code', 'kind', 'procedure', 'start_date', 'end_date', 'objection_contact', 'document_no'])
      .where('village_code', 'like', `${prefix}%`)
      .orderBy('start_date', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit ?? 100)
      .execute();
    return rows.map((r) => ({ id: r.id, villageCode: r.village_code, kind: r.kind, procedure: r.procedure, startDate: r.start_date, endDate: r.end_date, objectionContact: r.objection_contact, documentNo: r.document_no }));
  });
}

const toView = ({ villageCode: _v, ...o }: ObjectionRecord) => o;

/** Records an objection received during a public notice against one listed household. Audited. */
export async function recordObjection(deps: Deps, actor: Actor, noticeId: number, input: z.input<typeof ObjectionRequestSchema>) {
  const now = deps.clock.now();
  try {
    const req = ObjectionRequestSchema.parse(input);
    if (!OBJECTION_ROLES.has(actor.role)) throw forbidden(`role ${actor.role} may not record objections`);
    return await withActorTransaction(deps.store.db, actor, async (trx) => {
      const notice = await getNotice(trx, actor.scopePrefix, noticeId);
      if (!notice) throw notFound(`notice ${noticeId}`);
      if (notice.kind !== 'PUBLICITY') throw invalidInput('objections are recorded on a public notice (公示)', [{ path: 'noticeId', message: 'not a publicity notice', code: 'case.objection_not_publicity' }]);
      const c = await getCase(trx, actor.scopePrefix, req.caseId);
      if (!c || c.noticeId !== notice.id) throw invalidInput(`case ${req.caseId} is not under this notice`, [{ path: 'caseId', message: 'the case is not on this notice', code: 'case.objection_case_not_listed', value: req.caseId }]);
      if (req.receivedOn < notice.startDate || (notice.endDate && req.receivedOn > notice.endDate) || req.receivedOn > toLocalDate(now)) {
        throw invalidInput('the objection date is outside the notice period', [{ path: 'receivedOn', message: 'outside the notice period', code: 'case.objection_outside_period', params: { start: notice.startDate, end: notice.endDate }, value: req.receivedOn }]);
      }
      const o = await insertObjection(trx, { noticeId, caseId: c.id, countyCode: c.countyCode, villageCode: c.villageCode, receivedOn: req.receivedOn, objector: req.objector ?? null, content: req.content, recordedBy: actor.userId, at: now });
      await recordAudit(trx, actor, now, { action: 'case.objection.record', entityType: 'case_objection', entityId: o.id, scopeCode: c.villageCode, after: { caseId: c.id, noticeId, receivedOn: o.receivedOn, objector: o.objector, content: o.content } });
      return toView(o);
    });
  } catch (e) {
    await auditRefusal(deps, actor, { action: 'objection.record', caseId: (input as { caseId?: number })?.caseId ?? null, scopeCode: actor.scopePrefix, error: e });
    throw e;
  }
}

/** Records the finding of the investigation of an objection (founded → the case is to be rejected). Audited. */
export async function resolveObjection(deps: Deps, actor: Actor, objectionId: number, input: z.input<typeof ResolveObjectionRequestSchema>) {
  const now = deps.clock.now();
  try {
    const req = ResolveObjectionRequestSchema.parse(input);
    if (!OBJECTION_ROLES.has(actor.role)) throw forbidden(`role ${actor.role} may not resolve objections`);
    return await withActorTransaction(deps.store.db, actor, async (trx) => {
      const o = await lockObjection(trx, actor.scopePrefix, objectionId);
      if (!o) throw notFound(`objection ${objectionId}`);
      if (o.status !== 'PENDING') throw conflict(`objection ${objectionId} is already ${o.status}`, [{ path: 'objectionId', message: 'already resolved', code: 'case.objection_resolved' }]);
      const r = await resolveObjectionRow(trx, o.id, { status: req.finding, resolution: req.resolution, resolvedBy: actor.userId, at: now });
      await recordAudit(trx, actor, now, { action: 'case.objection.resolve', entityType: 'case_objection', entityId: o.id, scopeCode: o.villageCode, before: { status: o.status }, after: { status: r.status, resolution: r.resolution } });
      return toView(r);
    });
  } catch (e) {
    await auditRefusal(deps, actor, { action: 'objection.resolve', caseId: null, scopeCode: actor.scopePrefix, error: e });
    throw e;
  }
}

export async function listObjections(deps: Deps, actor: Actor, caseId: number) {
  return withActorTransaction(deps.store.db, actor, async (trx) => {
    const c = await getCase(trx, actor.scopePrefix, caseId);
    if (!c) throw notFound(`case ${caseId}`);
    return (await caseObjections(trx, c.id)).map(toView);
  });
}

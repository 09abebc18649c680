/**
 * Kysely access to the cases tables (monitoring_case, case_event, case_notice, case_notice_entry,
 * case_objection). Every function takes the caller's transaction, which carries the actor's scope;
 * queries repeat the scope as `village_code LIKE prefix%`. Row types stay here.
 *
 * Other modules' data comes only through what they publish (docs/decisions/0005-reads-across-modules.md):
 * the registry's functions (one household) and its view registry_household (household number, head's
 * name and size beside the cases of a list), and the assistance module's view assistance_household_summary.
 */
import { sql, type Selectable, type Transaction } from 'kysely';
import type { Database, MonitoringCaseTable } from '../../../db/schema.js';
import { notFound } from '../../../platform/errors.js';
import { findHouseholdStanding, type HouseholdCard } from '../../registry/index.js';
import type { CaseState, HouseholdFacts, CasePatch } from '../domain/case-rules.js';
import type { CaseStatus, Channel, DisasterSubtype, EliminationType, MonitoringCategory, RiskType } from '../domain/enums.js';

type Trx = Transaction<Database>;

export interface CaseRecord extends CaseState {
  countyCode: string;
  householdId: number;
  clueId: number | null;
  disasterSubtype: DisasterSubtype | null;
  channel: Channel;
  source: string | null;
  assistFirst: boolean;
  openedBy: number | null;
  openedAt: Date;
  openedOn: string;
  eliminatedOn: string | null;
  noticeId: number | null;
}

export const toCaseRecord = (r: Selectable<MonitoringCaseTable>): CaseRecord => ({
  id: r.id,
  status: r.status as CaseStatus,
  version: r.version,
  countyCode: r.county_code,
  villageCode: r.village_code,
  householdId: r.household_id,
  clueId: r.clue_id,
  category: r.category as MonitoringCategory,
  risks: r.risks as RiskType[],
  disasterSubtype: r.disaster_subtype as DisasterSubtype | null,
  channel: r.channel as Channel,
  source: r.source,
  assistFirst: r.assist_first,
  openedBy: r.opened_by,
  openedAt: new Date(r.opened_at),
  openedOn: r.opened_on,
  dueOn: r.due_on,
  procedureDueOn: r.procedure_due_on,
  identifiedOn: r.identified_on,
  eliminationType: r.elimination_type as EliminationType | null,
  eliminatedOn: r.eliminated_on,
  noticeId: r.notice_id,
});

/**
 * Labour, latest income (up to `year`), guarantees and implemented measures of a household, in two
 * statements: the registry's standing of the household and the assistance module's published summary.
 * (Cases may not import assistance, which builds on cases: the summary view is assistance's contract for cases.)
 */
export async function householdFacts(trx: Trx, householdId: number, year: number): Promise<HouseholdFacts & { householdSize: number }> {
  const standing = await findHouseholdStanding(trx, householdId, year);
  if (!standing) throw notFound(`household ${householdId}`);
  const summary = await trx.selectFrom('assistance_household_summary').select('implemented').where('household_id', '=', householdId).executeTakeFirst();
  return {
    householdType: standing.householdType,
    householdSize: standing.size,
    hasLabour: standing.hasLabour,
    latestIncome: standing.latestIncome,
    guarantees: standing.guarantees,
    implementedMeasures: summary?.implemented ?? 0,
  };
}

export async function hasOpenCase(trx: Trx, householdId: number): Promise<number | null> {
  const r = await trx.selectFrom('monitoring_case').select('id').where('household_id', '=', householdId).where('status', 'not in', ['REJECTED', 'CLOSED']).executeTakeFirst();
  return r?.id ?? null;
}

export async function insertCase(
  trx: Trx,
  v: {
    household: HouseholdCard;
    clueId: number | null;
    category: string;
    risks: string[];
    disasterSubtype: string | null;
    channel: string;
    source: string | null;
    assistFirst: boolean;
    openedBy: number | null;
    at: Date;
    today: string;
    dueOn: string;
    procedureDueOn: string;
  },
): Promise<CaseRecord> {
  const row = await trx
    .insertInto('monitoring_case')
    .values({
      county_code: v.household.countyCode,
      village_code: v.household.villageCode,
      household_id: v.household.id,
      clue_id: v.clueId,
      category: v.category,
      risks: v.risks,
      disaster_subtype: v.disasterSubtype,
      channel: v.channel,
      source: v.source,
      assist_first: v.assistFirst,
      status: 'CLUE',
      opened_by: v.openedBy,
      opened_at: v.at,
      opened_on: v.today,
      due_on: v.dueOn,
      procedure_due_on: v.procedureDueOn,
      identified_on: null,
      elimination_type: null,
      eliminated_on: null,
      notice_id: null,
      closed_reason: null,
      updated_at: v.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCaseRecord(row);
}

/** The case inside the scope, row-locked for the rest of the transaction; null when absent or outside scope. */
export async function lockCase(trx: Trx, scopePrefix: string, caseId: number): Promise<(CaseRecord & { householdNo: string; headName: string | null }) | null> {
  const r = await trx
    .selectFrom('monitoring_case as c')
    .innerJoin('registry_household as h', 'h.id', 'c.household_id')
    .selectAll('c')
    .select(['h.household_no', 'h.head_name'])
    .where('c.id', '=', caseId)
    .where('c.village_code', 'like', `${scopePrefix}%`)
    .forUpdate('c')
    .executeTakeFirst();
  return r ? { ...toCaseRecord(r), householdNo: r.household_no, headName: r.head_name ?? null } : null;
}

export async function getCase(trx: Trx, scopePrefix: string, caseId: number): Promise<CaseRecord | null> {
  const r = await trx.selectFrom('monitoring_case').selectAll().where('id', '=', caseId).where('village_code', 'like', `${scopePrefix}%`).executeTakeFirst();
  return r ? toCaseRecord(r) : null;
}

/** Applies a transition if the case is still at `expectedVersion`; returns the new record or null (stale). */
export async function updateCase(trx: Trx, caseId: number, expectedVersion: number, patch: CasePatch & { noticeId?: number | null }, at: Date): Promise<CaseRecord | null> {
  const r = await trx
    .updateTable('monitoring_case')
    .set({
      status: patch.status,
      due_on: patch.dueOn,
      procedure_due_on: patch.procedureDueOn,
      ...(patch.identifiedOn !== undefined ? { identified_on: patch.identifiedOn } : {}),
      ...(patch.eliminationType !== undefined ? { elimination_type: patch.eliminationType } : {}),
      ...(patch.eliminatedOn !== undefined ? { eliminated_on: patch.eliminatedOn } : {}),
      ...(patch.risks !== undefined ? { risks: patch.risks } : {}),
      ...(patch.closedReason !== undefined ? { closed_reason: patch.closedReason } : {}),
      ...(patch.noticeId !== undefined ? { notice_id: patch.noticeId } : {}),
      version: sql<number>`version + 1`,
      updated_at: at,
    })
    .where('id', '=', caseId)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return r ? toCaseRecord(r) : null;
}

export async function insertEvent(
  trx: Trx,
  e: { caseId: number; countyCode: string; villageCode: string; at: Date; onDate: string; action: string; from: string | null; to: string; actorId: number | null; actorName: string; actorRole: string; evidence: unknown; note: string | null; caseVersion: number },
): Promise<void> {
  await trx
    .insertInto('case_event')
    .values({
      case_id: e.caseId,
      county_code: e.countyCode,
      village_code: e.villageCode,
      at: e.at,
      on_date: e.onDate,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      actor_id: e.actorId,
      actor_name: e.actorName,
      actor_role: e.actorRole,
      evidence: JSON.stringify(e.evidence ?? {}),
      note: e.note,
      case_version: e.caseVersion,
    })
    .execute();
}

/** Who took these actions on the case since its latest `sinceAction` event (or ever when none). */
export async function priorActors(trx: Trx, caseId: number, actions: readonly string[], sinceAction?: string): Promise<{ action: string; actorId: number | null }[]> {
  let q = trx.selectFrom('case_event').select(['action', 'actor_id']).where('case_id', '=', caseId).where('action', 'in', [...actions]);
  if (sinceAction) {
    q = q.where('id', '>=', (eb) =>
      eb.selectFrom('case_event').select((e) => e.fn.coalesce(e.fn.max('id'), sql<number>`0`).as('m')).where('case_id', '=', caseId).where('action', '=', sinceAction),
    );
  }
  const rows = await q.execute();
  return rows.map((r) => ({ action: r.action, actorId: r.actor_id }));
}

export interface NoticeRecord {
  id: number;
  countyCode: string;
  villageCode: string;
  kind: 'PUBLICITY' | 'ANNOUNCEMENT';
  procedure: 'IDENTIFICATION' | 'ELIMINATION';
  startDate: string;
  endDate: string | null;
  objectionContact: string | null;
  documentNo: string | null;
}

const toNotice = (r: Selectable<Database['case_notice']>): NoticeRecord => ({
  id: r.id,
  countyCode: r.county_code,
  villageCode: r.village_code,
  kind: r.kind,
  procedure: r.procedure,
  startDate: r.start_date,
  endDate: r.end_date,
  objectionContact: r.objection_contact,
  documentNo: r.document_no,
});

/** The village's notice for this kind, procedure and period (or decision), created when first needed; the case is listed on it. */
export async function attachToNotice(
  trx: Trx,
  c: { id: number; countyCode: string; villageCode: string },
  n: NonNullable<CasePatch['notice']>,
  createdBy: number | null,
  at: Date,
): Promise<number> {
  const key = [c.villageCode, n.kind, n.procedure, n.startDate, n.endDate ?? '', n.documentNo ?? ''].join('|');
  const row = await trx
    .insertInto('case_notice')
    .values({
      notice_key: key,
      county_code: c.countyCode,
      village_code: c.villageCode,
      kind: n.kind,
      procedure: n.procedure,
      start_date: n.startDate,
      end_date: n.endDate,
      objection_contact: n.objectionContact,
      document_no: n.documentNo,
      created_by: createdBy,
      created_at: at,
    })
    .onConflict((oc) => oc.column('notice_key').doUpdateSet({ notice_key: (eb) => eb.ref('excluded.notice_key') }))
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('case_notice_entry')
    .values({ notice_id: row.id, case_id: c.id, county_code: c.countyCode, village_code: c.villageCode })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return row.id;
}

export async function getNotice(trx: Trx, scopePrefix: string, noticeId: number): Promise<NoticeRecord | null> {
  const r = await trx.selectFrom('case_notice').selectAll().where('id', '=', noticeId).where('village_code', 'like', `${scopePrefix}%`).executeTakeFirst();
  return r ? toNotice(r) : null;
}

export async function caseNotices(trx: Trx, caseId: number): Promise<NoticeRecord[]> {
  const rows = await trx
    .selectFrom('case_notice as n')
    .innerJoin('case_notice_entry as e', 'e.notice_id', 'n.id')
    .selectAll('n')
    .where('e.case_id', '=', caseId)
    .orderBy('n.id')
    .execute();
  return rows.map(toNotice);
}

export interface NoticeLine {
  caseId: number;
  headName: string | null;
  householdSize: number;
  category: string;
  risks: string[];
  eliminationType: string | null;
  status: string;
}

/** The households listed on a notice (head name, size, category, risks). */
export async function noticeLines(trx: Trx, noticeId: number): Promise<NoticeLine[]> {
  const rows = await trx
    .selectFrom('case_notice_entry as e')
    .innerJoin('monitoring_case as c', 'c.id', 'e.case_id')
    .leftJoin('registry_household as h', 'h.id', 'c.household_id')
    .select(['c.id', 'c.category', 'c.risks', 'c.elimination_type', 'c.status', 'h.head_name', 'h.member_count'])
    .where('e.notice_id', '=', noticeId)
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({ caseId: r.id, headName: r.head_name ?? null, householdSize: Number(r.member_count ?? 0), category: r.category, risks: r.risks, eliminationType: r.elimination_type, status: r.status }));
}

export interface ObjectionRecord {
  id: number;
  noticeId: number;
  caseId: number;
  villageCode: string;
  receivedOn: string;
  objector: string | null;
  content: string;
  status: 'PENDING' | 'FOUNDED' | 'UNFOUNDED';
  resolution: string | null;
}

const toObjection = (r: Selectable<Database['case_objection']>): ObjectionRecord => ({
  id: r.id,
  noticeId: r.notice_id,
  caseId: r.case_id,
  villageCode: r.village_code,
  receivedOn: r.received_on,
  objector: r.objector,
  content: r.content,
  status: r.status,
  resolution: r.resolution,
});

export async function caseObjections(trx: Trx, caseId: number, noticeId?: number | null): Promise<ObjectionRecord[]> {
  let q = trx.selectFrom('case_objection').selectAll().where('case_id', '=', caseId);
  if (noticeId != null) q = q.where('notice_id', '=', noticeId);
  return (await q.orderBy('id').execute()).map(toObjection);
}

export async function insertObjection(
  trx: Trx,
  v: { noticeId: number; caseId: number; countyCode: string; villageCode: string; receivedOn: string; objector: string | null; content: string; recordedBy: number | null; at: Date },
): Promise<ObjectionRecord> {
  const r = await trx
    .insertInto('case_objection')
    .values({
      notice_id: v.noticeId,
      case_id: v.caseId,
      county_code: v.countyCode,
      village_code: v.villageCode,
      received_on: v.receivedOn,
      objector: v.objector,
      content: v.content,
      recorded_by: v.recordedBy,
      resolution: null,
      resolved_by: null,
      resolved_at: null,
      created_at: v.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toObjection(r);
}

export async function lockObjection(trx: Trx, scopePrefix: string, id: number): Promise<ObjectionRecord | null> {
  const r = await trx.selectFrom('case_objection').selectAll().where('id', '=', id).where('village_code', 'like', `${scopePrefix}%`).forUpdate().executeTakeFirst();
  return r ? toObjection(r) : null;
}

export async function resolveObjectionRow(trx: Trx, id: number, v: { status: 'FOUNDED' | 'UNFOUNDED'; resolution: string; resolvedBy: number | null; at: Date }): Promise<ObjectionRecord> {
  const r = await trx
    .updateTable('case_objection')
    .set({ status: v.status, resolution: v.resolution, resolved_by: v.resolvedBy, resolved_at: v.at, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toObjection(r);
}

export interface EventRecord {
  id: number;
  at: Date;
  onDate: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: number | null;
  actorName: string;
  actorRole: string;
  evidence: unknown;
  note: string | null;
}

export async function caseTimeline(trx: Trx, caseId: number): Promise<EventRecord[]> {
  const rows = await trx.selectFrom('case_event').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.at),
    onDate: r.on_date,
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    evidence: r.evidence,
    note: r.note,
  }));
}

export interface CaseListFilter {
  scopePrefix: string;
  statuses?: CaseStatus[];
  village?: string;
  householdId?: number;
  overdueOn?: string;
  notOverdueOn?: string;
  limit: number;
  offset: number;
  /** Work-queue order: overdue first, then by deadline. */
  byDeadline?: boolean;
  today?: string;
}

export async function listCases(trx: Trx, f: CaseListFilter): Promise<{ total: number; items: (CaseRecord & { householdNo: string; headName: string | null })[] }> {
  let q = trx.selectFrom('monitoring_case as c').where('c.village_code', 'like', `${f.village && f.village.startsWith(f.scopePrefix) ? f.village : f.scopePrefix}%`);
  if (f.statuses) q = q.where('c.status', 'in', f.statuses.length ? f.statuses : ['__none__']);
  if (f.householdId) q = q.where('c.household_id', '=', f.householdId);
  if (f.overdueOn) q = q.where('c.due_on', '<', f.overdueOn);
  if (f.notOverdueOn) q = q.where((eb) => eb.or([eb('c.due_on', 'is', null), eb('c.due_on', '>=', f.notOverdueOn!)]));
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let rq = q
    .innerJoin('registry_household as h', 'h.id', 'c.household_id')
    .selectAll('c')
    .select(['h.household_no', 'h.head_name']);
  if (f.byDeadline && f.today) {
    rq = rq.orderBy(sql`(c.due_on < ${f.today})`, 'desc').orderBy('c.due_on', (ob) => ob.asc().nullsLast()).orderBy('c.id');
  } else {
    rq = rq.orderBy('c.id', 'desc');
  }
  const rows = await rq.limit(f.limit).offset(f.offset).execute();
  return { total: Number(total.n), items: rows.map((r) => ({ ...toCaseRecord(r), householdNo: r.household_no, headName: r.head_name ?? null })) };
}

/**
 * Kysely access to assistance_plan, assistance_measure and risk_measure_mapping. Every function takes
 * the caller's transaction (which carries the actor's scope); reads repeat the scope prefix.
 */
import { sql, type Selectable, type Transaction } from 'kysely';
import type { AssistanceMeasureTable, AssistancePlanTable, Database } from '../../../db/schema.js';
import type { MeasureCategory, MeasureStatus } from '../domain/enums.js';
import type { RiskMeasureMapping } from '../domain/suggest.js';

type Trx = Transaction<Database>;

export interface PlanRecord {
  id: number;
  householdId: number;
  caseId: number;
  countyCode: string;
  villageCode: string;
  responsibleUserId: number | null;
  responsibleName: string;
  firstMeasureDueOn: string | null;
  incomeAfterFen: number | null;
  guaranteesAfter: unknown;
  effectNote: string | null;
  effectRecordedOn: string | null;
  version: number;
}

export interface MeasureRecord {
  id: number;
  planId: number;
  householdId: number;
  villageCode: string;
  category: MeasureCategory;
  description: string;
  responsibleName: string;
  responsibleUserId: number | null;
  amountFen: number;
  startDate: string;
  endDate: string | null;
  status: MeasureStatus;
  implementedOn: string | null;
  version: number;
}

const toPlan = (r: Selectable<AssistancePlanTable>): PlanRecord => ({
  id: r.id,
  householdId: r.household_id,
  caseId: r.case_id,
  countyCode: r.county_code,
  villageCode: r.village_code,
  responsibleUserId: r.responsible_user_id,
  responsibleName: r.responsible_name,
  firstMeasureDueOn: r.first_measure_due_on,
  incomeAfterFen: r.income_after_fen,
  guaranteesAfter: r.guarantees_after,
  effectNote: r.effect_note,
  effectRecordedOn: r.effect_recorded_on,
  version: r.version,
});

const toMeasure = (r: Selectable<AssistanceMeasureTable>): MeasureRecord => ({
  id: r.id,
  planId: r.plan_id,
  householdId: r.household_id,
  villageCode: r.village_code,
  category: r.category as MeasureCategory,
  description: r.description,
  responsibleName: r.responsible_name,
  responsibleUserId: r.responsible_user_id,
  amountFen: Number(r.amount_fen),
  startDate: r.start_date,
  endDate: r.end_date,
  status: r.status,
  implementedOn: r.implemented_on,
  version: r.version,
});

export async function findPlan(trx: Trx, scopePrefix: string, by: { id?: number; householdId?: number; caseId?: number }, lock = false): Promise<PlanRecord | null> {
  let q = trx.selectFrom('assistance_plan').selectAll().where('village_code', 'like', `${scopePrefix}%`);
  if (by.id !== undefined) q = q.where('id', '=', by.id);
  if (by.householdId !== undefined) q = q.where('household_id', '=', by.householdId);
  if (by.caseId !== undefined) q = q.where('case_id', '=', by.caseId);
  const r = await (lock ? q.forUpdate() : q).executeTakeFirst();
  return r ? toPlan(r) : null;
}

export async function insertPlan(trx: Trx, v: { householdId: number; caseId: number; countyCode: string; villageCode: string; responsibleUserId: number | null; responsibleName: string; firstMeasureDueOn: string | null; createdBy: number | null; at: Date }): Promise<PlanRecord> {
  const r = await trx
    .insertInto('assistance_plan')
    .values({
      household_id: v.householdId,
      case_id: v.caseId,
      county_code: v.countyCode,
      village_code: v.villageCode,
      responsible_user_id: v.responsibleUserId,
      responsible_name: v.responsibleName,
      first_measure_due_on: v.firstMeasureDueOn,
      income_after_fen: null,
      guarantees_after: null,
      effect_note: null,
      effect_recorded_on: null,
      created_by: v.createdBy,
      created_at: v.at,
      updated_at: v.at,
    })
    .onConflict((oc) => oc.column('household_id').doNothing())
    .returningAll()
    .executeTakeFirst();
  return r ? toPlan(r) : (null as never);
}

export async function updatePlan(trx: Trx, id: number, expectedVersion: number, set: Partial<{ first_measure_due_on: string | null; income_after_fen: number; guarantees_after: string; effect_note: string | null; effect_recorded_on: string; case_id: number }>, at: Date): Promise<PlanRecord | null> {
  const r = await trx
    .updateTable('assistance_plan')
    .set({ ...set, updated_at: at, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return r ? toPlan(r) : null;
}

export async function planMeasures(trx: Trx, planId: number): Promise<MeasureRecord[]> {
  return (await trx.selectFrom('assistance_measure').selectAll().where('plan_id', '=', planId).orderBy('id').execute()).map(toMeasure);
}

export async function insertMeasure(trx: Trx, plan: PlanRecord, v: { category: string; description: string; responsibleName: string; responsibleUserId: number | null; amountFen: number; startDate: string; endDate: string | null; at: Date }): Promise<MeasureRecord> {
  const r = await trx
    .insertInto('assistance_measure')
    .values({
      plan_id: plan.id,
      household_id: plan.householdId,
      county_code: plan.countyCode,
      village_code: plan.villageCode,
      category: v.category,
      description: v.description,
      responsible_name: v.responsibleName,
      responsible_user_id: v.responsibleUserId,
      amount_fen: v.amountFen,
      start_date: v.startDate,
      end_date: v.endDate,
      implemented_on: null,
      created_at: v.at,
      updated_at: v.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMeasure(r);
}

export async function lockMeasure(trx: Trx, scopePrefix: string, id: number): Promise<MeasureRecord | null> {
  const r = await trx.selectFrom('assistance_measure').selectAll().where('id', '=', id).where('village_code', 'like', `${scopePrefix}%`).forUpdate().executeTakeFirst();
  return r ? toMeasure(r) : null;
}

export async function updateMeasureStatus(trx: Trx, id: number, expectedVersion: number, status: MeasureStatus, implementedOn: string | null, at: Date): Promise<MeasureRecord | null> {
  const r = await trx
    .updateTable('assistance_measure')
    .set({ status, ...(implementedOn ? { implemented_on: implementedOn } : {}), updated_at: at, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return r ? toMeasure(r) : null;
}

export async function updateMeasureFields(trx: Trx, id: number, expectedVersion: number, v: { category: string; description: string; responsibleName: string; responsibleUserId: number | null; amountFen: number; startDate: string; endDate: string | null }, at: Date): Promise<MeasureRecord | null> {
  const r = await trx
    .updateTable('assistance_measure')
    .set({ category: v.category, description: v.description, responsible_name: v.responsibleName, responsible_user_id: v.responsibleUserId, amount_fen: v.amountFen, start_date: v.startDate, end_date: v.endDate, updated_at: at, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return r ? toMeasure(r) : null;
}

/** Mapping overrides that apply in a county: everywhere ('') first, then the county's own. */
export async function mappingOverrides(trx: Trx | import('kysely').Kysely<Database>, countyCode: string): Promise<{ general: RiskMeasureMapping; county: RiskMeasureMapping }> {
  const rows = await trx.selectFrom('risk_measure_mapping').select(['scope_code', 'risk', 'categories']).where('scope_code', 'in', ['', countyCode]).execute();
  const general: RiskMeasureMapping = {};
  const county: RiskMeasureMapping = {};
  for (const r of rows) (r.scope_code === '' ? general : county)[r.risk] = r.categories as MeasureCategory[];
  return { general, county };
}

export async function upsertMapping(trx: Trx, v: { scopeCode: string; risk: string; categories: string[]; updatedBy: number | null; at: Date }): Promise<string[] | null> {
  const before = await trx.selectFrom('risk_measure_mapping').select('categories').where('scope_code', '=', v.scopeCode).where('risk', '=', v.risk).executeTakeFirst();
  await trx
    .insertInto('risk_measure_mapping')
    .values({ scope_code: v.scopeCode, risk: v.risk, categories: v.categories, updated_by: v.updatedBy, updated_at: v.at })
    .onConflict((oc) => oc.columns(['scope_code', 'risk']).doUpdateSet({ categories: v.categories, updated_by: v.updatedBy, updated_at: v.at }))
    .execute();
  return before?.categories ?? null;
}

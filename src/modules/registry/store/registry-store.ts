import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { canSeeFullIdNumbers, scopePattern, withActorTransaction, type Actor } from '../../access/index.js';
import type { ChangeEvent, GuaranteeStatus, Household, IncomeRecord, Person } from '../contract.js';
import { diffSnapshots } from '../domain/change-history.js';
import { maskIdNumber } from '../domain/id-number.js';
import type { PersonFields } from '../domain/person-values.js';

/**
 * The registry's tables (household, person, income_record, guarantee_status) are read and written
 * only through a RegistryScope, and a RegistryScope exists only inside `withRegistryScope`, which
 * runs `withActorTransaction` (row-level security as the second fence). Every personal-data query
 * takes its scope predicate from `inScope(alias)`: `alias.village_code COLLATE "C" LIKE scopePattern(actor)`.
 * Row types never leave this folder: rows are mapped to the contract types here.
 */
export type Trx = Transaction<Database>;

export async function withRegistryScope<T>(db: Kysely<Database>, actor: Actor, work: (scope: RegistryScope) => Promise<T>): Promise<T> {
  return withActorTransaction(db, actor, (trx) => work(new RegistryScope(trx, actor)));
}

/** Escapes LIKE wildcards in user text. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface HouseholdRow {
  id: number;
  county_code: string;
  village_code: string;
  household_no: string;
  household_type: 'GENERAL' | 'POVERTY_EXITED';
  address: string | null;
  phone: string | null;
  is_relocated: boolean;
  is_military_family: boolean;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  village_name: string;
  township_code: string;
  township_name: string;
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export function toHousehold(r: HouseholdRow): Household {
  return {
    id: r.id,
    householdNo: r.household_no,
    countyCode: r.county_code,
    villageCode: r.village_code,
    villageName: r.village_name,
    townshipCode: r.township_code,
    townshipName: r.township_name,
    householdType: r.household_type,
    address: r.address,
    phone: r.phone,
    isRelocated: r.is_relocated,
    isMilitaryFamily: r.is_military_family,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function toPerson(r: Record<string, unknown>, maskIds: boolean): Person {
  const id = String(r.id_number);
  return {
    id: Number(r.id),
    householdId: Number(r.household_id),
    name: String(r.name),
    idNumber: maskIds ? maskIdNumber(id) : id,
    idNumberMasked: maskIds,
    gender: r.gender as Person['gender'],
    birthDate: String(r.birth_date),
    relation: r.relation as Person['relation'],
    ethnicity: String(r.ethnicity),
    education: (r.education ?? null) as Person['education'],
    studentStatus: (r.student_status ?? null) as Person['studentStatus'],
    healthStatus: r.health_status as Person['healthStatus'],
    laborSkill: r.labor_skill as Person['laborSkill'],
    migrantMonths: Number(r.migrant_months),
    migrantPlace: (r.migrant_place ?? null) as string | null,
    hasMedicalInsurance: Boolean(r.has_medical_insurance),
    hasPensionInsurance: Boolean(r.has_pension_insurance),
    isDibao: Boolean(r.is_dibao),
    isTekun: Boolean(r.is_tekun),
    publicWelfareJob: Boolean(r.public_welfare_job),
  };
}

export function toIncome(r: Record<string, unknown>): IncomeRecord {
  return {
    year: Number(r.year),
    householdSize: Number(r.household_size),
    wageFen: Number(r.wage_fen),
    operatingFen: Number(r.operating_fen),
    propertyFen: Number(r.property_fen),
    transferFen: Number(r.transfer_fen),
    productionCostFen: Number(r.production_cost_fen),
    outOfPocketMedicalFen: Number(r.out_of_pocket_medical_fen),
    netIncomeFen: Number(r.net_income_fen),
    perCapitaNetFen: Number(r.per_capita_net_fen),
  };
}

export function toGuarantee(r: Record<string, unknown>): GuaranteeStatus {
  const g = {
    asOf: String(r.as_of),
    foodClothingOk: Boolean(r.food_clothing_ok),
    housingUnsafe: Boolean(r.housing_unsafe),
    houseGrade: (r.house_grade ?? null) as GuaranteeStatus['houseGrade'],
    dropoutChild: Boolean(r.dropout_child),
    memberUninsured: Boolean(r.member_uninsured),
    waterUnsafe: Boolean(r.water_unsafe),
    waterLitersPerDay: r.water_liters_per_day == null ? null : Number(r.water_liters_per_day),
    waterTripMinutes: r.water_trip_minutes == null ? null : Number(r.water_trip_minutes),
    waterInterruptionDays: r.water_interruption_days == null ? null : Number(r.water_interruption_days),
  };
  return { ...g, hasProblem: !g.foodClothingOk || g.housingUnsafe || g.dropoutChild || g.memberUninsured || g.waterUnsafe };
}

/** Person fields as stored (snake_case), from resolved input. */
export interface PersonValues {
  name: string;
  id_number: string;
  gender: 'M' | 'F';
  birth_date: string;
  relation: string;
  ethnicity: string;
  education: string | null;
  student_status: string | null;
  health_status: string;
  labor_skill: string;
  migrant_months: number;
  migrant_place: string | null;
  has_medical_insurance: boolean;
  has_pension_insurance: boolean;
  is_dibao: boolean;
  is_tekun: boolean;
  public_welfare_job: boolean;
}

export interface IncomeValues {
  household_size: number;
  wage_fen: number;
  operating_fen: number;
  property_fen: number;
  transfer_fen: number;
  production_cost_fen: number;
  out_of_pocket_medical_fen: number;
}

export interface GuaranteeValues {
  as_of: string;
  food_clothing_ok: boolean;
  housing_unsafe: boolean;
  house_grade: 'A' | 'B' | 'C' | 'D' | null;
  dropout_child: boolean;
  member_uninsured: boolean;
  water_unsafe: boolean;
  water_liters_per_day: number | null;
  water_trip_minutes: number | null;
  water_interruption_days: number | null;
}

export interface HouseholdValues {
  household_no: string;
  village_code: string;
  household_type: 'GENERAL' | 'POVERTY_EXITED';
  address: string | null;
  phone: string | null;
  is_relocated: boolean;
  is_military_family: boolean;
}

export class RegistryScope {
  readonly prefix: string;
  readonly pattern: string;
  readonly maskIds: boolean;

  constructor(
    readonly trx: Trx,
    readonly actor: Actor,
  ) {
    this.prefix = actor.scopePrefix;
    this.pattern = scopePattern(actor);
    this.maskIds = !canSeeFullIdNumbers(actor);
  }

  /** The scope predicate: the one place it is written. `alias` is a table alias with a village_code. */
  inScope(alias: string): RawBuilder<boolean> {
    return sql<boolean>`${sql.ref(`${alias}.village_code`)} COLLATE "C" LIKE ${this.pattern}`;
  }

  /** Is this division prefix inside the scope, or the scope inside it? Returns the narrower prefix, or null when disjoint. */
  narrow(divisionPrefix: string | undefined): string | null {
    const d = divisionPrefix ?? '';
    if (d.startsWith(this.prefix)) return d;
    if (this.prefix.startsWith(d)) return this.prefix;
    return null;
  }

  // ---------- reads ----------

  /** A village (level 5) inside the scope: its code and county, or null. */
  async village(code: string): Promise<{ code: string; name: string } | null> {
    const row = await this.trx
      .selectFrom('division')
      .select(['code', 'name'])
      .where('code', '=', code)
      .where('level', '=', 5)
      .where(sql<boolean>`code COLLATE "C" LIKE ${this.pattern}`)
      .executeTakeFirst();
    return row ?? null;
  }

  async household(id: number, options: { forUpdate?: boolean } = {}): Promise<Household | null> {
    const r = await sql<HouseholdRow>`
      SELECT h.*, v.name AS village_name, coalesce(t.code, '') AS township_code, coalesce(t.name, '') AS township_name
      FROM household h
      JOIN division v ON v.code = h.village_code
      LEFT JOIN division t ON t.code = v.parent_code
      WHERE h.id = ${id} AND ${this.inScope('h')}
      ${options.forUpdate ? sql`FOR UPDATE OF h` : sql``}`.execute(this.trx);
    return r.rows[0] ? toHousehold(r.rows[0]) : null;
  }

  async members(householdId: number, options: { fullIds?: boolean } = {}): Promise<Person[]> {
    const rows = await this.trx
      .selectFrom('person as p')
      .selectAll()
      .where('p.household_id', '=', householdId)
      .where(this.inScope('p'))
      .orderBy(sql`p.relation = 'HEAD'`, 'desc')
      .orderBy('p.birth_date')
      .orderBy('p.id')
      .execute();
    return rows.map((r) => toPerson(r as unknown as Record<string, unknown>, options.fullIds ? false : this.maskIds));
  }

  /** Members with full ID numbers, for audit snapshots and rule checks (never returned to a client as is). */
  async memberRows(householdId: number): Promise<(PersonValues & { id: number })[]> {
    const rows = await this.trx.selectFrom('person as p').selectAll().where('p.household_id', '=', householdId).where(this.inScope('p')).orderBy('p.id').execute();
    return rows.map((r) => personValuesOf(r as unknown as Record<string, unknown>));
  }

  async incomes(householdId: number): Promise<IncomeRecord[]> {
    const rows = await this.trx.selectFrom('income_record as i').selectAll().where('i.household_id', '=', householdId).where(this.inScope('i')).orderBy('i.year').execute();
    return rows.map((r) => toIncome(r as never));
  }

  async guarantee(householdId: number): Promise<GuaranteeStatus | null> {
    const r = await this.trx.selectFrom('guarantee_status as g').selectAll().where('g.household_id', '=', householdId).where(this.inScope('g')).executeTakeFirst();
    return r ? toGuarantee(r as never) : null;
  }

  /** Audit events about this household, newest first, as field changes (IDs masked as the role requires). */
  async history(householdId: number, limit = 200): Promise<ChangeEvent[]> {
    const rows = await this.trx
      .selectFrom('audit_event')
      .select(['seq', 'at', 'actor_name', 'action', 'reason', 'before', 'after'])
      .where('entity_type', '=', 'household')
      .where('entity_id', '=', String(householdId))
      .where('action', 'not like', 'access.%')
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: iso(r.at),
      actorName: r.actor_name,
      action: r.action,
      reason: r.reason,
      changes: diffSnapshots(r.before, r.after, this.maskIds),
    }));
  }

  /** Members of households in scope holding any of these ID numbers. */
  async holdersInScope(idNumbers: string[]): Promise<{ idNumber: string; personId: number; householdId: number; householdNo: string }[]> {
    if (idNumbers.length === 0) return [];
    const rows = await this.trx
      .selectFrom('person as p')
      .innerJoin('household as h', 'h.id', 'p.household_id')
      .select(['p.id_number', 'p.id', 'p.household_id', 'h.household_no'])
      .where('p.id_number', 'in', idNumbers)
      .where(this.inScope('p'))
      .execute();
    return rows.map((r) => ({ idNumber: r.id_number, personId: r.id, householdId: r.household_id, householdNo: r.household_no }));
  }

  // ---------- writes ----------

  async insertHousehold(v: HouseholdValues, now: Date): Promise<number> {
    const r = await this.trx
      .insertInto('household')
      .values({ ...v, county_code: v.village_code.slice(0, 6), created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  /** Updates the household if it is still at `version`; returns false when someone got there first. */
  async updateHousehold(id: number, version: number, v: Partial<HouseholdValues>, now: Date): Promise<boolean> {
    const r = await this.trx
      .updateTable('household as h')
      .set({ ...v, ...(v.village_code ? { county_code: v.village_code.slice(0, 6) } : {}), version: sql`h.version + 1`, updated_at: now })
      .where('h.id', '=', id)
      .where('h.version', '=', version)
      .where(this.inScope('h'))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Moves the rows that carry the household's scope key along with it. */
  async moveDependents(householdId: number, villageCode: string): Promise<void> {
    const county = villageCode.slice(0, 6);
    for (const table of ['person', 'income_record', 'guarantee_status'] as const) {
      await this.trx.updateTable(table).set({ village_code: villageCode, county_code: county }).where('household_id', '=', householdId).execute();
    }
  }

  async insertPeople(householdId: number, villageCode: string, people: PersonValues[]): Promise<number[]> {
    if (people.length === 0) return [];
    const rows = await this.trx
      .insertInto('person')
      .values(people.map((p) => ({ ...p, household_id: householdId, village_code: villageCode, county_code: villageCode.slice(0, 6) })))
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async updatePerson(householdId: number, personId: number, v: Partial<PersonValues>): Promise<boolean> {
    const r = await this.trx
      .updateTable('person as p')
      .set(v)
      .where('p.id', '=', personId)
      .where('p.household_id', '=', householdId)
      .where(this.inScope('p'))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async deletePerson(householdId: number, personId: number): Promise<boolean> {
    const r = await this.trx.deleteFrom('person as p').where('p.id', '=', personId).where('p.household_id', '=', householdId).where(this.inScope('p')).executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }

  async incomeRow(householdId: number, year: number): Promise<IncomeRecord | null> {
    const r = await this.trx
      .selectFrom('income_record as i')
      .selectAll()
      .where('i.household_id', '=', householdId)
      .where('i.year', '=', year)
      .where(this.inScope('i'))
      .executeTakeFirst();
    return r ? toIncome(r as never) : null;
  }

  async upsertIncome(householdId: number, villageCode: string, year: number, v: IncomeValues): Promise<void> {
    await this.trx
      .insertInto('income_record')
      .values({ ...v, household_id: householdId, year, village_code: villageCode, county_code: villageCode.slice(0, 6) })
      .onConflict((oc) => oc.columns(['household_id', 'year']).doUpdateSet(v))
      .execute();
  }

  async upsertGuarantee(householdId: number, villageCode: string, v: GuaranteeValues): Promise<void> {
    await this.trx
      .insertInto('guarantee_status')
      .values({ ...v, household_id: householdId, village_code: villageCode, county_code: villageCode.slice(0, 6) })
      .onConflict((oc) => oc.column('household_id').doUpdateSet(v))
      .execute();
  }

  /** Marks a change to members, incomes or guarantees on the household (version + 1). */
  async touchHousehold(id: number, now: Date): Promise<void> {
    await this.trx.updateTable('household as h').set({ version: sql`h.version + 1`, updated_at: now }).where('h.id', '=', id).where(this.inScope('h')).execute();
  }
}

export function personValuesOf(r: Record<string, unknown>): PersonValues & { id: number } {
  return {
    id: Number(r.id),
    name: String(r.name),
    id_number: String(r.id_number),
    gender: r.gender as 'M' | 'F',
    birth_date: String(r.birth_date),
    relation: String(r.relation),
    ethnicity: String(r.ethnicity),
    education: (r.education ?? null) as string | null,
    student_status: (r.student_status ?? null) as string | null,
    health_status: String(r.health_status),
    labor_skill: String(r.labor_skill),
    migrant_months: Number(r.migrant_months),
    migrant_place: (r.migrant_place ?? null) as string | null,
    has_medical_insurance: Boolean(r.has_medical_insurance),
    has_pension_insurance: Boolean(r.has_pension_insurance),
    is_dibao: Boolean(r.is_dibao),
    is_tekun: Boolean(r.is_tekun),
    public_welfare_job: Boolean(r.public_welfare_job),
  };
}

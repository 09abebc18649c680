/**
 * The registry's reads for other modules' per-household lookups, inside the caller's transaction
 * (which carries the actor's scope: row-level security applies). One round trip each. Set-based
 * analytics read the registry's published views instead (migration 0011, docs/decisions/0005); the
 * head's name and the member count are defined once, in the view registry_household.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { LABOR_CAPABLE } from '../domain/enums.js';

/** A transaction or the database handle. */
type Db = Kysely<Database>;

/**
 * The labour-capable skills (LABOR_CAPABLE) as an SQL list, `('SKILLED', 'ORDINARY', 'WEAK_OR_HALF')`,
 * for set-based readers of registry_person: literals, so the planner sees constants, as before.
 */
export const LABOR_CAPABLE_SQL = `(${[...LABOR_CAPABLE].map((s) => `'${s}'`).join(', ')})`;

/** What a list or a page shows of a household. */
export interface HouseholdCard {
  id: number;
  householdNo: string;
  householdType: 'GENERAL' | 'POVERTY_EXITED';
  countyCode: string;
  villageCode: string;
  /** Name of the member whose relation is HEAD, or null when none is recorded. */
  headName: string | null;
  /** Number of members. */
  size: number;
}

export interface HouseholdGuarantees {
  foodClothingOk: boolean;
  housingUnsafe: boolean;
  dropoutChild: boolean;
  memberUninsured: boolean;
  waterUnsafe: boolean;
}

/** What rules about a household's situation need: type, size, labour, latest income, guarantees. */
export interface HouseholdStanding {
  householdType: 'GENERAL' | 'POVERTY_EXITED';
  size: number;
  /** At least one member able to work (skilled, ordinary or weak/half labour). */
  hasLabour: boolean;
  /** The income record of the latest year up to the year asked for, or null. */
  latestIncome: { year: number; perCapitaNetFen: number } | null;
  guarantees: HouseholdGuarantees | null;
}

/** The household inside the scope, or null when absent or outside it. */
export async function findHouseholdCard(db: Db, scopePrefix: string, householdId: number): Promise<HouseholdCard | null> {
  const r = await db
    .selectFrom('registry_household')
    .select(['id', 'household_no', 'household_type', 'county_code', 'village_code', 'head_name', 'member_count'])
    .where('id', '=', householdId)
    .where('village_code', 'like', `${scopePrefix}%`)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    householdNo: r.household_no,
    householdType: r.household_type,
    countyCode: r.county_code,
    villageCode: r.village_code,
    headName: r.head_name,
    size: Number(r.member_count),
  };
}

/**
 * Type, size, labour, the latest income up to `year` and the guarantees of a household the
 * transaction can see, in one statement; null when it cannot see it.
 */
export async function findHouseholdStanding(db: Db, householdId: number, year: number): Promise<HouseholdStanding | null> {
  const r = await db
    .selectFrom('registry_household as h')
    .leftJoin('guarantee_status as g', 'g.household_id', 'h.id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('income_record as i')
          .select(['i.year', 'i.per_capita_net_fen'])
          .whereRef('i.household_id', '=', 'h.id')
          .where('i.year', '<=', year)
          .orderBy('i.year', 'desc')
          .limit(1)
          .as('i'),
      (join) => join.onTrue(),
    )
    .select(['h.household_type', 'h.member_count', 'i.year as income_year', 'i.per_capita_net_fen'])
    .select(['g.household_id as guarantee_household', 'g.food_clothing_ok', 'g.housing_unsafe', 'g.dropout_child', 'g.member_uninsured', 'g.water_unsafe'])
    .select((eb) => eb.exists(eb.selectFrom('person as p').select('p.id').whereRef('p.household_id', '=', 'h.id').where('p.labor_skill', 'in', [...LABOR_CAPABLE])).as('has_labour'))
    .where('h.id', '=', householdId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    householdType: r.household_type,
    size: Number(r.member_count),
    hasLabour: Boolean(r.has_labour),
    latestIncome: r.income_year !== null && r.per_capita_net_fen !== null ? { year: r.income_year, perCapitaNetFen: Number(r.per_capita_net_fen) } : null,
    guarantees:
      r.guarantee_household !== null
        ? {
            foodClothingOk: Boolean(r.food_clothing_ok),
            housingUnsafe: Boolean(r.housing_unsafe),
            dropoutChild: Boolean(r.dropout_child),
            memberUninsured: Boolean(r.member_uninsured),
            waterUnsafe: Boolean(r.water_unsafe),
          }
        : null,
  };
}

/** Has the household at least one member able to work? (false when the transaction cannot see it) */
export async function householdHasLabour(db: Db, householdId: number): Promise<boolean> {
  const r = await db
    .selectFrom('person')
    .select('id')
    .where('household_id', '=', householdId)
    .where('labor_skill', 'in', [...LABOR_CAPABLE])
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/** Where a registered person lives: the answer to a lookup by ID number. */
export interface PersonPlace {
  /** The ID number asked for. */
  idNumber: string;
  personId: number;
  householdId: number;
  countyCode: string;
  villageCode: string;
}

/**
 * The registered people with these ID numbers whose household lies under `scopePrefix` ('' = any),
 * in one statement (an array parameter: any number of ID numbers). For matching declarations and
 * department files to households; the published views carry no ID numbers.
 */
export async function findPeopleByIdNumbers(db: Db, scopePrefix: string, idNumbers: readonly string[]): Promise<PersonPlace[]> {
  if (idNumbers.length === 0) return [];
  const rows = await db
    .selectFrom('person as p')
    .innerJoin('household as h', 'h.id', 'p.household_id')
    .select(['p.id', 'p.id_number', 'p.household_id', 'h.village_code', 'h.county_code'])
    .where(sql<boolean>`p.id_number = ANY(${[...idNumbers]}::text[])`)
    .where('h.village_code', 'like', `${scopePrefix}%`)
    .execute();
  return rows.map((r) => ({ idNumber: r.id_number, personId: r.id, householdId: r.household_id, countyCode: r.county_code, villageCode: r.village_code }));
}

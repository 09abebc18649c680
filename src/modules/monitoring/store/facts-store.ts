import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { HouseholdFacts } from '../domain/facts.js';

type Db = Kysely<Database> | Transaction<Database>;

interface FactsRow {
  id: number;
  county_code: string;
  village_code: string;
  household_type: HouseholdFacts['householdType'];
  members: HouseholdFacts['members'] | null;
  incomes: HouseholdFacts['incomes'] | null;
  guarantee: HouseholdFacts['guarantee'];
  events: HouseholdFacts['events'] | null;
}

/**
 * The facts of the given households in one round trip (members, incomes, guarantees, village events),
 * from the registry's published views (decision 0005).
 */
export async function loadHouseholdFacts(db: Db, householdIds: readonly number[]): Promise<HouseholdFacts[]> {
  if (householdIds.length === 0) return [];
  const ids = householdIds.map((id) => {
    if (!Number.isSafeInteger(id)) throw new Error('bad household id');
    return id;
  });
  const { rows } = await sql<FactsRow>`
    SELECT h.id, h.county_code, h.village_code, h.household_type,
      (SELECT json_agg(json_build_object('personId', pe.id, 'birthDate', to_char(pe.birth_date, 'YYYY-MM-DD'), 'healthStatus', pe.health_status,
              'laborSkill', pe.labor_skill, 'studentStatus', pe.student_status) ORDER BY pe.id)
         FROM registry_person pe WHERE pe.household_id = h.id) AS members,
      (SELECT json_agg(json_build_object('year', i.year, 'householdSize', i.household_size, 'wageFen', i.wage_fen, 'operatingFen', i.operating_fen,
              'propertyFen', i.property_fen, 'transferFen', i.transfer_fen, 'productionCostFen', i.production_cost_fen,
              'outOfPocketMedicalFen', i.out_of_pocket_medical_fen, 'perCapitaNetFen', i.per_capita_net_fen) ORDER BY i.year)
         FROM registry_income i WHERE i.household_id = h.id) AS incomes,
      (SELECT json_build_object('housingUnsafe', g.housing_unsafe, 'houseGrade', g.house_grade, 'dropoutChild', g.dropout_child, 'waterUnsafe', g.water_unsafe,
              'waterLitersPerDay', g.water_liters_per_day::float8, 'waterTripMinutes', g.water_trip_minutes::float8, 'waterInterruptionDays', g.water_interruption_days)
         FROM registry_guarantee g WHERE g.household_id = h.id) AS guarantee,
      (SELECT json_agg(json_build_object('eventId', e.id, 'kind', e.kind, 'severity', e.severity, 'occurredOn', to_char(e.occurred_on, 'YYYY-MM-DD')) ORDER BY e.id)
         FROM risk_event_village v JOIN risk_event e ON e.id = v.event_id WHERE v.village_code = h.village_code) AS events
    FROM registry_household h WHERE h.id = ANY(${sql.raw(`'{${ids.join(',')}}'::bigint[]`)})
    ORDER BY h.id`.execute(db);
  return rows.map((r) => ({
    householdId: Number(r.id),
    countyCode: r.county_code,
    villageCode: r.village_code,
    householdType: r.household_type,
    members: (parse(r.members) ?? []).map((m) => ({ ...m, personId: Number(m.personId) })),
    incomes: (parse(r.incomes) ?? []).map((i) => ({
      year: Number(i.year),
      householdSize: Number(i.householdSize),
      wageFen: Number(i.wageFen),
      operatingFen: Number(i.operatingFen),
      propertyFen: Number(i.propertyFen),
      transferFen: Number(i.transferFen),
      productionCostFen: Number(i.productionCostFen),
      outOfPocketMedicalFen: Number(i.outOfPocketMedicalFen),
      perCapitaNetFen: Number(i.perCapitaNetFen),
    })),
    guarantee: parse(r.guarantee),
    events: (parse(r.events) ?? []).map((e) => ({ ...e, eventId: Number(e.eventId) })),
  }));
}

/** pg parses json columns; PGlite too. A string means a driver that did not. */
function parse<T>(v: T | string | null): T | null {
  return typeof v === 'string' ? (JSON.parse(v) as T) : v;
}

/** County codes of the counties under a division prefix (for the sweep's parameter table). */
export async function countiesUnder(db: Db, prefix: string): Promise<string[]> {
  if (prefix.length >= 6) return [prefix.slice(0, 6)];
  const rows = await db.selectFrom('division').select('prefix').where('level', '=', 3).where('prefix', 'like', `${prefix}%`).execute();
  return rows.map((r) => r.prefix);
}

export async function countiesOfHouseholds(db: Db, householdIds: readonly number[]): Promise<string[]> {
  if (householdIds.length === 0) return [];
  // One array parameter: a parameter per id stops at 65 535 (the protocol's limit).
  const rows = await db.selectFrom('registry_household').select('county_code').distinct().where(sql<boolean>`id = ANY(${[...householdIds]}::bigint[])`).execute();
  return rows.map((r) => r.county_code);
}

import type { Store } from '../../platform/db.js';
import { makeIdNumber } from '../registry/domain/id-number.js';

/**
 * Test builders for the monitoring module: a small division tree and households written straight
 * into the registry tables (the registry module's own builders may replace these later).
 */
export const TEST_COUNTY = '520527';
export const TEST_VILLAGES = ['520527101201', '520527101202', '520527102201'] as const;

export async function seedTestDivisions(store: Store): Promise<void> {
  await store.bulk(async (s) => {
    await s.query(
      `INSERT INTO division (code, prefix, name, level, parent_code) VALUES
        ('520000000000','52','贵州省',1,NULL),
        ('520500000000','5205','毕节市',2,'520000000000'),
        ('520527000000','520527','赫章县',3,'520500000000'),
        ('520527101000','520527101','城关镇',4,'520527000000'),
        ('520527102000','520527102','白果街道',4,'520527000000'),
        ('520527101201','520527101201','一村',5,'520527101000'),
        ('520527101202','520527101202','二村',5,'520527101000'),
        ('520527102201','520527102201','三村',5,'520527102000')
       ON CONFLICT DO NOTHING`,
    );
  });
}

export interface TestMember {
  name?: string;
  birthDate?: string;
  relation?: string;
  healthStatus?: 'HEALTHY' | 'CHRONIC' | 'SERIOUS_ILLNESS' | 'DISABLED';
  laborSkill?: 'SKILLED' | 'ORDINARY' | 'WEAK_OR_HALF' | 'LOST' | 'NONE';
  studentStatus?: string | null;
  migrantMonths?: number;
}

export interface TestIncome {
  year: number;
  wageFen?: number;
  operatingFen?: number;
  propertyFen?: number;
  transferFen?: number;
  productionCostFen?: number;
  outOfPocketMedicalFen?: number;
}

export interface TestHousehold {
  villageCode?: string;
  householdType?: 'GENERAL' | 'POVERTY_EXITED';
  members?: TestMember[];
  incomes?: TestIncome[];
  guarantee?: {
    housingUnsafe?: boolean;
    houseGrade?: 'A' | 'B' | 'C' | 'D' | null;
    dropoutChild?: boolean;
    waterUnsafe?: boolean;
    waterLitersPerDay?: number | null;
    waterTripMinutes?: number | null;
    waterInterruptionDays?: number | null;
  } | null;
}

let sequence = 0;

/** Inserts a household with members, incomes and guarantee status; returns its id and members' ID numbers. */
export async function insertTestHousehold(store: Store, h: TestHousehold = {}): Promise<{ id: number; idNumbers: string[] }> {
  const village = h.villageCode ?? TEST_VILLAGES[0];
  const county = village.slice(0, 6);
  const members = h.members ?? [{}];
  const n = ++sequence;
  return store.bulk(async (s) => {
    const { rows } = await s.query<{ id: number }>(
      `INSERT INTO household (county_code, village_code, household_no, household_type, created_at, updated_at) VALUES ($1,$2,$3,$4, now(), now()) RETURNING id`,
      [county, village, `T${village}${String(n).padStart(6, '0')}${Math.random().toString(36).slice(2, 6)}`, h.householdType ?? 'GENERAL'],
    );
    const id = rows[0].id;
    const idNumbers: string[] = [];
    for (let i = 0; i < members.length; i++) {
      const m = members[i];
      const birth = m.birthDate ?? '1980-05-05';
      const idNumber = makeIdNumber(county, birth, (n * 7 + i) % 1000);
      // Unique across the test file: vary the birth day when the number is taken.
      const unique = await uniqueId(s, county, birth, n * 7 + i);
      idNumbers.push(unique ?? idNumber);
      await s.query(
        `INSERT INTO person (household_id, county_code, village_code, name, id_number, gender, birth_date, relation, health_status, labor_skill, student_status, migrant_months)
         VALUES ($1,$2,$3,$4,$5,'M',$6,$7,$8,$9,$10,$11)`,
        [id, county, village, m.name ?? `成员${n}-${i}`, unique ?? idNumber, birth, m.relation ?? (i === 0 ? 'HEAD' : 'CHILD'), m.healthStatus ?? 'HEALTHY', m.laborSkill ?? 'ORDINARY', m.studentStatus ?? null, m.migrantMonths ?? 0],
      );
    }
    for (const inc of h.incomes ?? []) {
      await s.query(
        `INSERT INTO income_record (household_id, county_code, village_code, year, household_size, wage_fen, operating_fen, property_fen, transfer_fen, production_cost_fen, out_of_pocket_medical_fen)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
        [id, county, village, inc.year, members.length, inc.wageFen ?? 0, inc.operatingFen ?? 0, inc.propertyFen ?? 0, inc.transferFen ?? 0, inc.productionCostFen ?? 0, inc.outOfPocketMedicalFen ?? 0],
      );
    }
    if (h.guarantee !== null) {
      const g = h.guarantee ?? {};
      await s.query(
        `INSERT INTO guarantee_status (household_id, county_code, village_code, as_of, housing_unsafe, house_grade, dropout_child, water_unsafe, water_liters_per_day, water_trip_minutes, water_interruption_days)
         VALUES ($1,$2,$3,'2025-01-01',$4,$5,$6,$7,$8,$9,$10)`,
        [id, county, village, g.housingUnsafe ?? false, g.houseGrade ?? null, g.dropoutChild ?? false, g.waterUnsafe ?? false, g.waterLitersPerDay ?? null, g.waterTripMinutes ?? null, g.waterInterruptionDays ?? null],
      );
    }
    return { id, idNumbers };
  });
}

async function uniqueId(s: { query: (sql: string, p?: unknown[]) => Promise<{ rows: unknown[] }> }, county: string, birth: string, seed: number): Promise<string | null> {
  for (let k = 0; k < 1000; k++) {
    const candidate = makeIdNumber(county, birth, (seed + k * 131) % 1000);
    const { rows } = await s.query('SELECT 1 FROM person WHERE id_number = $1', [candidate]);
    if (rows.length === 0) return candidate;
  }
  return null;
}

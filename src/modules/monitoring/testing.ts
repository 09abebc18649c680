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

/**
 * A synthetic registry generated in SQL (generate_series, seeded random): households spread over the
 * given villages, 1–7 members, incomes for 2020–2025 with a share near or below the threshold,
 * guarantee status with rare problems. Used by the sweep-agreement test and the benchmark (1M households).
 * Rates are chosen so that every rule fires on some households and not on most.
 */
export async function generateRegistry(store: Store, options: { households: number; villages: readonly string[]; seed?: number; prefix?: string }): Promise<void> {
  const villages = `'{${options.villages.join(',')}}'::text[]`;
  const nv = options.villages.length;
  const tag = options.prefix ?? 'G';
  await store.bulk(async (s) => {
    await s.query(`SELECT setseed(${options.seed ?? 0.42})`);
    await s.query(`
      INSERT INTO household (county_code, village_code, household_no, household_type, created_at, updated_at)
      SELECT substr(v, 1, 6), v, '${tag}' || i, CASE WHEN random() < 0.25 THEN 'POVERTY_EXITED' ELSE 'GENERAL' END, now(), now()
      FROM generate_series(1, ${options.households}) AS i, LATERAL (SELECT (${villages})[1 + (i % ${nv})] AS v) AS vv`);
    // Household size from the id (1–7, mean 4) so persons and incomes agree without a join.
    await s.query(`
      INSERT INTO person (household_id, county_code, village_code, name, id_number, gender, birth_date, relation, health_status, labor_skill, student_status, migrant_months)
      SELECT h.id, h.county_code, h.village_code, '成员' || k, '${tag}' || lpad((h.id * 8 + k)::text, 16, '0'), CASE WHEN k % 2 = 0 THEN 'F' ELSE 'M' END,
        CASE WHEN k <= 2 THEN date '1945-01-01' + (random() * 20000)::int ELSE date '2006-01-01' + (random() * 6500)::int END,
        CASE k WHEN 1 THEN 'HEAD' WHEN 2 THEN 'SPOUSE' ELSE 'CHILD' END,
        CASE WHEN r1 < 0.02 THEN 'SERIOUS_ILLNESS' WHEN r1 < 0.05 THEN 'DISABLED' WHEN r1 < 0.15 THEN 'CHRONIC' ELSE 'HEALTHY' END,
        CASE WHEN k > 2 THEN CASE WHEN r2 < 0.5 THEN 'NONE' ELSE 'ORDINARY' END
             WHEN r2 < 0.12 THEN 'LOST' WHEN r2 < 0.2 THEN 'NONE' WHEN r2 < 0.35 THEN 'WEAK_OR_HALF' WHEN r2 < 0.85 THEN 'ORDINARY' ELSE 'SKILLED' END,
        CASE WHEN k > 2 THEN CASE WHEN r3 < 0.02 THEN 'DROPPED_OUT' ELSE 'JUNIOR' END END,
        CASE WHEN k <= 2 AND r3 < 0.4 THEN 8 ELSE 0 END
      FROM household h, LATERAL generate_series(1, 1 + ((h.id * 2654435761) % 7)::int) AS k,
        LATERAL (SELECT random() + k * 0 AS r1, random() + k * 0 AS r2, random() + k * 0 AS r3) AS r
      WHERE h.household_no LIKE '${tag}%'`);
    // Incomes: a household level (log-normal-ish around 12,000 yuan per person), yearly noise, rare shocks.
    await s.query(`
      INSERT INTO income_record (household_id, county_code, village_code, year, household_size, wage_fen, operating_fen, property_fen, transfer_fen, production_cost_fen, out_of_pocket_medical_fen)
      SELECT h.id, h.county_code, h.village_code, y, n,
        (base * n * ws * shock)::bigint, (base * n * (1 - ws) * 1.2 * shock)::bigint, (base * n * 0.02)::bigint, (base * n * 0.1)::bigint,
        (base * n * (1 - ws) * 0.2)::bigint,
        CASE WHEN random() < 0.03 THEN (random() * 3000000)::bigint ELSE (random() * 200000)::bigint END
      FROM household h
        CROSS JOIN LATERAL (SELECT 1 + ((h.id * 2654435761) % 7)::int AS n, 500000 + 1500000 * power(random() + h.id * 0, 1.6) AS lvl, random() + h.id * 0 AS ws) AS hh
        CROSS JOIN generate_series(2020, 2025) AS y
        CROSS JOIN LATERAL (SELECT lvl * (0.9 + 0.2 * random()) * (1 + 0.05 * (y - 2020)) AS base,
                                   CASE WHEN random() + y * 0 < 0.04 THEN 0.4 ELSE 1 END AS shock) AS yy
      WHERE h.household_no LIKE '${tag}%'`);
    await s.query(`
      INSERT INTO guarantee_status (household_id, county_code, village_code, as_of, housing_unsafe, house_grade, dropout_child, water_unsafe, water_liters_per_day, water_trip_minutes, water_interruption_days)
      SELECT h.id, h.county_code, h.village_code, date '2025-01-01', random() < 0.005,
        CASE WHEN r < 0.01 THEN 'D' WHEN r < 0.03 THEN 'C' WHEN r < 0.5 THEN 'B' WHEN r < 0.9 THEN 'A' END,
        random() < 0.003, random() < 0.005,
        CASE WHEN random() < 0.9 THEN round((20 + random() * 60)::numeric, 1) END,
        CASE WHEN random() < 0.9 THEN (random() * 25)::int END,
        CASE WHEN random() < 0.9 THEN (random() * 40)::int END
      FROM household h, LATERAL (SELECT random() + h.id * 0 AS r) AS rr
      WHERE h.household_no LIKE '${tag}%'`);
  });
}

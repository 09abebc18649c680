import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock } from '../../../../platform/clock.js';
import { ConfigSchema } from '../../../../platform/config.js';
import type { Deps } from '../../../../platform/deps.js';
import { openTestStore } from '../../../../platform/testing/test-store.js';
import { systemActor, type Actor } from '../../../access/index.js';
import { makeIdNumber } from '../../domain/id-number.js';
import { workbook, seedImportDivisions, household, incomeRow, incomesCsv, peopleCsv, peopleRow, TEST_VILLAGE, TEST_VILLAGE_2, type PeopleRow } from '../testing.js';
import { exportHouseholds } from './export-households.js';
import { importHouseholds, type ImportSummary } from './import-households.js';

let deps: Deps;
let dir: string;
let n = 0;
const admin: Actor = { userId: 1, name: 'admin', role: 'county_admin', scopePrefix: '520527' };

async function files(people: PeopleRow[], incomes: Record<string, string>[] = []) {
  n++;
  const p = join(dir, `p${n}.csv`);
  const i = join(dir, `i${n}.csv`);
  await writeFile(p, peopleCsv(people));
  await writeFile(i, incomesCsv(incomes));
  return { people: { path: p, name: `p${n}.csv` }, incomes: incomes.length ? { path: i, name: `i${n}.csv` } : null };
}

async function run(people: PeopleRow[], incomes: Record<string, string>[] = [], dryRun = false, actor: Actor = systemActor('test')): Promise<ImportSummary> {
  const work = await mkdtemp(join(dir, 'w'));
  return importHouseholds(deps, actor, { ...(await files(people, incomes)), dryRun, workDir: work });
}

const countOf = async (table: 'household' | 'person' | 'income_record') =>
  Number((await deps.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

const base = [...household('H1', 3, 1), ...household('H2', 2, 2, { village_code: TEST_VILLAGE_2, household_type: '一般农户' })];
const baseIncomes = [incomeRow({ household_no: 'H1' }), incomeRow({ household_no: 'H2', year: '2023', wage: '1000' })];

beforeAll(async () => {
  const store = await openTestStore();
  deps = { store, clock: new FixedClock('2025-06-01T02:00:00Z'), config: ConfigSchema.parse({ LOG_LEVEL: 'silent' }) };
  dir = await mkdtemp(join(tmpdir(), 'rb-imp-'));
  await seedImportDivisions(deps);
}, 300_000);
afterAll(async () => {
  await deps?.store.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('importHouseholds', () => {
  it('writes nothing on a dry run but counts what a commit would do', async () => {
    const s = await run(base, baseIncomes, true);
    expect(s.errorCount).toBe(0);
    expect(s.committed).toBe(false);
    expect(s.counts).toEqual({
      households: { inserted: 2, updated: 0, unchanged: 0 },
      persons: { inserted: 5, updated: 0, unchanged: 0, removed: 0 },
      incomes: { inserted: 2, updated: 0, unchanged: 0 },
    });
    expect(await countOf('household')).toBe(0);
  });

  it('writes nothing at all when a single row is bad, and reports every bad row', async () => {
    const valid = makeIdNumber('520527', '1980-01-01', 1);
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const bad = [...base, peopleRow({ household_no: 'H3', id_number: wrongCheck, labor_skill: '' }), ...household('H4', 1, 4, { village_code: '520526100201' })];
    const s = await run(bad, baseIncomes, false, admin);
    expect(s.committed).toBe(false);
    expect(s.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [7, 'id_number', 'import.row.id_checksum'],
      [7, 'labor_skill', 'import.row.required'],
      [8, 'village_code', 'import.row.village_out_of_scope'],
    ]);
    expect(await countOf('household')).toBe(0);
    expect(await countOf('person')).toBe(0);
    expect(await countOf('income_record')).toBe(0);
  });

  it('commits households, people and incomes in fen with one audit event', async () => {
    const s = await run(base, baseIncomes, false, admin);
    expect(s.errorCount).toBe(0);
    expect(s.committed).toBe(true);
    expect(await countOf('household')).toBe(2);
    expect(await countOf('person')).toBe(5);
    const income = await deps.store.db.selectFrom('income_record').selectAll().where('year', '=', 2024).executeTakeFirstOrThrow();
    expect(income).toMatchObject({ household_size: 3, wage_fen: 3_200_000, operating_fen: 850_050, net_income_fen: 3_200_000 + 850_050 + 60_000 + 420_000 - 300_000 });
    const h1 = await deps.store.db.selectFrom('household').selectAll().where('household_no', '=', 'H1').executeTakeFirstOrThrow();
    expect(h1).toMatchObject({ county_code: '520527', household_type: 'POVERTY_EXITED', version: 1 });
    const events = await deps.store.db.selectFrom('audit_event').selectAll().where('action', '=', 'registry.import').execute();
    expect(events).toHaveLength(1);
    expect(events[0].after).toMatchObject({ fileName: s.fileName, sha256: s.sha256, counts: { households: { inserted: 2 } } });
    const changes = await deps.store.db.selectFrom('registry_import_change').selectAll().execute();
    expect(changes.map((c) => c.change).sort()).toEqual(['insert', 'insert']);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await deps.store.db.selectFrom('household').select(['household_no', 'version', 'updated_at']).orderBy('household_no').execute();
    const s = await run(base, baseIncomes);
    expect(s.counts).toEqual({
      households: { inserted: 0, updated: 0, unchanged: 2 },
      persons: { inserted: 0, updated: 0, unchanged: 5, removed: 0 },
      incomes: { inserted: 0, updated: 0, unchanged: 2 },
    });
    const after = await deps.store.db.selectFrom('household').select(['household_no', 'version', 'updated_at']).orderBy('household_no').execute();
    expect(after).toEqual(before);
    expect(await deps.store.db.selectFrom('registry_import_change').select('import_id').where('change', '=', 'update').execute()).toEqual([]);
  });

  it('updates only what changed: one household field, one person, one income; versions move only there', async () => {
    deps.clock instanceof FixedClock && deps.clock.advanceDays(1);
    const changed = base.map((r) => ({ ...r }));
    for (const r of changed.slice(0, 3)) r.phone = '13900000000'; // H1 household field, on each member row
    changed[4].migrant_months = '9'; // H2 member
    const incomes = [incomeRow({ household_no: 'H1', wage: '33000' }), baseIncomes[1], incomeRow({ household_no: 'H2', year: '2024' })];
    const s = await run(changed, incomes);
    expect(s.errorCount).toBe(0);
    expect(s.counts).toEqual({
      households: { inserted: 0, updated: 2, unchanged: 0 },
      persons: { inserted: 0, updated: 1, unchanged: 4, removed: 0 },
      incomes: { inserted: 1, updated: 1, unchanged: 1 },
    });
    const rows = await deps.store.db.selectFrom('household').select(['household_no', 'version', 'phone']).orderBy('household_no').execute();
    expect(rows).toEqual([
      { household_no: 'H1', version: 2, phone: '13900000000' },
      { household_no: 'H2', version: 2, phone: '13800000000' },
    ]);
    const history = await deps.store.db.selectFrom('registry_import_change').selectAll().where('change', '=', 'update').orderBy('household_id').execute();
    expect(history.map((h) => h.parts)).toEqual([['household', 'incomes'], ['incomes', 'members']]);
    expect(history[0].before).toMatchObject({ phone: '13800000000', version: 1 });
  });

  it('treats the file as the roster: a member left out leaves, and the head can change', async () => {
    const h1 = household('H1', 3, 1).map((r): PeopleRow => ({ ...r, phone: '13900000000' }));
    const roster = [{ ...h1[1], relation: '户主' }, { ...h1[0], relation: '配偶' }];
    const h2 = base.slice(3).map((r) => ({ ...r }));
    h2[1].migrant_months = '9'; // as the previous test left it
    const s = await run([...roster, ...h2], []);
    expect(s.errorCount).toBe(0);
    expect(s.counts?.persons).toEqual({ inserted: 0, updated: 2, unchanged: 2, removed: 1 });
    const members = await deps.store.db.selectFrom('person').innerJoin('household', 'household.id', 'person.household_id').select(['person.name', 'person.relation']).where('household_no', '=', 'H1').orderBy('person.name').execute();
    expect(members).toEqual([
      { name: h1[0].name, relation: 'SPOUSE' },
      { name: h1[1].name, relation: 'HEAD' },
    ]);
  });

  it('refuses a person already registered in a household the file does not list, and duplicate IDs within the file', async () => {
    const someone = (await deps.store.db.selectFrom('person').select('id_number').where('relation', '=', 'HEAD').where('village_code', '=', TEST_VILLAGE_2).executeTakeFirstOrThrow()).id_number;
    const rows = [peopleRow({ household_no: 'H9', id_number: someone }), peopleRow({ household_no: 'H9', relation: '子女', id_number: makeIdNumber('520527', '2010-01-01', 5) }), peopleRow({ household_no: 'H9', relation: '子女', id_number: makeIdNumber('520527', '2010-01-01', 5) })];
    const s = await run(rows, [incomeRow({ household_no: 'NOPE' })]);
    expect(s.errors.map((e) => [e.table, e.row, e.code])).toEqual([
      ['people', 4, 'import.row.id_duplicate'],
      ['people', 2, 'import.row.id_in_other_household'],
      ['incomes', 2, 'import.row.income_household_unknown'],
    ]);
    expect(s.errors[1].params).toEqual({ householdNo: 'H2' });
    expect(await countOf('household')).toBe(2);
  });

  it('re-imports its own export unchanged', async () => {
    const out = join(dir, 'export.csv');
    const incomesOut = join(dir, 'export-incomes.csv');
    const a = createWriteStream(out);
    const b = createWriteStream(incomesOut);
    const r = await exportHouseholds(deps, systemActor('test'), { division: '520527', format: 'csv', lang: 'zh-CN', out: a, incomesOut: b });
    expect(r).toEqual({ households: 2, persons: 4, incomes: 3 });
    if (!b.writableFinished) await once(b, 'finish');
    expect((await readFile(out, 'utf8')).split('\n')[0]).toContain('户编号');
    const work = await mkdtemp(join(dir, 'w'));
    const s = await importHouseholds(deps, systemActor('test'), { people: { path: out, name: 'export.csv' }, incomes: { path: incomesOut, name: 'export-incomes.csv' }, dryRun: true, workDir: work });
    expect(s.errorCount).toBe(0);
    expect(s.counts).toEqual({
      households: { inserted: 0, updated: 0, unchanged: 2 },
      persons: { inserted: 0, updated: 0, unchanged: 4, removed: 0 },
      incomes: { inserted: 0, updated: 0, unchanged: 3 },
    });
  });

  it('reads an XLSX workbook with both sheets, English labels and codes mixed in', async () => {
    const p = join(dir, 'book.xlsx');
    const rows = household('X1', 2, 7, { household_type: 'GENERAL', labor_skill: 'skilled labour', is_relocated: 'yes' });
    await writeFile(p, await workbook(rows, [incomeRow({ household_no: 'X1', year: '2023' })]));
    const s = await importHouseholds(deps, admin, { people: { path: p, name: 'book.xlsx' }, dryRun: true, workDir: await mkdtemp(join(dir, 'w')) });
    expect(s.errors).toEqual([]);
    expect(s.rows).toEqual({ people: 2, incomes: 1 });
    expect(s.counts?.households.inserted).toBe(1);
    expect(s.counts?.incomes.inserted).toBe(1);
  });

  it('analyses the registry tables after a large import, so the planner knows their size', async () => {
    const tuples = async () =>
      Object.fromEntries(
        (await sql<{ relname: string; n: number }>`SELECT relname, reltuples::int AS n FROM pg_class WHERE relname IN ('household', 'person')`.execute(deps.store.db)).rows.map((r) => [r.relname, r.n]),
      );
    const small = await run(household('S1', 2, 40));
    expect(small.committed).toBe(true);
    expect((await tuples()).person).not.toBe(await countOf('person')); // under ANALYZE_AFTER_ROWS: not analysed
    const people = Array.from({ length: 400 }, (_, k) => household(`BIG${k}`, 3, 100 + k)).flat();
    const big = await run(people);
    expect(big.errors).toEqual([]);
    expect(await tuples()).toEqual({ household: await countOf('household'), person: await countOf('person') });
  });

  it('reports missing required columns by name', async () => {
    const p = join(dir, 'cols.csv');
    await writeFile(p, '户编号,姓名\nH1,张三\n');
    await expect(importHouseholds(deps, systemActor('t'), { people: { path: p, name: 'cols.csv' }, dryRun: true, workDir: dir })).rejects.toMatchObject({
      code: 'invalid_input',
      details: expect.arrayContaining([expect.objectContaining({ path: 'cols.csv: 村代码 / Village code' }), expect.objectContaining({ path: 'cols.csv: 身份证号 / ID number' })]),
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { makeTestApp, signInAs, type TestSession } from '../../../api/testing.js';
import { makeIdNumber } from '../domain/id-number.js';
import { household, incomeRow, incomesCsv, multipartBody, peopleCsv, peopleRow, seedImportDivisions } from './testing.js';
import { purgeExpiredImportUploads, waitForImportJob } from './use-cases/import-jobs.js';
import type { ImportJobBody } from './contract.js';
import type { RawSession } from '../../../platform/db.js';

let t: Awaited<ReturnType<typeof makeTestApp>>;
let admin: TestSession;
let dataDir: string;

beforeAll(async () => {
  t = await makeTestApp();
  dataDir = await mkdtemp(join(tmpdir(), 'rb-api-imp-'));
  t.deps.config.DATA_DIR = dataDir;
  await seedImportDivisions(t.deps);
  admin = await signInAs(t.app, t.deps, 'county_admin', '520527');
}, 300_000);
afterAll(async () => {
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function upload(session: TestSession, files: { field: string; filename: string; content: Buffer | string }[], dryRun = true) {
  const { payload, headers } = multipartBody(files);
  return session.request({ method: 'POST', url: `/api/imports/households?dryRun=${dryRun}`, payload, headers });
}

async function finished(id: number, session = admin): Promise<ImportJobBody> {
  await waitForImportJob(id);
  const res = await session.request({ method: 'GET', url: `/api/imports/${id}` });
  expect(res.statusCode).toBe(200);
  return res.json() as ImportJobBody;
}

/** Holds every import inside its transaction (on PGlite: the one connection) until `release`; `held` resolves once one is held. */
function holdImports() {
  let release!: () => void;
  let entered!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const held = new Promise<void>((r) => (entered = r));
  const store = t.deps.store;
  const bulk = store.bulk;
  store.bulk = <T>(work: (s: RawSession) => Promise<T>): Promise<T> =>
    bulk.call(store, async (s: RawSession) => {
      entered();
      await gate;
      return work(s);
    }) as Promise<T>;
  return {
    held,
    release,
    restore() {
      release();
      store.bulk = bulk;
    },
  };
}

const noAnswer = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms));

const jobDir = async (id: number) =>
  ((await t.deps.store.db.selectFrom('job').select('params').where('id', '=', id).executeTakeFirstOrThrow()).params as unknown as { dir: string }).dir;

/** Sets the modification times of an upload folder and its files to `hours` before the test clock. */
async function ageDir(dir: string, hours: number) {
  const then = new Date(t.deps.clock.now().getTime() - hours * 3_600_000);
  for (const f of await readdir(dir)) await utimes(join(dir, f), then, then);
  await utimes(dir, then, then);
}

describe('household import API', () => {
  it('serves the XLSX template with both sheets and a CSV template', async () => {
    const x = await admin.request({ method: 'GET', url: '/api/imports/template?format=xlsx' });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['人员', '收入', '代码表']);
    expect(wb.getWorksheet('人员')!.getRow(1).getCell(1).note).toBeTruthy();
    const c = await admin.request({ method: 'GET', url: '/api/imports/template?format=csv&kind=incomes&lang=en' });
    expect(c.statusCode).toBe(200);
    expect(c.body).toContain('Household number,Year,Wage income');
  });

  it('runs a dry run, reports bad rows as a downloadable file, then commits the fixed file', async () => {
    const good = [...household('A1', 2, 1), ...household('A2', 1, 2)];
    const bad = [...good, peopleRow({ household_no: 'A3', id_number: makeIdNumber('520527', '1990-01-01', 3).slice(0, 17) + 'Y', relation: '户主' })];
    const res = await upload(admin, [
      { field: 'file', filename: 'people.csv', content: peopleCsv(bad) },
      { field: 'incomes', filename: 'incomes.csv', content: incomesCsv([incomeRow({ household_no: 'A1', wage: '-1' })]) },
    ]);
    expect(res.statusCode).toBe(202);
    const job = await finished((res.json() as ImportJobBody).id);
    expect(job).toMatchObject({ status: 'succeeded', progress: 1, dryRun: true, errorCount: 2 });
    expect(job.summary?.errors.map((e) => [e.table, e.row, e.column])).toEqual([
      ['人员表', 5, '身份证号'],
      ['收入表', 2, '工资性收入'],
    ]);

    const report = await admin.request({ method: 'GET', url: `/api/imports/${job.id}/errors?format=csv` });
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('身份证号应为 18 位');
    expect(report.body).toContain('金额不能为负数');
    const reportEn = await admin.request({ method: 'GET', url: `/api/imports/${job.id}/errors?format=xlsx&lang=en` });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(reportEn.rawPayload as never);
    expect(wb.worksheets[0].getRow(3).getCell(5).value).toBe('amount must not be negative');

    const refused = await admin.request({ method: 'POST', url: `/api/imports/${job.id}/commit` });
    expect(refused.statusCode).toBe(409);

    const fixed = await upload(admin, [
      { field: 'file', filename: 'people.csv', content: peopleCsv(good) },
      { field: 'incomes', filename: 'incomes.csv', content: incomesCsv([incomeRow({ household_no: 'A1' })]) },
    ]);
    const dry = await finished((fixed.json() as ImportJobBody).id);
    expect(dry).toMatchObject({ status: 'succeeded', errorCount: 0 });
    expect(dry.summary?.counts?.households).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(await t.deps.store.db.selectFrom('household').select('id').execute()).toHaveLength(0);

    const commit = await admin.request({ method: 'POST', url: `/api/imports/${dry.id}/commit` });
    expect(commit.statusCode).toBe(202);
    const done = await finished(dry.id);
    expect(done).toMatchObject({ status: 'succeeded', dryRun: false, summary: { committed: true } });
    expect(await t.deps.store.db.selectFrom('person').select('id').execute()).toHaveLength(3);
    expect(await readdir(join(dataDir, 'uploads'))).toEqual([]); // the fixed upload superseded the failed one; the commit deleted its own
    const gone = await admin.request({ method: 'GET', url: `/api/imports/${job.id}/errors?format=csv` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.message).toContain('已删除');

    const exp = await admin.request({ method: 'GET', url: '/api/exports/households?division=520527&format=csv' });
    expect(exp.statusCode).toBe(200);
    expect(exp.body.split('\n').filter(Boolean)).toHaveLength(4);
    expect(exp.body).toContain(good[0].id_number);
  });

  it('answers progress polls from memory while the import holds the database connection', async () => {
    const { held, release, restore } = holdImports();
    try {
      const res = await upload(admin, [{ field: 'file', filename: 'people.csv', content: peopleCsv(household('P1', 2, 31)) }]);
      expect(res.statusCode).toBe(202);
      const { id } = res.json() as ImportJobBody;
      await held;
      for (let i = 0; i < 3; i++) {
        const poll = await Promise.race([admin.request({ method: 'GET', url: `/api/imports/${id}` }), noAnswer(5_000)]);
        expect(poll.statusCode).toBe(200);
        expect(poll.json()).toMatchObject({ id, status: 'running', phase: 'reading', dryRun: true, summary: null });
        expect(poll.json().progress).toBeLessThan(1);
      }
      const anonymous = await Promise.race([t.app.inject({ method: 'GET', url: `/api/imports/${id}` }), noAnswer(5_000)]);
      expect(anonymous.statusCode).toBe(401);
      release();
      const done = await finished(id);
      expect(done).toMatchObject({ status: 'succeeded', progress: 1, phase: null, errorCount: 0 });
      expect(done.summary?.counts?.persons.inserted).toBe(2);
    } finally {
      restore();
    }
  });

  it('deletes the uploads of a dry run superseded by a later upload of the same user, and refuses to commit it', async () => {
    const first = await upload(admin, [{ field: 'file', filename: 'a.csv', content: peopleCsv(household('S1', 1, 41)) }]);
    const a = await finished((first.json() as ImportJobBody).id);
    expect(a).toMatchObject({ status: 'succeeded', errorCount: 0 });
    const other = await signInAs(t.app, t.deps, 'county_admin', '520527', 'second_admin');
    const theirs = await finished(((await upload(other, [{ field: 'file', filename: 'c.csv', content: peopleCsv(household('S3', 1, 43)) }])).json() as ImportJobBody).id);
    expect(await readdir(join(dataDir, 'uploads'))).toHaveLength(2); // another user's upload supersedes nothing of ours
    const second = await upload(admin, [{ field: 'file', filename: 'b.csv', content: peopleCsv(household('S2', 1, 42)) }]);
    const b = await finished((second.json() as ImportJobBody).id);
    expect(await readdir(join(dataDir, 'uploads'))).toHaveLength(2); // ours: only the newest; theirs kept
    const refused = await admin.request({ method: 'POST', url: `/api/imports/${a.id}/commit` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('已删除');
    const commit = await admin.request({ method: 'POST', url: `/api/imports/${b.id}/commit` });
    expect(commit.statusCode).toBe(202);
    expect(await finished(b.id)).toMatchObject({ status: 'succeeded', summary: { committed: true } });
    const left = await readdir(join(dataDir, 'uploads'));
    expect(left).toHaveLength(1);
    expect(join(dataDir, 'uploads', left[0])).toBe(await jobDir(theirs.id));
  });

  it('purges uploads older than IMPORT_UPLOAD_TTL_HOURS, but never that of a running job', async () => {
    const uploads = join(dataDir, 'uploads');
    const stale = await finished(((await upload(admin, [{ field: 'file', filename: 'old.csv', content: peopleCsv(household('E1', 1, 51)) }])).json() as ImportJobBody).id);
    const staleDir = await jobDir(stale.id);
    await ageDir(staleDir, 25);
    const other = await signInAs(t.app, t.deps, 'county_admin', '520527', 'second_admin');
    const { held, release, restore } = holdImports();
    try {
      const before = new Set(await readdir(uploads));
      const live = (await upload(other, [{ field: 'file', filename: 'live.csv', content: peopleCsv(household('E2', 1, 52)) }])).json() as ImportJobBody;
      const liveDir = join(uploads, (await readdir(uploads)).find((d) => !before.has(d))!);
      await held;
      await ageDir(liveDir, 48);
      expect(t.deps.config.IMPORT_UPLOAD_TTL_HOURS).toBe(24);
      expect(await purgeExpiredImportUploads(t.deps)).toBe(1); // the stale dry run; the running job's upload stays
      expect((await readdir(uploads)).map((d) => join(uploads, d))).toEqual([liveDir]);
      release();
      expect(await finished(live.id)).toMatchObject({ status: 'succeeded', errorCount: 0 });
      await ageDir(liveDir, 23);
      expect(await purgeExpiredImportUploads(t.deps)).toBe(0);
      await ageDir(liveDir, 25);
      expect(await purgeExpiredImportUploads(t.deps)).toBe(1);
      expect(await readdir(uploads)).toEqual([]);
    } finally {
      restore();
    }
  });

  it('answers 413 with a JSON error for an upload over MAX_UPLOAD_MB', async () => {
    const res = await upload(admin, [{ field: 'file', filename: 'big.csv', content: Buffer.alloc(6 * 1024 * 1024, 0x41) }]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('rejects a file that is not CSV or XLSX, and an empty file, with a precise message', async () => {
    const png = await upload(admin, [{ field: 'file', filename: 'photo.csv', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) }]);
    expect(png.statusCode).toBe(422);
    expect(png.json().error.details[0].message).toContain('不是 CSV 或 XLSX 文件：photo.csv');
    const empty = await upload(admin, [{ field: 'file', filename: 'empty.csv', content: '' }]);
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.details[0].message).toContain('文件为空');
  });

  it('forbids import to other roles and export to analysts or outside the scope', async () => {
    const officer = await signInAs(t.app, t.deps, 'township_officer', '520527100');
    const res = await upload(officer, [{ field: 'file', filename: 'p.csv', content: peopleCsv([peopleRow()]) }]);
    expect(res.statusCode).toBe(403);
    const analyst = await signInAs(t.app, t.deps, 'analyst', '520527');
    expect((await analyst.request({ method: 'GET', url: '/api/exports/households?division=520527&format=csv' })).statusCode).toBe(403);
    expect((await admin.request({ method: 'GET', url: '/api/exports/households?division=520526&format=xlsx' })).statusCode).toBe(403);
    const masked = await officer.request({ method: 'GET', url: '/api/exports/households?division=520527100&format=csv' });
    expect(masked.statusCode).toBe(200);
  });
});

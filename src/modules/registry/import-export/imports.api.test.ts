import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { makeTestApp, signInAs, type TestSession } from '../../../api/testing.js';
import { makeIdNumber } from '../domain/id-number.js';
import { household, incomeRow, incomesCsv, multipartBody, peopleCsv, peopleRow, seedImportDivisions } from './testing.js';
import { waitForImportJob } from './use-cases/import-jobs.js';
import type { ImportJobBody } from './contract.js';

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
    const left = await readdir(join(dataDir, 'uploads'));
    expect(left).toHaveLength(1); // the failed dry run keeps its upload for the report; the committed one is gone

    const exp = await admin.request({ method: 'GET', url: '/api/exports/households?division=520527&format=csv' });
    expect(exp.statusCode).toBe(200);
    expect(exp.body.split('\n').filter(Boolean)).toHaveLength(4);
    expect(exp.body).toContain(good[0].id_number);
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

/** Builders for import/export tests: valid rows, whole files in CSV or XLSX, generated in code. */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../domain/id-number.js';
import { INCOME_COLUMNS, PEOPLE_COLUMNS } from './domain/columns.js';
import type { Deps } from '../../../platform/deps.js';

export const TEST_VILLAGE = '520527100201';
export const TEST_VILLAGE_2 = '520527100202';

export type PeopleRow = Record<string, string>;

/** A valid people row (Chinese labels); override any column by key. */
export function peopleRow(overrides: Partial<PeopleRow> = {}): PeopleRow {
  return {
    household_no: 'H0001',
    village_code: TEST_VILLAGE,
    household_type: '脱贫户',
    is_relocated: '否',
    address: '某村3组',
    phone: '13800000000',
    name: '张三',
    id_number: makeIdNumber('520527', '1980-01-01', 11),
    relation: '户主',
    ethnicity: '彝族',
    education: '初中',
    student_status: '非在校生',
    health_status: '健康',
    labor_skill: '普通劳动力',
    migrant_months: '6',
    migrant_place: '浙江宁波',
    has_medical_insurance: '是',
    has_pension_insurance: '是',
    is_dibao: '否',
    is_tekun: '否',
    public_welfare_job: '否',
    ...overrides,
  };
}

export function incomeRow(overrides: Partial<Record<string, string>> = {}): Record<string, string> {
  return { household_no: 'H0001', year: '2024', wage: '32000', operating: '8500.5', property: '600', transfer: '4200', production_cost: '3000', out_of_pocket_medical: '1200', ...overrides };
}

/** A household of `size` valid members (the first is the head). */
export function household(no: string, size: number, seed: number, overrides: Partial<PeopleRow> = {}): PeopleRow[] {
  const rows: PeopleRow[] = [];
  for (let i = 0; i < size; i++) {
    rows.push(
      peopleRow({
        household_no: no,
        name: `成员${seed}-${i}`,
        id_number: makeIdNumber('520527', `19${60 + i * 5}-0${1 + (seed % 9)}-1${seed % 10}`, (seed * 7 + i) % 1000),
        relation: i === 0 ? '户主' : i === 1 ? '配偶' : '子女',
        ...overrides,
      }),
    );
  }
  return rows;
}

export function peopleCsv(rows: PeopleRow[], headers: 'zh' | 'en' = 'zh'): string {
  return stringify([PEOPLE_COLUMNS.map((c) => (headers === 'zh' ? c.zh : c.en)), ...rows.map((r) => PEOPLE_COLUMNS.map((c) => r[c.key] ?? ''))]);
}

export function incomesCsv(rows: Record<string, string>[], headers: 'zh' | 'en' = 'zh'): string {
  return stringify([INCOME_COLUMNS.map((c) => (headers === 'zh' ? c.zh : c.en)), ...rows.map((r) => INCOME_COLUMNS.map((c) => r[c.key] ?? ''))]);
}

export async function workbook(people: PeopleRow[], incomes: Record<string, string>[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const p = wb.addWorksheet('人员');
  p.addRow(PEOPLE_COLUMNS.map((c) => c.zh));
  for (const r of people) p.addRow(PEOPLE_COLUMNS.map((c) => r[c.key] ?? ''));
  const i = wb.addWorksheet('收入');
  i.addRow(INCOME_COLUMNS.map((c) => c.zh));
  for (const r of incomes) i.addRow(INCOME_COLUMNS.map((c) => r[c.key] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Province 52 → Bijie → Hezhang with two villages, and a village of the neighbouring county (outside a Hezhang scope). */
export async function seedImportDivisions(d: Deps): Promise<void> {
  const rows = [
    ['520000000000', '52', '贵州省', 1, null],
    ['520500000000', '5205', '毕节市', 2, '520000000000'],
    ['520527000000', '520527', '赫章县', 3, '520500000000'],
    ['520527100000', '520527100', '白果街道', 4, '520527000000'],
    [TEST_VILLAGE, TEST_VILLAGE, '一村', 5, '520527100000'],
    [TEST_VILLAGE_2, TEST_VILLAGE_2, '二村', 5, '520527100000'],
    ['520526000000', '520526', '威宁县', 3, '520500000000'],
    ['520526100000', '520526100', '某镇', 4, '520526000000'],
    ['520526100201', '520526100201', '外村', 5, '520526100000'],
  ] as const;
  for (const [code, prefix, name, level, parent] of rows) {
    await d.store.db.insertInto('division').values({ code, prefix, name, level, parent_code: parent, flags: '{}' }).onConflict((oc) => oc.doNothing()).execute();
  }
}

/** A multipart/form-data body for app.inject. */
export function multipartBody(files: { field: string; filename: string; content: Buffer | string }[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----rbtest${Math.random().toString(16).slice(2)}`;
  const parts = files.map((f) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
      Buffer.from('\r\n'),
    ]),
  );
  return { payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

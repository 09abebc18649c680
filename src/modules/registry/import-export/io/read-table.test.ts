import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { detectEncoding, readRows, sniffFile } from './read-table.js';
import { peopleCsv, peopleRow, workbook } from '../testing.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rb-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rowsOf(path: string, kind: 'csv' | 'xlsx') {
  const out = [];
  let encoding: string | null = null;
  const r = readRows({ path, displayName: 'f', kind, table: kind === 'csv' ? 'people' : undefined, onEncoding: (e) => (encoding = e) });
  for await (const row of r.rows) out.push(row);
  return { rows: out, encoding, sha256: r.sha256() };
}

describe('detectEncoding', () => {
  it('takes valid UTF-8 as UTF-8 and GBK bytes as GB18030', () => {
    expect(detectEncoding(Buffer.from('户编号,姓名\n', 'utf8'))).toBe('utf8');
    expect(detectEncoding(iconv.encode('户编号,姓名\n张三', 'gbk'))).toBe('gb18030');
  });
});

describe('readRows', () => {
  it('reads a GBK-encoded CSV as Excel in China writes it', async () => {
    const path = join(dir, 'gbk.csv');
    await writeFile(path, iconv.encode(peopleCsv([peopleRow({ name: '龙华英', address: '赫章县妈姑镇' })]).replace(/\n/g, '\r\n'), 'gbk'));
    const { rows, encoding } = await rowsOf(path, 'csv');
    expect(encoding).toBe('gb18030');
    expect(rows[0].cells[0]).toBe('户编号');
    expect(rows[1].cells).toContain('龙华英');
    expect(rows[1].cells).toContain('赫章县妈姑镇');
    expect(rows[1].row).toBe(2);
  });

  it('reads UTF-8 with a BOM and strips the BOM from the first header', async () => {
    const path = join(dir, 'bom.csv');
    await writeFile(path, '\uFEFF' + peopleCsv([peopleRow()]));
    const { rows, encoding, sha256 } = await rowsOf(path, 'csv');
    expect(encoding).toBe('utf8');
    expect(rows[0].cells[0]).toBe('户编号');
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads both sheets of an XLSX workbook by name', async () => {
    const path = join(dir, 'book.xlsx');
    await writeFile(path, await workbook([peopleRow()], [{ household_no: 'H0001', year: '2024', wage: '100' }]));
    const { rows } = await rowsOf(path, 'xlsx');
    expect(rows.map((r) => [r.table, r.row])).toEqual([
      ['people', 1],
      ['people', 2],
      ['incomes', 1],
      ['incomes', 2],
    ]);
    expect(rows[1].cells[6]).toBe('张三');
  });

  it('turns unclosed quotes into a file error naming the line', async () => {
    const path = join(dir, 'bad.csv');
    await writeFile(path, '户编号,姓名\nH1,"张三\n');
    await expect(rowsOf(path, 'csv')).rejects.toMatchObject({ code: 'invalid_input', details: [expect.objectContaining({ code: 'import.file.csv_malformed' })] });
  });
});

describe('sniffFile', () => {
  it('tells CSV from XLSX by content and rejects empty, binary and legacy .xls files', async () => {
    const csv = join(dir, 'x.xlsx');
    await writeFile(csv, 'a,b\n1,2\n');
    expect(await sniffFile(csv)).toBe('csv');
    const empty = join(dir, 'empty.csv');
    await writeFile(empty, '');
    await expect(sniffFile(empty)).rejects.toMatchObject({ details: [expect.objectContaining({ code: 'import.file.empty' })] });
    const png = join(dir, 'pic.csv');
    await writeFile(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    await expect(sniffFile(png)).rejects.toMatchObject({ details: [expect.objectContaining({ code: 'import.file.not_table' })] });
    const xls = join(dir, 'old.xls');
    await writeFile(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await expect(sniffFile(xls)).rejects.toMatchObject({ details: [expect.objectContaining({ code: 'import.file.xls' })] });
  });
});

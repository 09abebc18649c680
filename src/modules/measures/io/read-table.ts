/**
 * A small columnar reader for analyst files: CSV (UTF-8, or GBK/GB18030 as Excel writes it in China)
 * or XLSX (first sheet), streamed row by row into Float64Arrays (numeric columns) and string arrays
 * (labels). Only the columns a spec names are kept. Rows are numbered as in a spreadsheet: the header
 * is row 1, the first data row is row 2.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { invalidInput } from '../../../platform/errors.js';

export interface TableRequest {
  numeric: readonly string[];
  text: readonly string[];
}

export interface ColumnTable {
  /** Number of data rows. */
  rowCount: number;
  headers: string[];
  numeric: Record<string, Float64Array>;
  text: Record<string, string[]>;
  /** Spreadsheet row number of each data row (header = 1). */
  rowNumbers: Int32Array;
  encoding: 'utf-8' | 'gb18030' | 'xlsx';
}

class Float64Builder {
  data = new Float64Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  finish(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

class Int32Builder {
  data = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  finish(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Reads the columns `request` names from a CSV or XLSX file. */
export async function readTable(path: string, request: TableRequest): Promise<ColumnTable> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error('not a file');
  } catch {
    throw invalidInput(`cannot read input file ${path}`, [{ path: 'input', message: 'the file does not exist or cannot be read', value: path }]);
  }
  const isXlsx = ['.xlsx', '.xlsm'].includes(extname(path).toLowerCase());
  const collector = new Collector(request);
  if (isXlsx) {
    await readXlsx(path, collector);
    return collector.finish('xlsx');
  }
  const encoding = await detectEncoding(path);
  await readCsv(path, encoding, collector);
  return collector.finish(encoding);
}

/** UTF-8 unless the first 64 KiB are not valid UTF-8, then GB18030 (a superset of GBK). */
async function detectEncoding(path: string): Promise<'utf-8' | 'gb18030'> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, bytesRead), { stream: true });
      return 'utf-8';
    } catch {
      return 'gb18030';
    }
  } finally {
    await handle.close();
  }
}

async function readCsv(path: string, encoding: 'utf-8' | 'gb18030', collector: Collector): Promise<void> {
  const parser = createReadStream(path)
    .pipe(iconv.decodeStream(encoding))
    .pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true }));
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      collector.row(record.record, record.info.lines);
    }
  } catch (e) {
    if (e instanceof Error && e.name === 'AppError') throw e;
    const err = e as { code?: unknown; message?: string };
    if (err && typeof err === 'object' && String(err.code).startsWith('CSV_')) {
      throw invalidInput(`the CSV file is malformed: ${err.message}`, [{ path: 'input', message: String(err.message) }]);
    }
    throw e;
  }
}

async function readXlsx(path: string, collector: Collector): Promise<void> {
  let reader: ExcelJS.stream.xlsx.WorkbookReader;
  try {
    reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'ignore', entries: 'emit' });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        collector.row(cells, row.number);
      }
      break; // first sheet only
    }
  } catch (e) {
    if (e instanceof Error && e.name === 'AppError') throw e;
    throw invalidInput(`cannot read the XLSX file: ${e instanceof Error ? e.message : String(e)}`, [{ path: 'input', message: 'not a readable XLSX workbook' }]);
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { result?: unknown; richText?: { text: string }[]; text?: string; error?: string };
    if ('result' in o) return cellText(o.result);
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
    if (o.error) return String(o.error);
  }
  return String(v);
}

class Collector {
  private headers: string[] | null = null;
  private numericAt: { name: string; index: number; out: Float64Builder }[] = [];
  private textAt: { name: string; index: number; out: string[] }[] = [];
  private rows = new Int32Builder();
  constructor(private readonly request: TableRequest) {}

  row(cells: string[], rowNumber: number): void {
    if (!this.headers) {
      if (cells.every((c) => c.trim() === '')) return;
      this.setHeaders(cells.map((c) => c.trim()));
      return;
    }
    if (cells.every((c) => c.trim() === '')) return;
    for (const col of this.numericAt) {
      const raw = (cells[col.index] ?? '').trim();
      if (raw === '') {
        throw invalidInput(`missing value at row ${rowNumber}, column "${col.name}"`, [
          { path: `row ${rowNumber}, column "${col.name}"`, message: 'missing value', code: 'measures.missing_value', params: { row: rowNumber, column: col.name } },
        ]);
      }
      const x = Number(raw);
      if (!Number.isFinite(x) || /^0x/i.test(raw)) {
        throw invalidInput(`non-numeric value "${raw}" at row ${rowNumber}, column "${col.name}"`, [
          { path: `row ${rowNumber}, column "${col.name}"`, message: 'not a number', code: 'measures.non_numeric', params: { row: rowNumber, column: col.name }, value: raw },
        ]);
      }
      col.out.push(x);
    }
    for (const col of this.textAt) {
      const raw = (cells[col.index] ?? '').trim();
      if (raw === '') {
        throw invalidInput(`missing value at row ${rowNumber}, column "${col.name}"`, [
          { path: `row ${rowNumber}, column "${col.name}"`, message: 'missing value', code: 'measures.missing_value', params: { row: rowNumber, column: col.name } },
        ]);
      }
      col.out.push(raw);
    }
    this.rows.push(rowNumber);
  }

  private setHeaders(headers: string[]): void {
    this.headers = headers;
    const find = (name: string): number => {
      const at = headers.indexOf(name);
      if (at < 0) {
        throw invalidInput(`the spec names column "${name}", which the file does not have (columns: ${headers.filter(Boolean).join(', ')})`, [
          { path: `column "${name}"`, message: 'unknown column', code: 'measures.unknown_column', params: { column: name } },
        ]);
      }
      if (headers.indexOf(name, at + 1) >= 0) {
        throw invalidInput(`the file has two columns named "${name}"`, [{ path: `column "${name}"`, message: 'duplicate column name' }]);
      }
      return at;
    };
    this.numericAt = [...new Set(this.request.numeric)].map((name) => ({ name, index: find(name), out: new Float64Builder() }));
    this.textAt = [...new Set(this.request.text)].map((name) => ({ name, index: find(name), out: [] }));
  }

  finish(encoding: ColumnTable['encoding']): ColumnTable {
    if (!this.headers) throw invalidInput('the input file is empty (no header row)', [{ path: 'input', message: 'empty input', code: 'measures.empty_input' }]);
    const rowCount = this.rows.length;
    if (rowCount === 0) throw invalidInput('the input file has a header but no data rows', [{ path: 'input', message: 'empty input', code: 'measures.empty_input' }]);
    const numeric: Record<string, Float64Array> = {};
    for (const c of this.numericAt) numeric[c.name] = c.out.finish();
    const text: Record<string, string[]> = {};
    for (const c of this.textAt) text[c.name] = c.out;
    return { rowCount, headers: this.headers, numeric, text, rowNumbers: this.rows.finish(), encoding };
  }
}

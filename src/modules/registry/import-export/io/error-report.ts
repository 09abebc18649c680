/**
 * Row errors of one import: appended to an NDJSON file as they are found (bounded memory however
 * many rows are bad), and turned into a CSV or XLSX report in the reader's language on demand.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { translate, type Lang } from '../../../../platform/messages.js';
import { columnsOf, headerLabel, type TableKind } from '../domain/columns.js';
import type { RowIssue } from '../domain/validate-row.js';

export interface ImportError {
  table: TableKind;
  row: number;
  column: string;
  value: string;
  code: string;
  params?: Record<string, unknown>;
}

/** How many errors are kept in memory for the summary / CLI printout. */
const SAMPLE_SIZE = 50;

export class ErrorSink {
  count = 0;
  readonly sample: ImportError[] = [];
  private readonly out: WriteStream;

  constructor(readonly path: string) {
    this.out = createWriteStream(path);
  }

  async add(table: TableKind, row: number, issue: RowIssue): Promise<void> {
    const e: ImportError = { table, row, column: issue.column, value: issue.value, code: issue.code, params: issue.params };
    this.count++;
    if (this.sample.length < SAMPLE_SIZE) this.sample.push(e);
    if (!this.out.write(JSON.stringify(e) + '\n')) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'close');
  }
}

export async function* readErrors(path: string): AsyncGenerator<ImportError> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as ImportError;
}

export function describeError(e: ImportError, lang: Lang): { table: string; row: number; column: string; value: string; reason: string } {
  const spec = columnsOf(e.table).find((c) => c.key === e.column);
  return {
    table: translate(lang, `import.table.${e.table}`),
    row: e.row,
    column: spec ? headerLabel(spec, lang) : e.column,
    value: e.value,
    reason: translate(lang, e.code, e.params ?? {}),
  };
}

const reportHeader = (lang: Lang) => ['table', 'row', 'column', 'value', 'reason'].map((k) => translate(lang, `import.report.${k}`));

/** CSV report (UTF-8 with BOM so Excel opens it correctly). */
export async function writeErrorReportCsv(errorsPath: string, out: Writable, lang: Lang): Promise<void> {
  const csv = stringify({ bom: true });
  const done = new Promise<void>((resolve, reject) => {
    csv.on('error', reject);
    out.on('error', reject);
    out.on('finish', resolve);
  });
  csv.pipe(out);
  const write = async (row: unknown[]) => {
    if (!csv.write(row)) await once(csv, 'drain');
  };
  await write(reportHeader(lang));
  for await (const e of readErrors(errorsPath)) {
    const d = describeError(e, lang);
    await write([d.table, d.row, d.column, d.value, d.reason]);
  }
  csv.end();
  await done;
}

const XLSX_MAX_ROWS = 1_048_000;

/** XLSX report, streamed. */
export async function writeErrorReportXlsx(errorsPath: string, out: Writable, lang: Lang): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet(lang === 'en' ? 'Errors' : '错误');
  ws.addRow(reportHeader(lang)).commit();
  let written = 0;
  let skipped = 0;
  for await (const e of readErrors(errorsPath)) {
    if (written >= XLSX_MAX_ROWS) {
      skipped++;
      continue;
    }
    const d = describeError(e, lang);
    ws.addRow([d.table, d.row, d.column, d.value, d.reason]).commit();
    written++;
  }
  if (skipped) ws.addRow([translate(lang, 'import.report.truncated', { count: skipped })]).commit();
  ws.commit();
  await wb.commit();
}

/** Writes the CSV report to a file path. */
export async function writeErrorReportFile(errorsPath: string, reportPath: string, lang: Lang, format: 'csv' | 'xlsx' = 'csv'): Promise<void> {
  const out = createWriteStream(reportPath);
  if (format === 'xlsx') {
    await writeErrorReportXlsx(errorsPath, out, lang);
    if (!out.writableFinished) await once(out, 'finish');
  } else await writeErrorReportCsv(errorsPath, out, lang);
}

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';

/**
 * Reads an uploaded table: XLSX (first sheet) or CSV in UTF-8 (with or without BOM) or GBK/GB18030
 * as Excel writes it in China. Header cells and data rows as text, each with its row number as the
 * spreadsheet shows it (blank rows are skipped), or null when the bytes are neither. For small files
 * (department warnings, indicator values), read whole; the household import streams instead.
 */
export interface Table {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

export async function readTable(bytes: Buffer): Promise<Table | null> {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return readXlsx(bytes);
  if (bytes.includes(0)) return null; // binary, not text
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(bytes, 'gb18030');
  }
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as never;
  } catch {
    return null;
  }
  if (records.length === 0) return { header: [], rows: [] };
  return { header: records[0].record.map((h) => h.trim()), rows: records.slice(1).map((r) => ({ row: r.info.lines, cells: r.record })) };
}

async function readXlsx(bytes: Buffer): Promise<Table | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return { header: [], rows: [] };
  const out: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((c) => c !== '')) out.push({ row: rowNumber, cells });
  });
  if (out.length === 0) return { header: [], rows: [] };
  return { header: out[0].cells.map((h) => h.trim()), rows: out.slice(1) };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    return '';
  }
  return String(v).trim();
}

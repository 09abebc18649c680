import { saveBlob } from './api';

/** One sheet of an exported workbook: a header row and the table's rows. */
export interface Sheet {
  name: string;
  header: string[];
  rows: Array<Array<string | number | null>>;
}

/** Saves the tables of a page as one workbook, a sheet each. exceljs is loaded only when exporting. */
export async function saveWorkbook(fileName: string, sheets: Sheet[]): Promise<void> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof import('exceljs') } & typeof import('exceljs');
  const ExcelJS = mod.default ?? mod;
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    ws.addRow(s.header).font = { bold: true };
    for (const r of s.rows) ws.addRow(r.map((v) => (v === null ? '' : v)));
    ws.columns.forEach((c, i) => {
      c.width = Math.min(40, Math.max(10, ...[s.header[i] ?? '', ...s.rows.map((r) => String(r[i] ?? ''))].map((v) => v.length * 1.6)));
    });
  }
  const buffer = await wb.xlsx.writeBuffer();
  saveBlob(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), fileName);
}

/** One workbook with one sheet per table of the revitalisation page. exceljs is loaded only when exporting. */
export interface RevitalisationSheet {
  name: string;
  header: string[];
  rows: Array<Array<string | number | null>>;
}

export async function saveRevitalisationWorkbook(fileName: string, sheets: RevitalisationSheet[]): Promise<void> {
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
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

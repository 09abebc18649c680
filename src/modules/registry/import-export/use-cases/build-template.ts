/**
 * The downloadable import templates (zh-CN or en): an XLSX workbook with the people and incomes
 * sheets (header notes explain each column, example rows show a valid household) and a sheet of
 * allowed values; or one CSV per table with the same header and example rows.
 */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../../domain/id-number.js';
import { columnsOf, headerLabel, INCOME_COLUMNS, PEOPLE_COLUMNS, SHEET_NAMES, type TableKind } from '../domain/columns.js';
import type { FileLang } from '../domain/cell-values.js';

function exampleRows(kind: TableKind, lang: FileLang): string[][] {
  const en = lang === 'en';
  if (kind === 'incomes') return [INCOME_COLUMNS.map((c) => (en ? c.exampleEn : c.exampleZh))];
  const head = PEOPLE_COLUMNS.map((c) => (en ? c.exampleEn : c.exampleZh));
  const spouse = PEOPLE_COLUMNS.map((c) => {
    switch (c.key) {
      case 'name':
        return '李四';
      case 'id_number':
        return makeIdNumber('520527', '1982-03-15', 22);
      case 'relation':
        return en ? 'spouse' : '配偶';
      case 'migrant_months':
        return '0';
      case 'migrant_place':
        return '';
      default:
        return en ? c.exampleEn : c.exampleZh;
    }
  });
  return [head, spouse];
}

export function buildTemplateCsv(kind: TableKind, lang: FileLang): Buffer {
  const columns = columnsOf(kind);
  const text = stringify([columns.map((c) => headerLabel(c, lang)), ...exampleRows(kind, lang)]);
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

export async function buildTemplateXlsx(lang: FileLang): Promise<Buffer> {
  const en = lang === 'en';
  const wb = new ExcelJS.Workbook();
  for (const kind of ['people', 'incomes'] as const) {
    const ws = wb.addWorksheet(en ? SHEET_NAMES[kind].en : SHEET_NAMES[kind].zh);
    const columns = columnsOf(kind);
    ws.columns = columns.map((c) => ({ header: headerLabel(c, lang), key: c.key, width: Math.max(12, headerLabel(c, lang).length * (en ? 1.2 : 2.4)), style: { numFmt: '@' } }));
    const header = ws.getRow(1);
    columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.note = en ? c.noteEn : c.noteZh;
      cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
    });
    for (const row of exampleRows(kind, lang)) ws.addRow(row);
  }
  const codes = wb.addWorksheet(en ? 'Codes' : '代码表');
  codes.addRow(en ? ['Column', 'Code', 'Chinese', 'English'] : ['列', '代码', '中文', '英文']);
  for (const c of PEOPLE_COLUMNS) {
    if (!c.values) continue;
    for (const [code, label] of Object.entries(c.values)) codes.addRow([headerLabel(c, lang), code, label.zh, label.en]);
  }
  codes.addRow([]);
  codes.addRow([en ? 'Delete the example rows before importing. Yes/no columns accept 是/否 or yes/no.' : '导入前请删除示例行。是/否列可填 是/否 或 yes/no。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Lang } from '../../../../platform/messages.js';
import type { IndicatorSystem } from '../contract.js';
import { VALUE_COLUMNS } from '../domain/import-columns.js';

function exampleRows(system: IndicatorSystem, lang: Lang): string[][] {
  const inputs = system.pillars.flatMap((p) => p.indicators.filter((i) => i.source === 'input'));
  const village = `${system.countyCode}101201`;
  const name = lang === 'en' ? 'Example village' : '示例村';
  return inputs.slice(0, 3).map((i, k) => [village, '2024', i.code, i.unit === '0/1' ? '1' : i.unit === '%' ? String(60 + k) : '12.5', name]);
}

/** The value file template as CSV (UTF-8 with BOM, so Excel opens it): header and example rows. */
export function buildIndicatorTemplateCsv(system: IndicatorSystem, lang: Lang): Buffer {
  const header = VALUE_COLUMNS.map((c) => (lang === 'en' ? c.en : c.zh));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(stringify([header, ...exampleRows(system, lang)]), 'utf8')]);
}

/** The XLSX template: the values sheet (header notes) and a sheet listing the county's importable indicators. */
export async function buildIndicatorTemplateXlsx(system: IndicatorSystem, lang: Lang): Promise<Buffer> {
  const en = lang === 'en';
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(en ? 'Values' : '指标数据');
  ws.columns = VALUE_COLUMNS.map((c) => ({ header: en ? c.en : c.zh, key: c.key, width: 18, style: { numFmt: '@' } }));
  VALUE_COLUMNS.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    cell.note = en ? c.noteEn : c.noteZh;
    cell.font = { bold: true, color: c.required ? { argb: 'FFC00000' } : undefined };
  });
  for (const r of exampleRows(system, lang)) ws.addRow(r);
  const list = wb.addWorksheet(en ? 'Indicators' : '指标');
  list.columns = [
    { header: en ? 'Pillar' : '维度', width: 16 },
    { header: en ? 'Indicator code' : '指标代码', width: 36 },
    { header: en ? 'Name' : '名称', width: 40 },
    { header: en ? 'Unit' : '单位', width: 10 },
    { header: en ? 'Direction' : '方向', width: 10 },
  ];
  list.getRow(1).font = { bold: true };
  for (const p of system.pillars) {
    for (const i of p.indicators) {
      if (i.source !== 'input') continue;
      list.addRow([en ? p.nameEn : p.nameZh, i.code, en ? i.nameEn : i.nameZh, i.unit, i.direction]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

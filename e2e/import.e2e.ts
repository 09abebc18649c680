import { mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { makeIdNumber } from '../src/modules/registry/domain/id-number.js';
import { screenshot } from './browser.js';
import { launchBrowser, openSession, signIn, world } from './journey.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const HEADER = ['户编号', '村代码', '户类型', '是否易地搬迁', '地址', '姓名', '身份证号', '与户主关系', '民族', '健康状况', '劳动技能', '务工月数'];

/** Two households of village A; `broken` puts a wrong ID checksum in one row and an unknown village in the other household. */
function peopleCsv(village: string, broken: boolean): string {
  const head1 = makeIdNumber('520527', '1968-04-12', 531);
  const spouse1 = makeIdNumber('520527', '1970-09-03', 542);
  const head2 = makeIdNumber('520527', '1982-01-25', 613);
  const badChecksum = spouse1.slice(0, 17) + (spouse1[17] === '0' ? '1' : '0');
  const rows = [
    ['IMPE2E0001', village, '脱贫户', '否', '导入测试一组', '禄文举', head1, '户主', '彝族', '健康', '普通劳动力', '8'],
    ['IMPE2E0001', village, '脱贫户', '否', '导入测试一组', '安春花', broken ? badChecksum : spouse1, '配偶', '彝族', '长期慢性病', '弱劳动力或半劳动力', '0'],
    ['IMPE2E0002', broken ? '520527999999' : village, '一般农户', '是', '导入测试二组', '龙德清', head2, '户主', '苗族', '健康', '技能劳动力', '10'],
  ];
  return [HEADER, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n';
}

async function upload(page: Page, csv: string, name: string) {
  await page.getByTestId('upload-people').locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByTestId('import-check').click();
  // The report of this file (its name is in the title), not the previous file's report.
  await page.getByTestId('import-report').filter({ hasText: name }).waitFor({ timeout: 120_000 });
}

describe('import wizard', () => {
  it('reports the bad rows of a file, offers the report as Excel, and imports the fixed file', async () => {
    const { page, context, errors } = await openSession(browser);
    const village = world().villageA.code;
    await signIn(page, world().accounts.admin);
    await page.getByTestId('side-menu').getByText('数据导入').click();
    await page.getByTestId('import-wizard').waitFor();

    await upload(page, peopleCsv(village, true), '农户导入-有错.csv');
    const errorTable = page.getByTestId('import-errors');
    await errorTable.waitFor();
    expect(Number(await page.getByTestId('import-error-count').textContent())).toBeGreaterThanOrEqual(2);
    const tableText = await errorTable.innerText();
    expect(tableText).toContain('身份证号');
    expect(tableText).toContain('520527999999');
    await screenshot(page, '40-import-errors');

    mkdirSync('test-results/downloads', { recursive: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('error-report-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = 'test-results/downloads/' + download.suggestedFilename();
    await download.saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
    expect(cells.join(' ')).toContain('520527999999');

    // Nothing was written by the failed check.
    const before = await context.request.get(`${world().url}/api/households?householdNo=IMPE2E0001`);
    expect(((await before.json()) as { total: number }).total).toBe(0);

    await upload(page, peopleCsv(village, false), '农户导入-已修正.csv');
    expect(Number(await page.getByTestId('import-error-count').textContent())).toBe(0);
    await screenshot(page, '41-import-clean');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('import-counts').innerText()).toMatch(/新增 2/);
    await screenshot(page, '42-import-done');

    await page.goto(`${world().url}/households?householdNo=IMPE2E0002`);
    await page.locator('[data-testid="household-table"] tbody tr', { hasText: '龙德清' }).waitFor();
    expect(errors.filter((e) => !/4\d\d/.test(e))).toEqual([]);
    await context.close();
  });
});

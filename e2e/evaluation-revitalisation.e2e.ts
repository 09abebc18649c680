import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshot } from './browser.js';
import { launchBrowser, openSession, signIn, world } from './journey.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const GRADES = ['极度失调', '严重失调', '中度失调', '轻度失调', '濒临失调', '勉强协调', '初级协调', '中级协调', '良好协调', '优质协调'];

describe('revitalisation evaluation page', () => {
  it('ranks the townships with closeness and a D grade, drills into a township, shows the radar and the indicator system', async () => {
    const { page, context, errors } = await openSession(browser);
    await signIn(page, world().accounts.admin);
    await page.getByTestId('side-menu').getByText('乡村振兴评价').click();
    await page.getByTestId('revitalisation-page').waitFor();
    expect(await page.getByTestId('area-title').textContent()).toBe('赫章县各乡镇');
    const rows = page.locator('[data-testid="ranking-table"] tbody tr.ant-table-row');
    await rows.first().waitFor();
    await page.locator('[data-testid="grade"]').first().waitFor();
    expect(await rows.count()).toBeGreaterThan(15); // 20 rows per page of Hezhang's 27 townships and sub-districts
    const first = await rows.first().innerText();
    expect(first).toMatch(/^1\s/); // rank 1 first
    expect(first).toMatch(/0\.\d{4}/); // closeness
    const grade = await page.locator('[data-testid="grade"]').first().textContent();
    expect(GRADES).toContain(grade);
    await page.locator('[data-testid="revitalisation-map"] path[data-code]').first().waitFor();
    expect(await page.locator('[data-testid="revitalisation-map"] path[data-code]').count()).toBeGreaterThan(20);
    await expect.poll(() => page.locator('[data-testid="trend"] svg path').count()).toBeGreaterThan(10);
    await expect.poll(() => page.locator('[data-testid="radar"] svg path').count()).toBeGreaterThan(5);
    await screenshot(page, 'evaluation-revitalisation-01-county');

    // Drill into the top township: its villages are ranked.
    const township = (await page.locator('[data-testid="drill"]').first().textContent())!;
    await page.locator('[data-testid="drill"]').first().click();
    await expect.poll(async () => page.getByTestId('area-title').textContent()).toBe(`${township}各村`);
    await page.getByTestId('up').waitFor();
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(1);
    await page.locator('[data-testid="grade"]').first().waitFor();

    // Select the second village: the radar follows it.
    const second = rows.nth(1);
    const villageName = (await second.locator('td').nth(1).textContent())!;
    await second.click();
    await expect.poll(async () => page.getByTestId('radar-card').locator('.ant-card-head-title').textContent()).toContain(villageName);
    await expect.poll(() => page.locator('[data-testid="radar"] svg path').count()).toBeGreaterThan(5);
    await screenshot(page, 'evaluation-revitalisation-02-township-radar');

    // Export: one workbook (a ZIP container) named after the area and year.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^revitalisation-520527\d{3}-2025\.xlsx$/);
    expect(readFileSync((await download.path())!).subarray(0, 2).toString()).toBe('PK');

    // Back up to the county.
    await page.getByTestId('up').click();
    await expect.poll(async () => page.getByTestId('area-title').textContent()).toBe('赫章县各乡镇');

    // The indicator system: five pillars plus consolidation, and the import card.
    await page.getByTestId('side-menu').getByText('评价指标体系').click();
    await page.getByTestId('indicator-system-page').waitFor();
    const text = await page.getByTestId('indicator-system-page').innerText();
    for (const p of ['产业兴旺', '生态宜居', '乡风文明', '治理有效', '生活富裕', '巩固脱贫成果']) expect(text).toContain(p);
    await page.getByTestId('indicator-import').waitFor();
    await screenshot(page, 'evaluation-revitalisation-03-indicator-system');

    // Change the culture pillar's weighting, save (a new version), then put it back.
    const chooseMode = async (label: string) => {
      await page.getByTestId('mode-culture').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: label }).click();
      await page.getByTestId('save-system').click();
      await page.locator('.ant-message-notice', { hasText: '已保存' }).last().waitFor();
    };
    await chooseMode('等权');
    await chooseMode('熵权法');
    expect(await page.getByTestId('indicator-system-page').innerText()).toMatch(/版本 \d+，/);

    // A bad file: the dry run lists the rows with their reasons.
    const csv = ['区划代码,年份,指标代码,数值', '520527999999,2024,industry.labour_productivity,1', '520527101201,2024,industry.nope,1'].join('\n');
    await page.locator('[data-testid="indicator-import"] input[type="file"]').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('dry-run').click();
    await page.getByTestId('import-problems').waitFor();
    const problems = await page.getByTestId('import-problems').innerText();
    expect(problems).toContain('区划库中没有这个村或乡镇');
    expect(problems).toContain('指标体系中没有这个指标代码');
    await page.getByTestId('import-problems').scrollIntoViewIfNeeded();
    await screenshot(page, 'evaluation-revitalisation-04-import-problems');
    expect(errors.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]); // the pre-login session check answers 401
    await context.close();
  });

  it('reads in English', async () => {
    const { page, context, errors } = await openSession(browser, { lang: 'en' });
    await signIn(page, world().accounts.admin);
    await page.goto(world().url + '/evaluation/revitalisation');
    await page.getByTestId('revitalisation-page').waitFor();
    await page.locator('[data-testid="grade"]').first().waitFor();
    const EN = ['extreme disorder', 'serious disorder', 'moderate disorder', 'mild disorder', 'on the verge of disorder', 'barely coordinated', 'primary coordination', 'intermediate coordination', 'good coordination', 'high-quality coordination'];
    expect(EN).toContain(await page.locator('[data-testid="grade"]').first().textContent());
    expect(await page.getByTestId('area-title').textContent()).toMatch(/^Townships of /);
    await expect.poll(() => page.locator('[data-testid="radar"] svg path').count()).toBeGreaterThan(5);
    await screenshot(page, 'evaluation-revitalisation-05-english');
    expect(errors.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
    await context.close();
  });
});

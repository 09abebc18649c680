import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { screenshot } from './browser.js';
import { launchBrowser, openSession, signIn, world } from './journey.js';
import { PASSWORD } from './constants.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const hasNumber = (s: string | null) => /\d/.test(s ?? '');

describe('poverty measures page', () => {
  it('shows income and multidimensional poverty of the county, switches year, drills into a township and exports XLSX', async () => {
    const { page, context, errors } = await openSession(browser);
    await signIn(page, world().accounts.admin);
    await page.getByTestId('side-menu').getByText('贫困测度').click();
    await page.getByTestId('poverty-page').waitFor();
    await page.getByTestId('income-cards').waitFor();
    await page.getByTestId('mpi-cards').waitFor();
    for (const id of ['income-P0', 'income-P1', 'income-P2', 'income-gini', 'mpi-H', 'mpi-A', 'mpi-M0']) {
      expect(hasNumber(await page.getByTestId(id).textContent()), id).toBe(true);
    }
    // Data labels are percentages: the P0 line and the contribution bars have been drawn.
    await page.locator('[data-testid="p0-trend"] svg text', { hasText: '%' }).first().waitFor();
    await page.locator('[data-testid="mpi-contribution"] svg text', { hasText: '%' }).first().waitFor();
    const townships = await page.locator('[data-testid="mpi-children"] tbody tr').count();
    expect(townships).toBeGreaterThan(20); // Hezhang's townships and sub-districts
    // The M0 map: a cell per township, painted (a darker red for a higher M0).
    await page.locator('[data-testid="mpi-map"] path[data-code]').first().waitFor();
    expect(await page.locator('[data-testid="mpi-map"] path[data-code]').count()).toBe(townships);
    expect(await page.getByTestId('mpi-groups').innerText()).toContain('脱贫户');
    const h2024 = await page.getByTestId('mpi-H').textContent();
    await screenshot(page, 'evaluation-poverty-01-county-2024');

    // Another year: the cards are recomputed for it.
    const p0Before = await page.getByTestId('income-P0').textContent();
    const m0Before = await page.getByTestId('mpi-M0').textContent();
    await page.getByTestId('poverty-year').click();
    // 2020 has no monitoring threshold: offered but disabled.
    expect(await page.locator('.ant-select-item-option[title="2020"]').getAttribute('aria-disabled')).toBe('true');
    await page.locator('.ant-select-item-option[title="2021"]').click();
    // Both sections are recomputed for 2021.
    await expect.poll(async () => await page.getByTestId('income-P0').textContent()).not.toBe(p0Before);
    await expect.poll(async () => `${await page.getByTestId('mpi-H').textContent()}|${await page.getByTestId('mpi-M0').textContent()}`).not.toBe(`${h2024}|${m0Before}`);
    expect(hasNumber(await page.getByTestId('mpi-M0').textContent())).toBe(true);
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await screenshot(page, 'evaluation-poverty-02-county-2021');

    // Drill down: the first row (highest M0) opens that township, whose table lists villages.
    const first = page.locator('[data-testid="mpi-children"] tbody tr').first();
    const townshipName = (await first.locator('td').first().innerText()).trim();
    await first.click();
    await expect.poll(async () => (await page.getByTestId('current-division').textContent()) ?? '').toContain(townshipName);
    await expect.poll(async () => (await page.getByTestId('poverty-page').locator('h4').textContent()) ?? '').toContain(townshipName);
    await page.getByTestId('mpi-cards').waitFor();
    expect(hasNumber(await page.getByTestId('mpi-M0').textContent())).toBe(true);
    // The table now lists the township's villages (and residents' committees).
    await expect.poll(async () => await page.locator('[data-testid="mpi-children"] tbody tr').first().innerText()).toMatch(/村|社区|居委会/);
    await page.locator('[data-testid="p0-trend"] svg text', { hasText: '%' }).first().waitFor();
    // The map now shows the township's villages.
    await expect.poll(async () => await page.locator('[data-testid="mpi-map"] path[data-code]').count()).toBe(await page.locator('[data-testid="mpi-children"] tbody tr').count());
    await screenshot(page, 'evaluation-poverty-03-township');

    // Export: one workbook (a ZIP container).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('poverty-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^poverty-520527\d{3}-2021\.xlsx$/);
    const file = await download.path();
    expect(readFileSync(file!).subarray(0, 2).toString()).toBe('PK');

    expect(errors.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
    await context.close();
  });

  it('reads in English', async () => {
    const { page, context, errors } = await openSession(browser);
    await signIn(page, world().accounts.admin);
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('side-menu').getByText('Poverty measures').click();
    await page.getByTestId('mpi-cards').waitFor();
    expect(await page.getByTestId('poverty-page').innerText()).toContain('Adjusted headcount M0');
    await page.locator('[data-testid="mpi-contribution"] svg text', { hasText: '%' }).first().waitFor();
    await page.locator('[data-testid="p0-trend"] svg text', { hasText: '%' }).first().waitFor();
    await screenshot(page, 'evaluation-poverty-04-english');
    expect(errors.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
    await context.close();
  });

  it('is open to a county analyst, who sees the aggregates and no household list', async () => {
    const { page, context, errors } = await openSession(browser);
    // The county administrator creates the analyst account through the API (CSRF token from the login answer).
    const login = await context.request.post(world().url + '/api/auth/login', { data: { username: world().accounts.admin, password: PASSWORD } });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const created = await context.request.post(world().url + '/api/users', {
      data: { username: 'e2e_analyst', displayName: '统计分析员', password: PASSWORD, role: 'analyst', scopePrefix: '520527' },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect([201, 409]).toContain(created.status());
    await context.clearCookies();
    await signIn(page, 'e2e_analyst');
    const menu = page.getByTestId('side-menu');
    await menu.getByText('贫困测度').click();
    expect(await menu.textContent()).not.toContain('农户档案');
    await page.getByTestId('mpi-cards').waitFor();
    expect(hasNumber(await page.getByTestId('mpi-M0').textContent())).toBe(true);
    expect(hasNumber(await page.getByTestId('income-P0').textContent())).toBe(true);
    await screenshot(page, 'evaluation-poverty-05-analyst');
    expect(errors.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
    await context.close();
  });

  it('lets the county administrator replace the specification: a bad k is refused naming the field, a good one is used at once', async () => {
    const { page, context, errors } = await openSession(browser);
    await signIn(page, world().accounts.admin);
    await page.goto(world().url + '/evaluation/poverty');
    await page.getByTestId('mpi-cards').waitFor();
    const hBefore = await page.getByTestId('mpi-H').textContent();
    await page.getByTestId('mpi-spec-edit').click();
    const box = page.getByTestId('mpi-spec-json');
    await expect.poll(async () => (await box.inputValue()).length).toBeGreaterThan(100);
    const spec = JSON.parse(await box.inputValue()) as { k: number };
    await box.fill(JSON.stringify({ ...spec, k: 0 }, null, 2));
    await page.getByTestId('mpi-spec-save').click();
    await page.getByTestId('mpi-spec-errors').waitFor();
    expect(await page.getByTestId('mpi-spec-errors').innerText()).toContain('k');
    expect(await page.getByTestId('mpi-spec-errors').innerText()).toContain('临界值 k 必须大于 0 且不超过 1');
    await screenshot(page, 'evaluation-poverty-06-spec-error');

    await box.fill(JSON.stringify({ ...spec, k: 0.16 }, null, 2));
    await page.getByTestId('mpi-spec-reason').fill('县乡村振兴局 2025 年第 3 号');
    await page.getByTestId('mpi-spec-save').click();
    await page.getByTestId('mpi-spec-json').waitFor({ state: 'detached' });
    await expect.poll(async () => await page.getByTestId('poverty-page').innerText()).toContain('本县指标体系（第 1 版）');
    // A lower k identifies more households as poor.
    const percent = (s: string | null) => Number(/([\d.]+)%/.exec(s ?? '')?.[1]);
    expect(percent(hBefore)).toBeGreaterThan(0);
    await expect.poll(async () => percent(await page.getByTestId('mpi-H').textContent())).toBeGreaterThan(percent(hBefore));
    await screenshot(page, 'evaluation-poverty-07-county-spec');
    expect(errors.filter((e) => !/401|Unauthorized|422/.test(e))).toEqual([]);
    await context.close();
  });
});

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

describe('household search and profile', () => {
  it('finds a household by its head name, opens its profile, edits it and shows field errors from the server', async () => {
    const { page, context, errors } = await openSession(browser);
    const target = world().householdInA;
    await signIn(page, world().accounts.admin);
    await page.getByTestId('side-menu').getByText('农户档案').click();
    await page.getByTestId('household-table').waitFor();
    await page.getByTestId('filter-name').fill(target.headName);
    await page.getByTestId('filter-submit').click();
    const row = page.locator('[data-testid="household-table"] tbody tr', { hasText: target.householdNo });
    await row.waitFor();
    await screenshot(page, '10-household-search');

    await row.getByRole('link', { name: target.householdNo }).click();
    await page.getByTestId('household-profile').waitFor();
    const members = page.getByTestId('members-table');
    await members.getByText(target.headName).waitFor();
    expect(await members.locator('tbody tr.ant-table-row').count()).toBe(3);
    await screenshot(page, '11-household-profile');

    await page.getByRole('tab', { name: /收入情况/ }).click();
    await page.locator('[data-testid="income-chart"] svg').first().waitFor();
    await screenshot(page, '12-household-incomes');

    // Edit the address: saved, and the change shows in the history.
    await page.getByTestId('edit-household').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('住址').fill('赫章县测试新地址18号');
    await dialog.getByLabel('变更原因').fill('入户核实');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('赫章县测试新地址18号').waitFor();
    await page.getByRole('tab', { name: /变更记录/ }).click();
    await page.getByText('入户核实').first().waitFor();

    // A member with a wrong ID checksum: the server's message lands on the ID number field.
    await page.getByRole('tab', { name: /家庭成员/ }).click();
    await page.getByTestId('add-member').click();
    const memberDialog = page.getByRole('dialog');
    await memberDialog.getByLabel('姓名').fill('王测试');
    await memberDialog.getByLabel('身份证号').fill('520527199001011230');
    await memberDialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    const fieldError = memberDialog.locator('.ant-form-item-has-error', { has: page.getByLabel('身份证号') });
    await fieldError.locator('.ant-form-item-explain-error').first().waitFor();
    const message = await fieldError.locator('.ant-form-item-explain-error').first().textContent();
    expect(message).toMatch(/身份证|校验/);
    await screenshot(page, '13-member-field-error');
    await memberDialog.getByRole('button', { name: /取\s*消|Cancel/ }).click();

    // 401: the session check before signing in; 422: the refused member above.
    expect(errors.filter((e) => !/401|422|Unauthorized|Unprocessable/.test(e))).toEqual([]);
    await context.close();
  });
});

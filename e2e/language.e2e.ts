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

describe('language switch', () => {
  it('switches the interface and the server messages from Chinese to English and back', async () => {
    const { page, context } = await openSession(browser);
    await signIn(page, world().accounts.admin);
    const menu = page.getByTestId('side-menu');
    await menu.getByText('农户档案').waitFor();
    expect(await page.getByTestId('logout').textContent()).toContain('退出登录');

    await page.getByTestId('language-switch').getByText('English').click();
    await menu.getByText('Households').waitFor();
    expect(await menu.textContent()).not.toContain('农户档案');
    expect(await page.getByTestId('logout').textContent()).toContain('Sign out');
    expect((await context.cookies()).find((c) => c.name === 'lang')?.value).toBe('en');
    await page.getByTestId('kpi-cards').getByText('Households').waitFor();
    await screenshot(page, '30-dashboard-english');

    // Server messages follow the cookie: a missing household answers in English.
    const res = await context.request.get(world().url + '/api/households/999999999');
    expect(res.status()).toBe(404);
    const english = (await res.json()) as { error: { message: string } };
    expect(english.error.message).toMatch(/[A-Za-z]/);
    expect(english.error.message).not.toMatch(/[\u4e00-\u9fff]/);

    await page.getByTestId('language-switch').getByText('中文').click();
    await menu.getByText('农户档案').waitFor();
    expect(await page.getByTestId('logout').textContent()).toContain('退出登录');
    const chinese = (await (await context.request.get(world().url + '/api/households/999999999')).json()) as { error: { message: string } };
    expect(chinese.error.message).toMatch(/[\u4e00-\u9fff]/);
    await context.close();
  });
});

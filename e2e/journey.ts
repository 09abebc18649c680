import { inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectConsoleErrors, launchBrowser } from './browser.js';
import { PASSWORD } from './constants.js';

export const world = () => inject('world');

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A fresh browser context (own cookies) with a 1440×900 page; zh-CN unless told otherwise. */
export async function openSession(browser: Browser, options: { lang?: 'zh-CN' | 'en' } = {}): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  if (options.lang) await context.addCookies([{ name: 'lang', value: options.lang, url: world().url }]);
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const errors = collectConsoleErrors(page);
  return { browser, context, page, errors };
}

export async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto(world().url + '/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-user').waitFor();
}

export { launchBrowser };

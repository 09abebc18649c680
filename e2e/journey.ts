import { inject, onTestFailed } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectConsoleErrors, launchBrowser, screenshot } from './browser.js';
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
  // A failed journey leaves a picture of the page it failed on (test-results/screenshots/failed-*.png).
  onTestFailed(async ({ task }) => {
    if (!page.isClosed()) await screenshot(page, `failed-${task.name.slice(0, 40).replace(/[^\w]+/g, '-')}`).catch(() => undefined);
  });
  return { browser, context, page, errors };
}

export async function signIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto(world().url + '/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-user').waitFor();
}

/* ---- API steps for the setup of journeys (not the point of a journey) ---- */

export type Call = <T = any>(method: string, path: string, body?: unknown) => Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Signs in through the API and returns a caller that sends the session cookie and the CSRF token. */
export async function apiAs(username: string): Promise<Call> {
  const res = await fetch(world().url + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('rb_session='))!.split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method, path, body) => {
    const r = await fetch(world().url + path, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} → ${r.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

/** The test-only clock route of the e2e harness. */
export async function moveClock(body: { days?: number; to?: string }): Promise<{ now: string }> {
  const r = await fetch(world().url + '/api/test/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`clock: ${r.status} ${await r.text()}`);
  return (await r.json()) as { now: string };
}

/** The China-time date of an instant, plus some days. */
export const localDate = (iso: string, plusDays = 0) => new Date(new Date(iso).getTime() + 8 * 3_600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);

/** Takes a step through the API with the case's current version. */
export async function transition(call: Call, caseId: number, action: string, evidence: unknown): Promise<string> {
  const page = await call<{ case: { version: number } }>('GET', `/api/cases/${caseId}`);
  const c = await call<{ status: string }>('POST', `/api/cases/${caseId}/transitions`, { action, version: page.case.version, evidence });
  return c.status;
}

export { launchBrowser };
